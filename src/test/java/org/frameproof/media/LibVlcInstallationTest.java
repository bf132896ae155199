package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.frameproof.testing.NativeTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class LibVlcInstallationTest {

    @Test
    void findsTheSystemsLibVlc3() {
        LibVlcInstallation.Status status = LibVlcInstallation.check(Map.of());
        assertTrue(status.available(), status.problem());
        assertTrue(status.version().startsWith("3."), status.version());
    }

    @Test
    void aFolderWithoutLibVlcSaysWhatToInstall(@TempDir Path empty) {
        LibVlcInstallation.Status status =
                LibVlcInstallation.check(Map.of(LibVlcInstallation.DIRECTORY_VARIABLE, empty.toString()));
        assertFalse(status.available());
        assertTrue(status.problem().contains("libVLC was not found in " + empty), status.problem());
        assertTrue(status.problem().contains("sudo apt install libvlc5 vlc-plugin-base"), status.problem());
    }
}
