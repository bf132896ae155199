package org.frameproof.ui.receive;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.frameproof.ui.common.WorkDialog;

/** File > Receive…: a thin window over {@link ReceiveViewModel}; it stays open while a bundle is checked or merged. */
public final class ReceiveDialog {
    private ReceiveDialog() {
    }

    public static Stage show(Window owner, ReceiveViewModel viewModel) {
        Button choose = new Button("Choose Bundle…");
        choose.setId("receiveChooseButton");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.disableProperty().bind(viewModel.run().runningProperty());
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A Bundle You Received");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Frameproof bundle", "*.fpb"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File bundle = chooser.showOpenDialog(choose.getScene().getWindow());
            if (bundle != null) {
                viewModel.choose(bundle.toPath());
            }
        });
        Label file = new Label();
        file.setId("receiveFile");
        file.setWrapText(true);
        file.textProperty().bind(Bindings.createStringBinding(() -> viewModel.fileProperty().get() == null
                ? "Choose a bundle addressed to you: it is checked whole, and what it would change is shown, before anything is"
                        + " merged." : viewModel.fileProperty().get().toString(), viewModel.fileProperty()));
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox top = new HBox(10, choose, file);
        top.setAlignment(Pos.CENTER_LEFT);

        TextArea preview = new TextArea();
        preview.setId("receivePreview");
        preview.getStyleClass().add("work-outcome");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(18);
        preview.textProperty().bind(viewModel.previewProperty());
        preview.visibleProperty().bind(viewModel.previewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());

        Button merge = new Button("Merge");
        merge.setId("mergeButton");
        merge.setDefaultButton(true);
        merge.disableProperty().bind(viewModel.canMergeBinding().not());
        merge.setOnAction(event -> viewModel.merge());
        WorkDialog.Parts parts = WorkDialog.parts(viewModel.run(), viewModel.outcomeProperty(), "receive");
        HBox buttons = new HBox(10, merge, parts.cancel(), parts.close());
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, top, parts.progress(), parts.failure(), preview, parts.outcome(), buttons);
        root.setPadding(new Insets(16, 18, 16, 18));
        root.setPrefWidth(820);
        VBox.setVgrow(preview, Priority.ALWAYS);
        return WorkDialog.show(owner, "Receive", root, viewModel.run(), viewModel.outcomeProperty());
    }
}
