package org.frameproof.ui.main;

import java.io.File;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.controlsfx.control.StatusBar;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import org.frameproof.ui.annotations.AnnotationWorkspace;
import org.frameproof.ui.cases.CasesView;
import org.frameproof.ui.shortcuts.KeyBinding;
import org.frameproof.ui.receive.ReceiveDialog;
import org.frameproof.ui.send.SendDialog;
import org.frameproof.ui.team.TeamDialog;
import org.frameproof.ui.unlock.ChangePassphraseDialog;
import org.frameproof.ui.unlock.ChangePassphraseViewModel;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.player.PlayerView;
import org.frameproof.ui.player.PlayerViewModel;

/** Binds the main window's controls to its view model and forwards menu actions. */
public final class MainWindowController {
    private final MainWindowViewModel viewModel;
    private final String aboutText;
    private final PlayerView player;
    private final PlayerViewModel playerViewModel;
    private final CasesView cases;
    private final Supplier<ChangePassphraseViewModel> changePassphrase;
    private final AnnotationWorkspace annotations;

    @FXML private BorderPane root;
    @FXML private StackPane playerHost;
    @FXML private StackPane casesHost;
    @FXML private SplitPane panes;
    @FXML private StatusBar statusBar;
    @FXML private MenuItem newCaseItem;
    @FXML private MenuItem importItem;
    @FXML private MenuItem openVideoItem;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem findItem;
    @FXML private MenuItem mediaFactsItem;
    @FXML private MenuItem resetZoomItem;
    @FXML private MenuItem shortcutsItem;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private StackPane annotationHost;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private CheckMenuItem grayscaleItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem exportFrameItem;
    @FXML private MenuItem logFolderItem;
    @FXML private MenuItem demoCaseItem;
    @FXML private MenuItem teamItem;
    @FXML private MenuItem sendItem;
    @FXML private MenuItem receiveItem;

    public MainWindowController(MainWindowViewModel viewModel, String aboutText, PlayerView player,
            PlayerViewModel playerViewModel, CasesView cases, Supplier<ChangePassphraseViewModel> changePassphrase,
            AnnotationWorkspace annotations) {
        this.viewModel = viewModel;
        this.annotations = annotations;
        this.aboutText = aboutText;
        this.player = player;
        this.playerViewModel = playerViewModel;
        this.cases = cases;
        this.changePassphrase = changePassphrase;
    }

    @FXML
    private void initialize() {
        bindKeys();
        casesHost.getChildren().setAll(cases.node());
        // The status bar says what happened last: background work on an opened item (its verification and
        // its result) or the window's own notices (a save); with no work to tell of, the window's status.
        var activity = cases.viewModel().activityProperty();
        statusBar.setText(activity.get().isEmpty() ? viewModel.statusProperty().get() : activity.get());
        activity.addListener((observable, old, text) -> statusBar.setText(text.isEmpty() ? viewModel.statusProperty().get() : text));
        viewModel.statusProperty().addListener((observable, old, text) -> statusBar.setText(text));
        statusBar.progressProperty().bind(cases.viewModel().activityProgressProperty());
        lightThemeItem.setSelected(viewModel.themeProperty().get() == Theme.LIGHT);
        darkThemeItem.setSelected(viewModel.themeProperty().get() == Theme.DARK);
        lightThemeItem.setOnAction(e -> viewModel.themeProperty().set(Theme.LIGHT));
        darkThemeItem.setOnAction(e -> viewModel.themeProperty().set(Theme.DARK));
        playerHost.getChildren().setAll(player.node());
        // A video opened directly cannot be annotated: once there is a case, point to its footage instead.
        String openHint = player.controller().placeholderTextProperty().get();
        player.controller().placeholderTextProperty().bind(Bindings.when(Bindings.isEmpty(viewModel.cases())).then(openHint)
                .otherwise("Double-click footage in a case to review and annotate it, or import a video into a case (Ctrl+I)"));
        bindAnnotations();
        arrangePanes();
        exportItem.disableProperty().bind(viewModel.exportsProperty().isNull());
        exportFrameItem.disableProperty().bind(viewModel.exportsProperty().isNull().or(playerViewModel.loadedProperty().not()));
        logFolderItem.disableProperty().bind(viewModel.logFolderProperty().isNull());
        demoCaseItem.disableProperty().bind(viewModel.demoCaseProperty().isNull());
        teamItem.disableProperty().bind(viewModel.teamProperty().isNull());
        sendItem.disableProperty().bind(viewModel.sendProperty().isNull());
        receiveItem.disableProperty().bind(viewModel.receiveProperty().isNull());
        root.addEventHandler(DragEvent.DRAG_OVER, this::acceptDroppedFile);
        root.addEventHandler(DragEvent.DRAG_DROPPED, this::openDroppedFile);
    }

