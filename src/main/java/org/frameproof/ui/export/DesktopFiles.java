package org.frameproof.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The one door from the export dialog to the desktop: opening what was written with the program the
 * desktop opens it with, or showing it in the file manager. A port, so that tests see the request
 * without a desktop.
 */
public interface DesktopFiles {
    /** Opens the file (or folder) with the desktop's own program for it. */
    void open(Path file);

    /** Shows the folder that holds the file (a folder itself) in the file manager. */
    void showInFolder(Path file);

    /**
     * Through {@code launcher} (the desktop's opener: {@code xdg-open}, {@code open}, Explorer), run on
     * {@code background} because it may take seconds to answer.
     */
    static DesktopFiles through(Predicate<Path> launcher, Executor background) {
        return new DesktopFiles() {
            @Override
            public void open(Path file) {
                background.execute(() -> launcher.test(file));
            }

            @Override
            public void showInFolder(Path file) {
                Path folder = Files.isDirectory(file) || file.getParent() == null ? file : file.getParent();
                background.execute(() -> launcher.test(folder));
            }
        };
    }
}
