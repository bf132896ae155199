package org.frameproof.testing;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.frameproof.ui.common.Theme;

/** An empty window in the light theme for a dialog under test to open over, as it opens over the main window. */
public final class OwnerWindow {
    private OwnerWindow() {
    }

    /** Shows {@code stage} as that window and returns it. */
    public static Stage show(Stage stage) {
        Scene scene = new Scene(new StackPane(), 300, 200);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
