package org.frameproof.ui.cases;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.frameproof.domain.Case;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.UserFacingException;
import org.frameproof.ui.cases.CasesViewModel.CaseRow;
import org.frameproof.ui.cases.CasesViewModel.ImportReport;
import org.frameproof.ui.cases.CasesViewModel.IntegrityWarning;
import org.frameproof.ui.common.Thumbnails;

/**
 * Binds the case tree and the provenance form to the view model, and runs the dialogs of the
 * File menu's case and import items.
 */
public final class CasesController {
    private final CasesViewModel viewModel;
    private final Thumbnails thumbnails;
    private Dialog<ButtonType> progressDialog;

    @FXML private VBox root;
    @FXML private TreeView<Object> caseTree;
    @FXML private Label placeholder;
    @FXML private TitledPane detailsPane;
    @FXML private TextField sourceUrlField;
    @FXML private TextField platformField;
    @FXML private TextField posterField;
    @FXML private TextField firstSeenField;
    @FXML private TextField firstSeenBasisField;
    @FXML private CheckBox graphicBox;
    @FXML private CheckBox identifiableBox;
    @FXML private ComboBox<FootageStatus> statusBox;
    @FXML private TextField statusReasonField;
    @FXML private TextField basisSourceField;
    @FXML private TextField basisDateField;
    @FXML private TextField basisPlaceField;
    @FXML private Label detailsMessage;

    CasesController(CasesViewModel viewModel, Thumbnails thumbnails) {
        this.viewModel = viewModel;
        this.thumbnails = thumbnails;
    }

