package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.frameproof.domain.Footage;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a reviewer sees change: a save is confirmed in the status bar, and region drawing shows that it is on. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class SignsTest {
    @TempDir Path dataFolder;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void savingAFindingSaysSoInTheStatusBar(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.type(KeyCode.DIGIT4).write("Shot heard").type(KeyCode.ENTER);
            assertEquals("Shot heard", window.only(clip.id()).observation());
            String status = statusText(robot);
            assertTrue(status.startsWith("Saved note at frame 0 at "), status);
        }
    }

    @Test
    void regionDrawingShowsACrosshairAndASignWhileItIsOn(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.type(KeyCode.DIGIT4).write("Face").type(KeyCode.ENTER);
            Label sign = robot.lookup("#drawingSign").queryAs(Label.class);
            assertFalse(AnnotationWindow.onFx(sign::isVisible), "no sign while a drag pans");
            robot.type(KeyCode.R);
            assertTrue(AnnotationWindow.onFx(() -> sign.isVisible() && sign.getHeight() > 0));
            assertEquals("Drawing a rectangle: drag over the picture (R again to stop)", sign.getText());
            assertEquals(Cursor.CROSSHAIR, robot.lookup(".region-layer").query().getCursor());
            robot.type(KeyCode.E);
            assertTrue(sign.getText().startsWith("Drawing an ellipse"), sign.getText());
            robot.type(KeyCode.E);
            assertFalse(AnnotationWindow.onFx(sign::isVisible), "off again");
            assertEquals(Cursor.DEFAULT, robot.lookup(".region-layer").query().getCursor());
        }
    }

    private static String statusText(FxRobot robot) {
        return AnnotationWindow.onFx(() -> robot.lookup(".status-bar").queryAs(StatusBar.class).getText());
    }
}
