package org.frameproof.domain;

import java.nio.file.Path;
import java.util.Map;
import org.frameproof.domain.platform.OperatingSystem;

/** Where a workstation keeps its database and vault: `--data`, else the system's own data folder. */
public final class DataFolder {
    /** The folder inside the data folder that keeps the log. */
    public static final String LOGS = "logs";

    private DataFolder() {
    }

    /**
     * Resolves the data folder: an explicit choice wins, then the folder {@code system} keeps
     * application data in (on Linux {@code $XDG_DATA_HOME/frameproof}, then
     * {@code ~/.local/share/frameproof}).
     */
    public static Path resolve(Path explicit, Map<String, String> environment, Path home, OperatingSystem system) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        return system.defaultDataFolder(environment, home);
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")), OperatingSystem.current());
    }
}
