package org.frameproof.ui.main;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.frameproof.ui.annotations.AnnotationWorkspace;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.common.ViewLoader;
import org.frameproof.ui.player.PlayerView;
import org.frameproof.ui.player.PlayerViewModel;

/** Builds the main window's scene and puts it on a stage. */
public final class MainWindow {
    private MainWindow() {
    }

    public static void show(Stage stage, MainWindowViewModel viewModel, PlayerViewModel player,
            AnnotationWorkspace.Parts annotationParts, String aboutText, Image icon) {
        PlayerView playerView = PlayerView.load(player);
        AnnotationWorkspace annotations = AnnotationWorkspace.attach(annotationParts, playerView);
        Parent view = ViewLoader.load(MainWindow.class.getResource("MainWindowView.fxml"),
                () -> new MainWindowController(viewModel, aboutText, playerView, player, annotations));
        player.fileNameProperty().addListener((observable, old, fileName) -> viewModel.showOpenFile(fileName));
        Scene scene = new Scene(view);
        scene.getStylesheets().add(MainWindow.class.getResource("main.css").toExternalForm());
        viewModel.themeProperty().get().applyTo(scene);
        viewModel.themeProperty().addListener((observable, old, theme) -> theme.applyTo(scene));
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().setAll(icon);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        viewModel.refreshCases();
        stage.show();
    }
}