    @FXML
    private void initialize() {
        caseTree.setRoot(new TreeItem<>());
        caseTree.setCellFactory(tree -> new CaseTreeCell());
        viewModel.cases().addListener((javafx.collections.ListChangeListener<CaseRow>) change -> rebuildTree());
        rebuildTree();
        placeholder.visibleProperty().bind(Bindings.isEmpty(viewModel.cases()));
        caseTree.getSelectionModel().selectedItemProperty().addListener((observable, old, item) ->
                viewModel.selectedProperty().set(item != null && item.getValue() instanceof FootageRow row ? row : null));
        caseTree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && viewModel.selectedProperty().get() != null) {
                viewModel.open(viewModel.selectedProperty().get());
            }
        });

        sourceUrlField.textProperty().bindBidirectional(viewModel.sourceUrlProperty());
        platformField.textProperty().bindBidirectional(viewModel.platformProperty());
        posterField.textProperty().bindBidirectional(viewModel.posterProperty());
        firstSeenField.textProperty().bindBidirectional(viewModel.firstSeenAtProperty());
        firstSeenBasisField.textProperty().bindBidirectional(viewModel.firstSeenBasisProperty());
        graphicBox.selectedProperty().bindBidirectional(viewModel.graphicViolenceProperty());
        identifiableBox.selectedProperty().bindBidirectional(viewModel.identifiablePeopleProperty());
        statusBox.getItems().setAll(FootageStatus.values());
        statusBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(FootageStatus status) {
                return status == null ? "" : status.label();
            }

            @Override
            public FootageStatus fromString(String text) {
                return null;
            }
        });
        statusBox.valueProperty().bindBidirectional(viewModel.statusProperty());
        statusReasonField.textProperty().bindBidirectional(viewModel.statusReasonProperty());
        basisSourceField.textProperty().bindBidirectional(viewModel.basisSourceProperty());
        basisDateField.textProperty().bindBidirectional(viewModel.basisDateProperty());
        basisPlaceField.textProperty().bindBidirectional(viewModel.basisPlaceProperty());
        detailsMessage.textProperty().bind(viewModel.detailsMessageProperty());
        detailsPane.disableProperty().bind(viewModel.selectedProperty().isNull());
        detailsPane.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? "Provenance and status"
                : "Provenance: " + viewModel.selectedProperty().get().footage().originalName(), viewModel.selectedProperty()));

        viewModel.importingProperty().addListener((observable, was, running) -> {
            if (running) {
                showImportProgress();
            } else if (progressDialog != null) {
                progressDialog.setResult(ButtonType.CLOSE);
                progressDialog.close();
                progressDialog = null;
            }
        });
        viewModel.importReportProperty().addListener((observable, old, report) -> {
            if (report != null) {
                showImportReport(report);
            }
        });
        viewModel.integrityWarningProperty().addListener((observable, old, warning) -> {
            if (warning != null) {
                warnLoudly(warning);
            }
        });
    }

    // ---- File menu

    /** File › New Case…: asks for a title and a description; returns the case made, if any. */
    public Optional<Case> newCase() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("New Case");
        dialog.setHeaderText("A case holds the footage of one investigation.");
        TextField title = new TextField();
        title.setId("caseTitleField");
        title.setPromptText("e.g. Checkpoint 4, March 2024");
        TextArea description = new TextArea();
        description.setId("caseDescriptionField");
        description.setPrefRowCount(3);
        description.setPrefColumnCount(30);
        description.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Title:"), title);
        grid.addRow(1, new Label("Description:"), description);
        dialog.getDialogPane().setContent(grid);
        ButtonType create = new ButtonType("Create Case", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(title.textProperty().isEmpty());
        Label problem = new Label();
        problem.setStyle("-fx-text-fill: #c62828;");
        grid.add(problem, 1, 2);
        Case[] created = new Case[1];
        // A refused title (a duplicate, say) keeps the dialog open with the reason beside it.
        dialog.getDialogPane().lookupButton(create).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                created[0] = viewModel.createCase(title.getText(), description.getText());
                selectCase(created[0]);
            } catch (UserFacingException e) {
                problem.setText(e.getMessage());
                event.consume();
            }
        });
        dialog.setOnShown(event -> title.requestFocus());
        dialog.showAndWait();
        return Optional.ofNullable(created[0]);
    }

    /** File › Import Footage…: video files into a case. */
    public void importFootage() {
        Optional<Case> target = chooseCase();
        if (target.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import Footage into " + target.get().title());
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos", List.of("*.mp4", "*.m4v", "*.mov", "*.mkv", "*.webm",
                        "*.avi", "*.ts", "*.mts", "*.m2ts", "*.mpg", "*.mpeg", "*.3gp", "*.wmv", "*.flv")),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) {
            viewModel.importFiles(target.get(), files.stream().map(File::toPath).toList());
        }
    }

    /** File › Import Folder…: every file in a folder (and below) into a case. */
    public void importFolder() {
        Optional<Case> target = chooseCase();
        if (target.isEmpty()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import a Folder into " + target.get().title());
        File folder = chooser.showDialog(window());
        if (folder != null) {
            viewModel.importFiles(target.get(), List.of(folder.toPath()));
        }
    }

    /** The case of the selection; else the only case; else the reviewer picks one (or makes the first). */
    private Optional<Case> chooseCase() {
        Case selected = caseOf(caseTree.getSelectionModel().getSelectedItem());
        if (selected != null) {
            return Optional.of(selected);
        }
        List<Case> cases = viewModel.cases().stream().map(CaseRow::investigation).toList();
        if (cases.isEmpty()) {
            return newCase();
        }
        if (cases.size() == 1) {
            return Optional.of(cases.get(0));
        }
        ChoiceDialog<Case> choice = new ChoiceDialog<>(cases.get(0), cases);
        choice.initOwner(window());
        choice.setTitle("Import Footage");
        choice.setHeaderText("Import into which case?");
        return choice.showAndWait();
    }

    // ---- the tree

    private void rebuildTree() {
        Object selected = caseTree.getSelectionModel().getSelectedItem() == null ? null
                : caseTree.getSelectionModel().getSelectedItem().getValue();
        TreeItem<Object> root = caseTree.getRoot();
        root.getChildren().clear();
        TreeItem<Object> reselect = null;
        for (CaseRow row : viewModel.cases()) {
            TreeItem<Object> caseItem = new TreeItem<>(row);
            caseItem.setExpanded(true);
            if (selected instanceof CaseRow old && old.investigation().id() == row.investigation().id()) {
                reselect = caseItem;
            }
            for (FootageRow footage : row.footage()) {
                TreeItem<Object> footageItem = new TreeItem<>(footage);
                caseItem.getChildren().add(footageItem);
                if (selected instanceof FootageRow old && old.footage().id() == footage.footage().id()) {
                    reselect = footageItem;
                }
            }
            root.getChildren().add(caseItem);
        }
        if (reselect != null) {
            caseTree.getSelectionModel().select(reselect);
        }
    }

    private void selectCase(Case investigation) {
        for (TreeItem<Object> item : caseTree.getRoot().getChildren()) {
            if (item.getValue() instanceof CaseRow row && row.investigation().id() == investigation.id()) {
                caseTree.getSelectionModel().select(item);
            }
        }
    }

    private Case caseOf(TreeItem<Object> item) {
        if (item == null) {
            return null;
        }
        if (item.getValue() instanceof FootageRow) {
            item = item.getParent();
        }
        return item != null && item.getValue() instanceof CaseRow row ? row.investigation() : null;
    }

    /** A case (title and count) or a footage item (thumbnail, name, duration, status). */
    private final class CaseTreeCell extends TreeCell<Object> {
        CaseTreeCell() {
            // Long names are cut with an ellipsis rather than widening the pane with a scroll bar.
            setPrefWidth(0);
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && getItem() instanceof FootageRow row) {
                    viewModel.open(row);
                }
            });
            setOnDragOver(event -> {
                if (event.getDragboard().hasFiles() && caseOf(getTreeItem()) != null && !viewModel.importingProperty().get()) {
                    event.acceptTransferModes(TransferMode.COPY);
                    event.consume();
                }
            });
            setOnDragEntered(event -> {
                if (event.getDragboard().hasFiles() && caseOf(getTreeItem()) != null) {
                    getStyleClass().add("drop-target");
                }
            });
            setOnDragExited(event -> getStyleClass().remove("drop-target"));
            setOnDragDropped(this::dropped);
        }

        private void dropped(DragEvent event) {
            Case target = caseOf(getTreeItem());
            List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
            boolean accepted = target != null && !files.isEmpty();
            if (accepted) {
                List<Path> paths = files.stream().map(File::toPath).toList();
                // After the drop has finished: the import's dialogs must not open inside the drag.
                javafx.application.Platform.runLater(() -> viewModel.importFiles(target, paths));
            }
            event.setDropCompleted(accepted);
            event.consume();
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("footage-failed");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof CaseRow row) {
                Label title = new Label(row.investigation().title());
                title.getStyleClass().add("case-title");
                Label count = new Label(row.footage().size() == 1 ? "1 item" : row.footage().size() + " items");
                count.getStyleClass().add("footage-facts");
                HBox box = new HBox(8, title, count);
                box.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
                setText(null);
                setGraphic(box);
            } else if (item instanceof FootageRow row) {
                ImageView picture = new ImageView();
                thumbnails.show(picture, row.footage(), 0);
                if (row.footage().flaggedGraphic()) {
                    Tooltip.install(picture, new Tooltip("Flagged graphic: blurred until revealed"));
                }
                StackPane frame = new StackPane(picture);
                frame.getStyleClass().add("thumbnail-frame");
                Label name = new Label(row.footage().originalName());
                name.getStyleClass().add("footage-name");
                // A line each, so that a narrow pane cuts neither the authenticity nor the copy's state short.
                Label facts = new Label(row.durationText() + "\n" + row.statusText());
                facts.getStyleClass().add("footage-facts");
                HBox box = new HBox(8, frame, new VBox(2, name, facts));
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                if (row.failed()) {
                    getStyleClass().add("footage-failed");
                }
                setText(null);
                setGraphic(box);
            }
        }
    }

    // ---- import progress, report, integrity warning

    private void showImportProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(420);
        bar.progressProperty().bind(viewModel.importProgressProperty());
        Label step = new Label();
        step.setId("importStep");
        step.textProperty().bind(viewModel.importStepProperty());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Importing Footage");
        dialog.setHeaderText("Copying into the vault, hashing, and checking each file.");
        dialog.getDialogPane().setContent(new VBox(10, step, bar));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("cancelImportButton");
        // Cancel asks the import to stop; the dialog closes once the half-copied file has been removed.
        cancel.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            cancel.setDisable(true);
            cancel.setText("Cancelling…");
            viewModel.cancelImport();
        });
        dialog.setOnCloseRequest(event -> {
            if (viewModel.importingProperty().get()) {
                event.consume();
                cancel.fire();
            }
        });
        progressDialog = dialog;
        dialog.show();
    }

    private void showImportReport(ImportReport report) {
        boolean trouble = report.stoppedBecause() != null || report.lines().stream().anyMatch(line -> line.startsWith("Refused"));
        Alert alert = new Alert(trouble ? Alert.AlertType.WARNING : Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle("Import Finished");
        alert.setHeaderText(report.stoppedBecause() != null && report.stoppedBecause().startsWith("Cancelled")
                ? "Import into " + report.caseTitle() + " was cancelled"
                : "Import into " + report.caseTitle());
        StringBuilder text = new StringBuilder(String.join("\n", report.lines()));
        if (report.stoppedBecause() != null) {
            text.append(text.length() == 0 ? "" : "\n\n").append(report.stoppedBecause());
        }
        if (text.length() == 0) {
            text.append("There were no files to import.");
        }
        alert.setContentText(text.toString());
        alert.getDialogPane().setId("importReport");
        alert.show();
    }

    /** A blocking alert: the reviewer must see that this copy can no longer be trusted. */
    private void warnLoudly(IntegrityWarning warning) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setTitle("Footage Failed Verification");
        alert.setHeaderText(warning.footage().originalName() + " (#" + warning.footage().id() + ") has changed since it was imported");
        alert.setContentText("Recorded SHA-256:\n" + warning.expectedSha256() + "\n\nThe vault copy now reads as:\n"
                + warning.actualSha256() + "\n\nThe item is marked as failed verification in the case and in the audit log. "
                + "Do not rely on what this copy shows; restore the vault from a verified backup.");
        alert.getDialogPane().setId("integrityWarning");
        alert.getDialogPane().setMinWidth(640);
        alert.showAndWait();
        viewModel.integrityWarningShown();
    }

    @FXML
    private void saveDetails() {
        viewModel.saveDetails();
    }


    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
