package org.frameproof.domain.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.frameproof.domain.platform.OperatingSystem.FileProtection;
import org.junit.jupiter.api.Test;

/** Each system's answers, checked on whatever machine runs the tests. */
class OperatingSystemTest {
    private final Path home = Path.of("/home/reviewer");

    @Test
    void namesFromTheOsNameProperty() {
        assertEquals(OperatingSystem.LINUX, OperatingSystem.named("Linux"));
        assertEquals(OperatingSystem.WINDOWS, OperatingSystem.named("Windows 11"));
        assertEquals(OperatingSystem.WINDOWS, OperatingSystem.named("Windows Server 2022"));
        assertEquals(OperatingSystem.MACOS, OperatingSystem.named("Mac OS X"));
        assertEquals(OperatingSystem.LINUX, OperatingSystem.named("FreeBSD"));
    }

    @Test
    void linuxKeepsDataInTheXdgDataFolder() {
        assertEquals(Path.of("/data/xdg/frameproof"),
                OperatingSystem.LINUX.defaultDataFolder(Map.of("XDG_DATA_HOME", "/data/xdg"), home));
        assertEquals(Path.of("/home/reviewer/.local/share/frameproof"),
                OperatingSystem.LINUX.defaultDataFolder(Map.of("XDG_DATA_HOME", "relative"), home));
        assertEquals(Path.of("/home/reviewer/.local/share/frameproof"),
                OperatingSystem.LINUX.defaultDataFolder(Map.of("LOCALAPPDATA", "C:\\x"), home));
    }

    @Test
    void windowsKeepsDataInTheLocalNotTheRoamingAppData() {
        String local = "C:\\Users\\reviewer\\AppData\\Local";
        assertEquals(Path.of(local, "Frameproof"),
                OperatingSystem.WINDOWS.defaultDataFolder(Map.of("LOCALAPPDATA", local, "APPDATA", "C:\\roaming"), home));
        assertEquals(home.resolve("AppData").resolve("Local").resolve("Frameproof"),
                OperatingSystem.WINDOWS.defaultDataFolder(Map.of("LOCALAPPDATA", "relative\\folder"), home));
        assertEquals(home.resolve("AppData").resolve("Local").resolve("Frameproof"),
                OperatingSystem.WINDOWS.defaultDataFolder(Map.of("XDG_DATA_HOME", "/data/xdg"), home));
    }

    @Test
    void macosKeepsDataInApplicationSupport() {
        assertEquals(Path.of("/home/reviewer/Library/Application Support/Frameproof"),
                OperatingSystem.MACOS.defaultDataFolder(Map.of("XDG_DATA_HOME", "/data/xdg"), home));
    }

    @Test
    void windowsProtectsFilesWithAnAccessControlList() {
        assertEquals(FileProtection.POSIX_MODES, OperatingSystem.LINUX.fileProtection());
        assertEquals(FileProtection.POSIX_MODES, OperatingSystem.MACOS.fileProtection());
        assertEquals(FileProtection.OWNER_ACL, OperatingSystem.WINDOWS.fileProtection());
    }

    @Test
    void libVlcIsCalledAfterEachSystemsConvention() {
        assertTrue(OperatingSystem.LINUX.isLibVlcFile("libvlc.so.5"));
        assertTrue(OperatingSystem.LINUX.isLibVlcFile("libvlc.so"));
        assertFalse(OperatingSystem.LINUX.isLibVlcFile("libvlccore.so.9"));
        assertTrue(OperatingSystem.WINDOWS.isLibVlcFile("libvlc.dll"));
        assertFalse(OperatingSystem.WINDOWS.isLibVlcFile("libvlc.so.5"));
        assertTrue(OperatingSystem.MACOS.isLibVlcFile("libvlc.dylib"));
        assertTrue(OperatingSystem.MACOS.isLibVlcFile("libvlc.5.dylib"));
        assertFalse(OperatingSystem.MACOS.isLibVlcFile("libvlc.dll"));
    }

    @Test
    void theInstallHintNamesWhatToInstallThere() {
        assertTrue(OperatingSystem.LINUX.libVlcInstallHint().contains("apt install libvlc5 vlc-plugin-base"));
        assertTrue(OperatingSystem.WINDOWS.libVlcInstallHint().contains("64-bit"));
        assertTrue(OperatingSystem.MACOS.libVlcInstallHint().contains("/Applications/VLC.app"));
    }
}
