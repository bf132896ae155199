package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.frameproof.domain.Footage;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Where a newcomer is sent: to a case's footage once there is a case, and to the imported item when they open its file. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class OpenWhatIsImportedTest {
    @TempDir Path dataFolder;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void withoutACaseTheEmptyPictureSaysToOpenAVideo(FxRobot robot) throws Exception {
        TestStores.create(dataFolder).close();
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            Label placeholder = robot.lookup(".video-placeholder").queryAs(Label.class);
            assertTrue(placeholder.getText().startsWith("Open a video"), placeholder.getText());
        }
    }

    @Test
    void openingAFileTheVaultHoldsOpensItsFootageItemReadyToAnnotate(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            Label placeholder = robot.lookup(".video-placeholder").queryAs(Label.class);
            assertTrue(placeholder.getText().startsWith("Double-click footage in a case"), placeholder.getText());
            robot.interact(() -> window.player.open(Clip.H264_BFRAMES_LONGGOP.path()));
            AnnotationWindow.waitUntil(() -> window.session.enabledProperty().get());
            assertEquals(clip.id(), window.session.footageProperty().get().id());
            assertEquals(VaultCopies.of(window.store.unlockedVault()).of(clip), window.player.openFileProperty().get(),
                    "the vault copy, checked at import, is what is on screen");
            assertTrue(window.session.messageProperty().get().startsWith("This file is already imported as"),
                    window.session.messageProperty().get());
        }
    }
}
