package org.frameproof.ui.main;

import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Says where the log folder is when no file manager could open it: its path, selectable and copyable. */
final class LogFolderDialog {
    static final ButtonType COPY = new ButtonType("Copy Path", ButtonBar.ButtonData.LEFT);

    private LogFolderDialog() {
    }

    static Alert create(Window owner, Path folder) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, COPY, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Log Folder");
        alert.setHeaderText("No file manager could open the log folder");
        TextField path = new TextField(folder.toString());
        path.setId("logFolderPath");
        path.setEditable(false);
        path.setPrefColumnCount(40);
        alert.getDialogPane().setContent(new VBox(8, new Label("Frameproof's log is in this folder:"), path));
        alert.getDialogPane().setId("logFolderDialog");
        // Copy Path copies and leaves the dialog open, so the reviewer sees that nothing else happened.
        alert.getDialogPane().lookupButton(COPY).addEventFilter(ActionEvent.ACTION, event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(folder.toString());
            Clipboard.getSystemClipboard().setContent(content);
            path.selectAll();
            event.consume();
        });
        alert.setOnShown(event -> path.selectAll());
        return alert;
    }
}