    @FXML
    private void openVideo() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Video");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos", List.of("*.mp4", "*.m4v", "*.mov", "*.mkv", "*.webm",
                        "*.avi", "*.ts", "*.mts", "*.m2ts", "*.mpg", "*.mpeg", "*.3gp", "*.wmv", "*.flv")),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            playerViewModel.open(file.toPath());
        }
    }

    /** The menu items' texts and keys, from the one declaration the cheat sheet also lists. */
    private void bindKeys() {
        KeyBinding.NEW_CASE.applyTo(newCaseItem);
        KeyBinding.IMPORT_FOOTAGE.applyTo(importItem);
        KeyBinding.OPEN_VIDEO.applyTo(openVideoItem);
        KeyBinding.EXPORT.applyTo(exportItem);
        KeyBinding.EXPORT_STILL.applyTo(exportFrameItem);
        KeyBinding.QUIT.applyTo(quitItem);
        KeyBinding.UNDO.applyTo(undoItem);
        KeyBinding.REDO.applyTo(redoItem);
        KeyBinding.FIND.applyTo(findItem);
        KeyBinding.MEDIA_FACTS.applyTo(mediaFactsItem);
        KeyBinding.RESET_ZOOM.applyTo(resetZoomItem);
        KeyBinding.SHORTCUTS.applyTo(shortcutsItem);
    }

    private void bindAnnotations() {
        annotationHost.getChildren().setAll(annotations.sidePane());
        undoItem.textProperty().bind(annotations.session().undoTextProperty());
        undoItem.disableProperty().bind(annotations.session().canUndoProperty().not());
        redoItem.textProperty().bind(annotations.session().redoTextProperty());
        redoItem.disableProperty().bind(annotations.session().canRedoProperty().not());
        grayscaleItem.selectedProperty().bindBidirectional(annotations.session().grayscaleProperty());
        annotations.session().savedProperty().addListener((observable, old, saved) -> viewModel.showNotice(saved));
    }

    /**
     * Opens the side panes as wide as the reviewer left them, and remembers each width they drag to.
     * A divider stops where the picture would become too small to review.
     */
    private void arrangePanes() {
        casesHost.setMinWidth(SidePaneWidths.MIN_CASES);
        annotationHost.setMinWidth(SidePaneWidths.MIN_ANNOTATIONS);
        playerHost.setMinWidth(SidePaneWidths.MIN_PLAYER);
        SplitPane.setResizableWithParent(casesHost, false);
        SplitPane.setResizableWithParent(annotationHost, false);
        panes.widthProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> observable, Number old, Number width) {
                if (width.doubleValue() > 0) {
                    panes.widthProperty().removeListener(this);
                    openPanes(width.doubleValue());
                }
            }
        });
    }

    private void openPanes(double width) {
        SidePaneWidths opening = SidePaneWidths.opening(width, viewModel.casesWidthProperty().get(),
                viewModel.annotationsWidthProperty().get());
        panes.setDividerPositions(opening.cases() / width, 1 - opening.annotations() / width);
        // Widths are kept as the divider positions give them, the inverse of the placing above, so they never drift.
        panes.getDividers().get(0).positionProperty().addListener((observable, old, position) ->
                viewModel.casesWidthProperty().set(position.doubleValue() * panes.getWidth()));
        panes.getDividers().get(1).positionProperty().addListener((observable, old, position) ->
                viewModel.annotationsWidthProperty().set((1 - position.doubleValue()) * panes.getWidth()));
    }

    @FXML
    private void undo() {
        annotations.undo();
    }

    @FXML
    private void redo() {
        annotations.redo();
    }

    @FXML
    private void find() {
        annotations.find();
    }

    @FXML
    private void showShortcuts() {
        annotations.showShortcuts();
    }

    private void acceptDroppedFile(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    private void openDroppedFile(DragEvent event) {
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            playerViewModel.open(files.get(0).toPath());
        }
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    @FXML
    private void newCase() {
        cases.controller().newCase();
    }

    @FXML
    private void importFootage() {
        cases.controller().importFootage();
    }

    @FXML
    private void importFolder() {
        cases.controller().importFolder();
    }

    @FXML
    private void changePassphrase() {
        ChangePassphraseDialog.create(root.getScene().getWindow(), changePassphrase.get()).showAndWait()
                .filter(Boolean::booleanValue)
                .ifPresent(changed -> viewModel.showNotice("The passphrase was changed."));
    }

    @FXML
    private void showTeam() {
        TeamDialog.create(root.getScene().getWindow(), viewModel.teamProperty().get()).showAndWait();
    }

    @FXML
    private void send() {
        SendDialog.show(root.getScene().getWindow(), viewModel.sendProperty().get().get());
    }

    @FXML
    private void receive() {
        ReceiveDialog.show(root.getScene().getWindow(), viewModel.receiveProperty().get().get());
    }

    @FXML
    private void export() {
        viewModel.exportsProperty().get().openDialog(root.getScene().getWindow());
    }

    @FXML
    private void exportCurrentFrame() {
        viewModel.exportsProperty().get().exportCurrentFrame(root.getScene().getWindow());
    }

    @FXML
    private void showMediaFacts() {
        player.controller().showFacts();
    }

    @FXML
    private void resetZoom() {
        playerViewModel.resetZoom();
    }

    @FXML
    private void quit() {
        root.getScene().getWindow().hide();
    }

    @FXML
    private void openLogFolder() {
        LogFolder logs = viewModel.logFolderProperty().get();
        logs.open().thenAccept(opened -> {
            if (!opened) {
                Platform.runLater(() -> LogFolderDialog.create(root.getScene().getWindow(), logs.folder()).show());
            }
        });
    }

    @FXML
    private void openDemoCase() {
        viewModel.demoCaseProperty().get().open(step -> Platform.runLater(() -> viewModel.showNotice(step)))
                .thenAccept(said -> Platform.runLater(() -> viewModel.showNotice(said)));
    }

    @FXML
    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, aboutText);
        about.setTitle("About Frameproof");
        about.setHeaderText("Frameproof");
        about.initOwner(root.getScene().getWindow());
        about.show();
    }
}
