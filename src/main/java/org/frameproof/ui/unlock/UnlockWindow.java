package org.frameproof.ui.unlock;

import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
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
     * @param theme the theme the main window was last left in, so that a reviewer working in the dark is not dazzled first
     * @param onUnlocked receives the opened store; the unlock stage is closed by then
     * @param onCancelled runs when the reviewer cancels or closes the window without unlocking
     */
    public static void show(Stage stage, UnlockViewModel viewModel, Theme theme, Image icon,
            Consumer<EvidenceStore> onUnlocked, Runnable onCancelled) {
        Runnable cancel = () -> {
            viewModel.cancel();
            stage.hide();
            onCancelled.run();
        };
        UnlockController controller = new UnlockController(viewModel, cancel);
        Parent view = ViewLoader.load(UnlockWindow.class.getResource("UnlockView.fxml"), () -> controller);
        Scene scene = new Scene(view);
        theme.applyTo(scene);
        scene.getStylesheets().add(UnlockWindow.class.getResource("unlock.css").toExternalForm());
        viewModel.unlockedProperty().addListener((observable, old, store) -> {
            if (store != null) {
                showUnlockReport(stage, store.unlockReport());
                stage.setOnCloseRequest(null);
                stage.hide();
                onUnlocked.accept(store);
            }
        });
        // Whatever appears after a wrong passphrase (a message wrapping onto more lines, the line that
        // counts down the wait) shows in full with the buttons under it: the window follows the content's height.
        view.needsLayoutProperty().addListener((observable, was, needsLayout) -> {
            if (!needsLayout && Math.abs(view.prefHeight(scene.getWidth()) - scene.getHeight()) > 0.5) {
                javafx.application.Platform.runLater(stage::sizeToScene);
            }
        });
        stage.setOnCloseRequest(event -> cancel.run());
        // Named by its data folder: on a laptop with several stores, the reviewer sees which one this is.
        String store = viewModel.dataFolder().getFileName() == null ? viewModel.dataFolder().toString()
                : viewModel.dataFolder().getFileName().toString();
        stage.setTitle(viewModel.firstRun() ? "Frameproof — New store in " + store : "Frameproof — Unlock the store in " + store);
        stage.getIcons().setAll(icon);
        stage.setScene(scene);
        stage.setResizable(false);
        stage.show();
        controller.firstField().requestFocus();
    }

    /** What the store says about the time since the last unlock (wrong passphrases, a chain accepted despite a mismatch), before going on. */
    private static void showUnlockReport(Stage owner, String report) {
        if (report.isEmpty()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, report, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Frameproof — Since the last unlock");
        alert.setHeaderText("Since the last unlock");
        alert.getDialogPane().setId("unlockReport");
        alert.getDialogPane().setMinWidth(560);
        alert.showAndWait();
    }
}
