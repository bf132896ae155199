package org.frameproof.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.frameproof.testing.ScreenTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the picture looks like on screen: a one-pixel checkerboard, enlarged, must stay pure black and
 * white (no interpolated grey), and reduced it is smoothed. Read back from a snapshot of the scene.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class FrameViewPixelsTest {
    private static final int SIDE = 40;
    private FrameView frameView;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        frameView = new FrameView();
        frameView.imageProperty().set(checkerboard());
        // A fixed area, whatever size the picture asks for.
        frameView.setPrefSize(400, 400);
        frameView.setMaxSize(400, 400);
        stage.setScene(new Scene(new StackPane(frameView), 400, 400));
        stage.show();
    }

    @Test
    void enlargedByTheFitAloneThePixelsStayTheFramesOwn(FxRobot robot) {
        double scale = frameView.scale();
        assertTrue(scale > 2, "a 40x40 picture in a 400x400 area is enlarged, by " + scale);
        assertEquals(scale, frameView.shownScaleProperty().get(), 1e-9);
        assertEquals(0, interpolatedShare(robot), 0.001, "grey pixels at fit scale " + scale);
        robot.interact(() -> frameView.zoomProperty().set(3.3));
        assertEquals(0, interpolatedShare(robot), 0.001, "grey pixels at " + frameView.scale());
    }

    @Test
    void reducedThePictureIsSmoothed(FxRobot robot) {
        robot.interact(() -> frameView.imageProperty().set(checkerboard(800)));
        assertTrue(frameView.scale() < 1, "reduced to " + frameView.scale() + " in " + frameView.getWidth() + "x" + frameView.getHeight());
        assertTrue(interpolatedShare(robot) > 0.5, "a reduced checkerboard averages to grey");
    }

    @Test
    void aPlaybackPictureSmallerThanTheFrameCoversTheFramesPlaceAndCoordinatesStayTheFrames(FxRobot robot) {
        robot.interact(() -> frameView.imageProperty().set(checkerboard(800)));
        Bounds fullSize = frameView.pictureBoundsProperty().get();
        double fullScale = frameView.scale();
        // Playback draws the 800-pixel frame at the 200 pixels it takes on screen.
        robot.interact(() -> {
            frameView.frameSizeProperty().set(new Dimension2D(800, 800));
            frameView.imageProperty().set(checkerboard(200));
        });
        assertEquals(fullSize, frameView.pictureBoundsProperty().get(), "same place on screen");
        assertEquals(fullScale, frameView.shownScaleProperty().get(), 1e-9, "the scale readout is per frame pixel");
        Point2D corner = frameView.frameToView(800, 800);
        assertEquals(fullSize.getMaxX(), corner.getX(), 1e-6);
        assertEquals(new Point2D(400, 400), frameView.viewToFrame(fullSize.getMinX() + fullSize.getWidth() / 2,
                fullSize.getMinY() + fullSize.getHeight() / 2));
        assertEquals(0, interpolatedShare(robot), 0.001, "the small picture is shown 1:1 or enlarged, never blurred");
    }

    /** The share of the picture's pixels on screen that are neither black nor white. */
    private double interpolatedShare(FxRobot robot) {
        double[] share = new double[1];
        robot.interact(() -> {
            Image shown = frameView.getScene().snapshot(null);
            Bounds area = frameView.localToScene(frameView.getLayoutBounds());
            Bounds picture = frameView.getChildrenUnmodifiable().get(0).localToScene(
                    frameView.getChildrenUnmodifiable().get(0).getBoundsInLocal());
            int grey = 0;
            int all = 0;
            for (int y = (int) Math.max(area.getMinY(), picture.getMinY()) + 1; y < Math.min(area.getMaxY(), picture.getMaxY()) - 1; y++) {
                for (int x = (int) Math.max(area.getMinX(), picture.getMinX()) + 1; x < Math.min(area.getMaxX(), picture.getMaxX()) - 1; x++) {
                    int rgb = shown.getPixelReader().getArgb(x, y) & 0xFFFFFF;
                    all++;
                    if (rgb != 0 && rgb != 0xFFFFFF) {
                        grey++;
                    }
                }
            }
            share[0] = (double) grey / all;
        });
        return share[0];
    }

    private static Image checkerboard() {
        return checkerboard(SIDE);
    }

    private static Image checkerboard(int side) {
        WritableImage image = new WritableImage(side, side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.getPixelWriter().setArgb(x, y, (x + y) % 2 == 0 ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }
}
