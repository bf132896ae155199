package org.frameproof.media;

import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.frameproof.domain.platform.OperatingSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.binding.lib.LibVlc;
import uk.co.caprica.vlcj.binding.support.runtime.RuntimeUtil;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;

/**
 * Finds and loads the system's libVLC before anything plays, so a missing or broken install is
 * reported in words a reviewer can act on instead of a native stack trace.
 */
public final class LibVlcInstallation {
    private static final Logger LOG = LoggerFactory.getLogger(LibVlcInstallation.class);

    /** Names a folder holding libVLC (libvlc.so, libvlc.dll or libvlc.dylib) outside the system's library folders. */
    public static final String DIRECTORY_VARIABLE = "FRAMEPROOF_LIBVLC_DIR";
    public static final String INSTALL_HINT = OperatingSystem.current().libVlcInstallHint();

    /** The outcome of looking for libVLC: its version, or what is wrong. */
    public record Status(boolean available, String version, String problem) {
        static Status found(String version) {
            return new Status(true, version, null);
        }

        static Status missing(String problem) {
            return new Status(false, null, problem + " " + INSTALL_HINT);
        }
    }

    private LibVlcInstallation() {
    }

    public static Status check() {
        return check(System.getenv());
    }

    public static Status check(Map<String, String> environment) {
        String directory = environment.get(DIRECTORY_VARIABLE);
        if (directory != null && !directory.isBlank()) {
            if (!containsLibVlc(Path.of(directory))) {
                return Status.missing("libVLC was not found in " + directory + " (set by " + DIRECTORY_VARIABLE + ").");
            }
            NativeLibrary.addSearchPath(RuntimeUtil.getLibVlcLibraryName(), directory);
        } else if (!new NativeDiscovery().discover()) {
            return Status.missing("libVLC was not found on this computer.");
        }
        try {
            return Status.found(LibVlc.libvlc_get_version());
        } catch (LinkageError e) {
            LOG.warn("libVLC was found but could not be loaded", e);
            return Status.missing("libVLC is installed but could not be loaded (" + e.getMessage() + ").");
        }
    }

    private static boolean containsLibVlc(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> OperatingSystem.current().isLibVlcFile(f.getFileName().toString()));
        } catch (java.io.IOException e) {
            LOG.warn("The folder named for libVLC could not be listed", e);
            return false;
        }
    }
}
