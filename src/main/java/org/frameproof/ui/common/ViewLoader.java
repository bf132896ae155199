package org.frameproof.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a screen's FXML with its controller built by the caller, so controllers take their view models by constructor. */
public final class ViewLoader {
    private ViewLoader() {
    }

    public static Parent load(URL fxml, Supplier<Object> controller) {
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> controller.get());
        try {
            return loader.load();
        } catch (IOException e) {
            // A missing or broken FXML file is a packaging bug, not something a reviewer can fix.
            throw new UncheckedIOException("Cannot load view " + fxml, e);
        }
    }
}
