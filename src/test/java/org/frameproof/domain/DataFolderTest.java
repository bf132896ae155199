package org.frameproof.domain;

import static org.frameproof.domain.platform.OperatingSystem.LINUX;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.frameproof.domain.platform.OperatingSystem;
import org.junit.jupiter.api.Test;

class DataFolderTest {
    private final Path home = Path.of("/home/reviewer");

    @Test
    void explicitFolderWins() {
        assertEquals(Path.of("/evidence/case-7"),
                DataFolder.resolve(Path.of("/evidence/case-7/../case-7"), Map.of("XDG_DATA_HOME", "/x"), home, LINUX));
    }

    @Test
    void xdgDataHomeIsUsedWhenSet() {
        assertEquals(Path.of("/data/xdg/frameproof"), DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), home, LINUX));
    }

    @Test
    void relativeXdgDataHomeIsIgnoredAsTheSpecSays() {
        assertEquals(Path.of("/home/reviewer/.local/share/frameproof"),
                DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "relative/dir"), home, LINUX));
    }

    @Test
    void explicitFolderWinsOnEverySystem() {
        for (OperatingSystem system : OperatingSystem.values()) {
            assertEquals(Path.of("/evidence"), DataFolder.resolve(Path.of("/evidence"), Map.of(), home, system));
        }
    }

    @Test
    void defaultsToLocalShare() {
        assertEquals(Path.of("/home/reviewer/.local/share/frameproof"), DataFolder.resolve(null, Map.of(), home, LINUX));
    }
}
