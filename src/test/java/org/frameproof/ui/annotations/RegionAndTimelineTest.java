package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Region;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.player.FrameView;
import org.frameproof.ui.timeline.TimelineLanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Regions drawn with the mouse land on the frame's own pixels; the timeline jumps, selects and retimes. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class RegionAndTimelineTest {
    @TempDir Path dataFolder;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void aDraggedRectangleIsStoredInFramePixelsBeforeAndAfterZoom(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.type(KeyCode.DIGIT1).write("Man on the left").type(KeyCode.ENTER).type(KeyCode.R);
            FrameView frameView = robot.lookup(".frame-view").queryAs(FrameView.class);
            drag(robot, frameView, 100, 50, 300, 200);
            Region drawn = window.only(clip.id()).region();
            double onePixel = 1 / frameView.scale();
            assertRegion(new Region(Region.Shape.RECTANGLE, 100, 50, 200, 150), drawn, onePixel);
            assertDrawnOver(robot, frameView, drawn);

            robot.moveTo(screen(frameView, 320, 180));
            robot.scroll(10, VerticalDirection.DOWN);
            AnnotationWindow.waitUntil(() -> window.player.zoomProperty().get() > 4);
            assertDrawnOver(robot, frameView, drawn);

            robot.type(KeyCode.E);
            drag(robot, frameView, 300, 160, 340, 190);
            Region zoomed = window.only(clip.id()).region();
            assertRegion(new Region(Region.Shape.ELLIPSE, 300, 160, 40, 30), zoomed, 1 / frameView.scale());
            assertTrue(1 / frameView.scale() < 0.25, "at this zoom a screen pixel is a fraction of a frame pixel");
            assertDrawnOver(robot, frameView, zoomed);
        }
    }

    @Test
    void onTheRotatedPhoneClipTheRegionIsInUprightPixels(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.PORTRAIT_ROTATION_90);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            assertEquals(240, (int) window.player.imageProperty().get().getWidth(), "shown upright, 240 wide");
            robot.type(KeyCode.DIGIT4).write("Face").type(KeyCode.ENTER).type(KeyCode.R);
            FrameView frameView = robot.lookup(".frame-view").queryAs(FrameView.class);
            drag(robot, frameView, 20, 200, 100, 300);
            Region drawn = window.only(clip.id()).region();
            assertRegion(new Region(Region.Shape.RECTANGLE, 20, 200, 80, 100), drawn, 1 / frameView.scale());
            assertDrawnOver(robot, frameView, drawn);
        }
    }

    @Test
    void clickingAnAnnotationOnTheTimelineJumpsToItsFrameAndDraggingItsEdgeRetimesIt(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.interact(() -> window.player.goTo(137));
            window.waitForFrame(137);
            robot.type(KeyCode.DIGIT4).write("Shot heard").type(KeyCode.ENTER);
            robot.interact(() -> window.player.goTo(20));
            window.waitForFrame(20);
            robot.type(KeyCode.I);
            robot.interact(() -> window.player.goTo(30));
            window.waitForFrame(30);
            robot.type(KeyCode.O).type(KeyCode.DIGIT3).write("Armband").type(KeyCode.ENTER);
            robot.interact(() -> window.player.goTo(0));
            window.waitForFrame(0);

            TimelineLanes lanes = robot.lookup(".timeline-lanes").queryAs(TimelineLanes.class);
            robot.clickOn(screen(lanes, lanes.xOf(137.5), TimelineLanes.laneCentre(AnnotationKind.NOTE)), MouseButton.PRIMARY);
            window.waitForFrame(137);
            assertEquals(137, window.frameOnScreen(), "the frame on screen is the annotation's");
            assertEquals("Shot heard", window.session.selectedProperty().get().observation());

            // The uniform's out edge lies after frame 30's cell; drag it to after frame 40's.
            robot.drag(screen(lanes, lanes.xOf(31), TimelineLanes.laneCentre(AnnotationKind.UNIFORM)), MouseButton.PRIMARY)
                    .moveTo(screen(lanes, lanes.xOf(36), TimelineLanes.laneCentre(AnnotationKind.UNIFORM)))
                    .moveTo(screen(lanes, lanes.xOf(41), TimelineLanes.laneCentre(AnnotationKind.UNIFORM)))
                    .drop();
            Annotation uniform = window.stored(clip.id()).stream().filter(a -> a.kind() == AnnotationKind.UNIFORM)
                    .findFirst().orElseThrow();
            assertEquals(20, uniform.span().startFrame());
            assertEquals(40, uniform.span().endFrame());
            assertEquals("Undo new frames of uniform at frames 20-30", window.session.undoTextProperty().get());
        }
    }

    private static void drag(FxRobot robot, FrameView view, double x1, double y1, double x2, double y2) {
        robot.drag(screen(view, view.frameToView(x1, y1)), MouseButton.PRIMARY)
                .moveTo(screen(view, view.frameToView((x1 + x2) / 2, (y1 + y2) / 2)))
                .moveTo(screen(view, view.frameToView(x2, y2)))
                .drop();
    }

    private static Point2D screen(FrameView view, double frameX, double frameY) {
        return screen(view, view.frameToView(frameX, frameY));
    }

    private static Point2D screen(javafx.scene.Node node, Point2D local) {
        return node.localToScreen(local);
    }

    private static Point2D screen(javafx.scene.Node node, double x, double y) {
        return node.localToScreen(x, y);
    }

    /** The region drawn lies where the drag went, to the nearest whole frame pixel (as regions are kept). */
    private static void assertRegion(Region expected, Region actual, double tolerance) {
        assertEquals(expected.shape(), actual.shape());
        for (double value : new double[] {actual.x(), actual.y(), actual.width(), actual.height()}) {
            assertEquals(Math.rint(value), value, "whole pixels: " + actual);
        }
        assertEquals(expected.x(), actual.x(), tolerance + 0.51, "x");
        assertEquals(expected.y(), actual.y(), tolerance + 0.51, "y");
        assertEquals(expected.width(), actual.width(), 2 * tolerance + 1.01, "width");
        assertEquals(expected.height(), actual.height(), 2 * tolerance + 1.01, "height");
    }

    /** The outline on screen covers the region's frame pixels, wherever the picture is zoomed and panned. */
    private static void assertDrawnOver(FxRobot robot, FrameView view, Region region) {
        Shape outline = robot.lookup(".selected-region").queryAs(Shape.class);
        Bounds drawn = AnnotationWindow.onFx(() -> outline.localToScreen(outline.getLayoutBounds()));
        Point2D topLeft = AnnotationWindow.onFx(() -> screen(view, region.x(), region.y()));
        Point2D bottomRight = AnnotationWindow.onFx(() -> screen(view, region.x() + region.width(), region.y() + region.height()));
        double strokeSlack = 2;
        assertEquals(topLeft.getX(), drawn.getMinX(), strokeSlack);
        assertEquals(topLeft.getY(), drawn.getMinY(), strokeSlack);
        assertEquals(bottomRight.getX(), drawn.getMaxX(), strokeSlack);
        assertEquals(bottomRight.getY(), drawn.getMaxY(), strokeSlack);
    }
}
