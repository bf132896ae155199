package org.frameproof.ui.export;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.frameproof.ui.common.ViewLoader;

/** The export dialog's window: modal over the main window, in its theme; it stays open while an export runs. */
public final class ExportDialog {
    private ExportDialog() {
    }

    public static Stage show(Window owner, ExportViewModel viewModel) {
        Parent view = ViewLoader.load(ExportDialog.class.getResource("ExportView.fxml"), () -> new ExportController(viewModel));
        Scene scene = new Scene(view);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(ExportDialog.class.getResource("export.css").toExternalForm());
        Stage stage = new Stage();
        stage.setTitle("Export");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (viewModel.run().runningProperty().get()) {
                // Cancel first, so the export removes what it wrote before the window goes.
                event.consume();
            }
        });
        // The outcome (with its Open and Show in Folder), the message and the progress bar appear when they
        // have something to say; the window is fitted once every part has followed the change.
        Runnable fit = () -> javafx.application.Platform.runLater(stage::sizeToScene);
        viewModel.run().outcomeProperty().addListener((observable, old, text) -> fit.run());
        viewModel.run().messageProperty().addListener((observable, old, text) -> fit.run());
        viewModel.run().runningProperty().addListener((observable, old, running) -> fit.run());
        stage.show();
        return stage;
    }
}
