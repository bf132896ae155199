package org.frameproof.domain;

import java.nio.file.Path;
import java.util.Map;

/** Where a workstation keeps its database and vault: `--data`, else the XDG data folder. */
public final class DataFolder {
    /** The folder inside the data folder that keeps the log. */
    public static final String LOGS = "logs";

    private DataFolder() {
    }

    /**
     * Resolves the data folder: an explicit choice wins, then {@code $XDG_DATA_HOME/frameproof},
     * then {@code ~/.local/share/frameproof}.
     */
    public static Path resolve(Path explicit, Map<String, String> environment, Path home) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "frameproof");
        }
        return home.resolve(".local").resolve("share").resolve("frameproof");
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
