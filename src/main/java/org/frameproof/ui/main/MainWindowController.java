package org.frameproof.ui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.frameproof.domain.Case;
import org.frameproof.ui.common.Theme;

/** Binds the main window's controls to its view model and forwards menu actions. */
public final class MainWindowController {
    private final MainWindowViewModel viewModel;
    private final String aboutText;

    @FXML private BorderPane root;
    @FXML private ListView<Case> caseList;
    @FXML private StatusBar statusBar;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;

    public MainWindowController(MainWindowViewModel viewModel, String aboutText) {
        this.viewModel = viewModel;
        this.aboutText = aboutText;
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
