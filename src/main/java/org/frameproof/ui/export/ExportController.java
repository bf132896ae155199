package org.frameproof.ui.export;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.frameproof.domain.Case;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.exchange.ExportOptions.GraphicStills;

/** Binds the export dialog to its view model; picks destinations with the system's file choosers. */
public final class ExportController {
    private final ExportViewModel viewModel;

    @FXML private VBox root;
    @FXML private ComboBox<Case> caseChoice;
    @FXML private ComboBox<ExportViewModel.ScopeChoice> scopeChoice;
    @FXML private ComboBox<ExportFormat> formatChoice;
    @FXML private Label graphicLabel;
    @FXML private HBox graphicChoices;
    @FXML private ToggleGroup graphicGroup;
    @FXML private RadioButton includeGraphic;
    @FXML private RadioButton blurGraphic;
    @FXML private RadioButton omitGraphic;
    @FXML private Label graphicHint;
    @FXML private HBox resultActions;
    @FXML private CheckBox includeFailedBox;
    @FXML private Label destinationLabel;
    @FXML private TextField destinationField;
    @FXML private Button chooseButton;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private Label messageLabel;
    @FXML private TextArea outcomeArea;
    @FXML private Button exportButton;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;

    public ExportController(ExportViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        caseChoice.setItems(viewModel.cases());
        caseChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Case investigation) {
                return investigation == null ? "" : investigation.title();
            }

            @Override
            public Case fromString(String text) {
                return null;
            }
        });
        caseChoice.valueProperty().bindBidirectional(viewModel.selectedCaseProperty());
        scopeChoice.setItems(viewModel.scopes());
        scopeChoice.valueProperty().bindBidirectional(viewModel.scopeProperty());
        formatChoice.getItems().setAll(ExportFormat.values());
        formatChoice.setCellFactory(list -> new FormatCell());
        formatChoice.setButtonCell(new FormatCell());
        formatChoice.valueProperty().bindBidirectional(viewModel.formatProperty());

        includeGraphic.setUserData(GraphicStills.INCLUDE);
        blurGraphic.setUserData(GraphicStills.BLUR);
        omitGraphic.setUserData(GraphicStills.OMIT);
        selectGraphic(viewModel.graphicStillsProperty().get());
        graphicGroup.selectedToggleProperty().addListener((observable, old, toggle) -> {
            if (toggle != null) {
                viewModel.graphicStillsProperty().set((GraphicStills) toggle.getUserData());
            }
        });
        viewModel.graphicStillsProperty().addListener((observable, old, value) -> selectGraphic(value));
        graphicChoices.disableProperty().bind(viewModel.graphicStillsApplyBinding().not());
        graphicLabel.disableProperty().bind(viewModel.graphicStillsApplyBinding().not());
        graphicHint.textProperty().bind(Bindings.when(viewModel.graphicStillsApplyBinding())
                .then("for footage flagged graphic, in the report")
                .otherwise("only the PDF report blurs or leaves out stills"));

        includeFailedBox.selectedProperty().bindBidirectional(viewModel.includeFailedProperty());
        destinationField.textProperty().bindBidirectional(viewModel.destinationProperty());
        destinationLabel.textProperty().bind(Bindings.when(viewModel.formatProperty().isEqualTo(ExportFormat.STILLS))
                .then("_Save to folder:").otherwise("_Save to:"));

        var running = viewModel.run().runningProperty();
        for (var control : new javafx.scene.Node[] {caseChoice, scopeChoice, formatChoice, includeFailedBox, destinationField,
                chooseButton}) {
            control.disableProperty().bind(running);
        }
        progressBar.progressProperty().bind(viewModel.run().progressProperty());
        progressBar.visibleProperty().bind(running.or(viewModel.run().outcomeProperty().isNotEmpty()));
        progressText.textProperty().bind(Bindings.createStringBinding(() -> {
            double done = viewModel.run().progressProperty().get();
            return !progressBar.isVisible() ? "" : done < 0 ? "…" : Math.round(done * 100) + " %";
        }, viewModel.run().progressProperty(), progressBar.visibleProperty()));
        messageLabel.textProperty().bind(viewModel.run().messageProperty());
        messageLabel.managedProperty().bind(viewModel.run().messageProperty().isNotEmpty());
        messageLabel.visibleProperty().bind(viewModel.run().messageProperty().isNotEmpty());
        outcomeArea.textProperty().bind(viewModel.run().outcomeProperty());
        outcomeArea.visibleProperty().bind(viewModel.run().outcomeProperty().isNotEmpty());
        outcomeArea.managedProperty().bind(outcomeArea.visibleProperty());
        resultActions.visibleProperty().bind(outcomeArea.visibleProperty());
        resultActions.managedProperty().bind(resultActions.visibleProperty());
        progressRow.visibleProperty().bind(progressBar.visibleProperty());
        progressRow.managedProperty().bind(progressBar.visibleProperty());
        exportButton.disableProperty().bind(viewModel.canExportBinding().not());
        cancelButton.visibleProperty().bind(running);
        cancelButton.managedProperty().bind(running);
        closeButton.disableProperty().bind(running);
    }

    private void selectGraphic(GraphicStills value) {
        for (Toggle toggle : graphicGroup.getToggles()) {
            if (toggle.getUserData() == value) {
                graphicGroup.selectToggle(toggle);
            }
        }
    }

    @FXML
    private void chooseDestination() {
        Path current = Path.of(viewModel.destinationProperty().get().isBlank() ? "." : viewModel.destinationProperty().get())
                .toAbsolutePath();
        File folder = current.getParent() != null && current.getParent().toFile().isDirectory() ? current.getParent().toFile() : null;
        Window window = root.getScene().getWindow();
        File chosen;
        if (viewModel.destinationIsFolder()) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the Stills (new or empty)");
            chooser.setInitialDirectory(folder);
            chosen = chooser.showDialog(window);
        } else {
            ExportFormat format = viewModel.formatProperty().get();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save " + format.label());
            chooser.setInitialDirectory(folder);
            chooser.setInitialFileName(current.getFileName().toString());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(),
                    "*." + ExportViewModel.extension(format)));
            chosen = chooser.showSaveDialog(window);
        }
        if (chosen != null) {
            viewModel.destinationProperty().set(chosen.getAbsolutePath());
        }
    }

    @FXML
    private void export() {
        viewModel.export();
    }

    @FXML
    private void openResult() {
        viewModel.openResult();
    }

    @FXML
    private void showResultInFolder() {
        viewModel.showResultInFolder();
    }

    @FXML
    private void cancel() {
        viewModel.run().cancel();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }

    /** A format by its name for people, with the file it makes. */
    private static final class FormatCell extends ListCell<ExportFormat> {
        @Override
        protected void updateItem(ExportFormat format, boolean empty) {
            super.updateItem(format, empty);
            setText(empty || format == null ? null : format.label() + (format == ExportFormat.STILLS
                    ? " (PNG of every annotated frame, with sidecars, in a folder)" : " (." + ExportViewModel.extension(format) + ")"));
        }
    }
}
