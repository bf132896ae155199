package org.frameproof.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.frameproof.testing.ScreenTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@ScreenTier
class LogFolderDialogTest {
    private final Path folder = Path.of("/home/ana/.local/share/frameproof/logs");
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void showsThePathToCopyAndCopyPathCopiesItAndStaysOpen(FxRobot robot) {
        Alert[] shown = new Alert[1];
        robot.interact(() -> {
            shown[0] = LogFolderDialog.create(owner, folder);
            shown[0].show();
        });
        TextField path = robot.lookup("#logFolderPath").queryAs(TextField.class);
        assertEquals(folder.toString(), path.getText());
        assertFalse(path.isEditable());
        Button copy = (Button) shown[0].getDialogPane().lookupButton(LogFolderDialog.COPY);
        robot.interact(copy::fire);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(folder.toString(), copied[0]);
        assertTrue(shown[0].isShowing(), "copying leaves the path in view");
        robot.interact(shown[0]::close);
    }
}
