package org.frameproof.domain.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every answer that depends on the operating system, in one place: where the data folder lives,
 * how files are kept private, what libVLC's library is called and how to install it. Code asks
 * {@link #current()}; tests ask each constant, so every system's answers are checked on any machine.
 * Only Linux is run here; the Windows and macOS answers follow each system's documentation.
 */
public enum OperatingSystem {
    LINUX("frameproof", FileProtection.POSIX_MODES, "libvlc\\.so(\\.\\d+)*",
            "Install libVLC 3 and its plugins (Debian/Ubuntu: sudo apt install libvlc5 vlc-plugin-base), "
                    + "or run ./frameproof, which installs them."),
    MACOS("Frameproof", FileProtection.POSIX_MODES, "libvlc(\\.\\d+)*\\.dylib",
            "Install VLC 3 for this Mac's processor as /Applications/VLC.app (from videolan.org)."),
    WINDOWS("Frameproof", FileProtection.OWNER_ACL, "libvlc\\.dll",
            "Install VLC 3, 64-bit, into its default folder (from videolan.org).");

    /** How a system keeps a file readable by its owner alone. */
    public enum FileProtection {
        /** Unix permission bits: 0700 folders, 0600 files, 0400 vault files. */
        POSIX_MODES,
        /** An access control list that allows the owner alone, and no inherited entries. */
        OWNER_ACL
    }

    /** A drive letter and a separator, or a server share: C:\Users, \\server\share. */
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("[A-Za-z]:[\\\\/]|\\\\\\\\");

    private final String folderName;
    private final FileProtection fileProtection;
    private final Pattern libVlcFile;
    private final String libVlcInstallHint;

    OperatingSystem(String folderName, FileProtection fileProtection, String libVlcFile, String libVlcInstallHint) {
        this.folderName = folderName;
        this.fileProtection = fileProtection;
        this.libVlcFile = Pattern.compile(libVlcFile);
        this.libVlcInstallHint = libVlcInstallHint;
    }

    /** The system this JVM runs on. */
    public static OperatingSystem current() {
        return named(System.getProperty("os.name", ""));
    }

    /** The system for a value of the {@code os.name} property ("Linux", "Mac OS X", "Windows 11"). */
    public static OperatingSystem named(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX; // and the other Unix systems, which follow the same conventions
    }

    /**
     * The data folder when none is chosen: the XDG data folder on Linux, {@code %LOCALAPPDATA%} on
     * Windows (the machine's own, never roamed to a server), Application Support on macOS.
     */
    public Path defaultDataFolder(Map<String, String> environment, Path home) {
        return switch (this) {
            case LINUX -> {
                String xdg = environment.get("XDG_DATA_HOME");
                // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
                if (xdg != null && xdg.startsWith("/")) {
                    yield home.getFileSystem().getPath(xdg, folderName);
                }
                yield home.resolve(".local").resolve("share").resolve(folderName);
            }
            case WINDOWS -> {
                String local = environment.get("LOCALAPPDATA");
                if (local != null && WINDOWS_ABSOLUTE.matcher(local).lookingAt()) {
                    yield home.getFileSystem().getPath(local, folderName);
                }
                yield home.resolve("AppData").resolve("Local").resolve(folderName);
            }
            case MACOS -> home.resolve("Library").resolve("Application Support").resolve(folderName);
        };
    }

    public FileProtection fileProtection() {
        return fileProtection;
    }

    /** Whether {@code fileName} is libVLC's library on this system (what FRAMEPROOF_LIBVLC_DIR must hold). */
    public boolean isLibVlcFile(String fileName) {
        return libVlcFile.matcher(fileName).matches();
    }

    /** What to install when libVLC is missing. */
    public String libVlcInstallHint() {
        return libVlcInstallHint;
    }
}
