package org.frameproof.ui.main;

import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.frameproof.ui.annotations.AnnotationWorkspace;
import org.frameproof.ui.cases.CasesView;
import org.frameproof.ui.cases.CasesViewModel;
import org.frameproof.ui.common.ViewLoader;
import org.frameproof.ui.player.PlayerView;
import org.frameproof.ui.player.PlayerViewModel;
import org.frameproof.ui.unlock.ChangePassphraseViewModel;

/** Builds the main window's scene and puts it on a stage. */
public final class MainWindow {
    private MainWindow() {
    }

    /**
     * @param cases the left pane (cases and footage)
     * @param changePassphrase a fresh "Change passphrase" form each time the dialog opens
     * @param annotationParts what the annotation screens (right pane, timeline lanes, regions) work with
     */
    public static void show(Stage stage, MainWindowViewModel viewModel, PlayerViewModel player, CasesView cases,
            Supplier<ChangePassphraseViewModel> changePassphrase, AnnotationWorkspace.Parts annotationParts,
            String aboutText, Image icon) {
        PlayerView playerView = PlayerView.load(player);
        AnnotationWorkspace annotations = AnnotationWorkspace.attach(annotationParts, playerView);
        Parent view = ViewLoader.load(MainWindow.class.getResource("MainWindowView.fxml"),
                () -> new MainWindowController(viewModel, aboutText, playerView, player, cases, changePassphrase,
                        annotations));
        cases.viewModel().cases().addListener((ListChangeListener<CasesViewModel.CaseRow>) change -> viewModel.refreshCases());
        cases.viewModel().lastCheckedProperty().addListener((observable, old, checked) -> {
            if (checked != null) {
                annotations.integrity().checked(checked);
            }
        });
        player.fileNameProperty().addListener((observable, old, fileName) -> viewModel.showOpenFile(fileName));
        // The window opens no larger than the screen, however wide its panes would like to be.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(view.prefWidth(-1), screen.getWidth()),
                Math.min(view.prefHeight(-1), screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("main.css").toExternalForm());
        viewModel.themeProperty().get().applyTo(scene);
        viewModel.themeProperty().addListener((observable, old, theme) -> theme.applyTo(scene));
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().setAll(icon);
        stage.setScene(scene);
        // A stage sized before (a window reused, as the tests' is) would otherwise keep that size.
        stage.sizeToScene();
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        cases.viewModel().refresh();
        viewModel.refreshCases();
        stage.show();
    }
}
