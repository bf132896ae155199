package org.frameproof.ui.main;

import java.io.File;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.controlsfx.control.StatusBar;
import org.frameproof.domain.Case;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.player.PlayerView;
import org.frameproof.ui.player.PlayerViewModel;

/** Binds the main window's controls to its view model and forwards menu actions. */
public final class MainWindowController {
    private final MainWindowViewModel viewModel;
    private final String aboutText;
    private final PlayerView player;
    private final PlayerViewModel playerViewModel;

    @FXML private BorderPane root;
    @FXML private StackPane playerHost;
    @FXML private ListView<Case> caseList;
    @FXML private StatusBar statusBar;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem exportFrameItem;

    public MainWindowController(MainWindowViewModel viewModel, String aboutText, PlayerView player,
            PlayerViewModel playerViewModel) {
        this.viewModel = viewModel;
        this.aboutText = aboutText;
        this.player = player;
        this.playerViewModel = playerViewModel;
    }

    @FXML
    private void initialize() {
        caseList.setItems(viewModel.cases());
        caseList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Case item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        statusBar.textProperty().bind(viewModel.statusProperty());
        lightThemeItem.setSelected(viewModel.themeProperty().get() == Theme.LIGHT);
        darkThemeItem.setSelected(viewModel.themeProperty().get() == Theme.DARK);
        lightThemeItem.setOnAction(e -> viewModel.themeProperty().set(Theme.LIGHT));
        darkThemeItem.setOnAction(e -> viewModel.themeProperty().set(Theme.DARK));
        playerHost.getChildren().setAll(player.node());
        exportItem.disableProperty().bind(viewModel.exportsProperty().isNull());
        exportFrameItem.disableProperty().bind(viewModel.exportsProperty().isNull().or(playerViewModel.loadedProperty().not()));
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
    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, aboutText);
        about.setTitle("About Frameproof");
        about.setHeaderText("Frameproof");
        about.initOwner(root.getScene().getWindow());
        about.show();
    }
}
