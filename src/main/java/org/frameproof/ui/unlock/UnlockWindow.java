package org.frameproof.ui.unlock;

import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.common.ViewLoader;

/** Shows the unlock screen on a stage of its own, before the main window. */
public final class UnlockWindow {
    private UnlockWindow() {
    }

    /**
     * @param onUnlocked receives the opened store; the unlock stage is closed by then
     * @param onCancelled runs when the reviewer cancels or closes the window without unlocking
     */
    public static void show(Stage stage, UnlockViewModel viewModel, Image icon, Consumer<EvidenceStore> onUnlocked,
            Runnable onCancelled) {
        Runnable cancel = () -> {
            viewModel.cancel();
            stage.hide();
            onCancelled.run();
        };
        UnlockController controller = new UnlockController(viewModel, cancel);
        Parent view = ViewLoader.load(UnlockWindow.class.getResource("UnlockView.fxml"), () -> controller);
        Scene scene = new Scene(view);
        Theme.LIGHT.applyTo(scene);
        scene.getStylesheets().add(UnlockWindow.class.getResource("unlock.css").toExternalForm());
        viewModel.unlockedProperty().addListener((observable, old, store) -> {
            if (store != null) {
                stage.setOnCloseRequest(null);
                stage.hide();
                onUnlocked.accept(store);
            }
        });
        stage.setOnCloseRequest(event -> cancel.run());
        stage.setTitle(viewModel.firstRun() ? "Frameproof — New Store" : "Frameproof — Unlock");
        stage.getIcons().setAll(icon);
        stage.setScene(scene);
        stage.setResizable(false);
        stage.show();
        controller.firstField().requestFocus();
    }
}
