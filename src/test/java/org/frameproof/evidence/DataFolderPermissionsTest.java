package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.frameproof.domain.Case;
import org.frameproof.domain.Provenance;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another account on the laptop reads nothing in the data folder, not even which files it holds:
 * folders 0700, files 0600, vault files 0400, from the start and again after a looser copy.
 */
@NativeTier
class DataFolderPermissionsTest {
    @TempDir Path work;

    /** Every path in the folder (itself included) with its permissions, for a readable failure. */
    private static Map<String, String> permissions(Path folder) throws Exception {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                found.put(folder.relativize(path).toString() + (Files.isDirectory(path) ? "/" : ""),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return found;
    }

    private static void assertOwnerOnly(Path data) throws Exception {
        Map<String, String> found = permissions(data);
        List<String> wrong = new ArrayList<>();
        found.forEach((path, mode) -> {
            String expected = path.endsWith("/") ? "rwx------" : path.startsWith(Vault.FOLDER + "/") ? "r--------" : "rw-------";
            if (!mode.equals(expected)) {
                wrong.add(path + " is " + mode + ", not " + expected);
            }
        });
        assertEquals(List.of(), wrong, found.toString());
    }

    @Test
    void aFreshStoreWithFootageIsReadableByItsOwnerAlone() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        Path data = work.resolve("data");
        Path clip = Tools.clip(Files.createDirectories(work.resolve("originals")), "a.mp4", 1, 1);
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Case A", "");
            store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE);
            Map<String, String> found = permissions(data);
            assertTrue(found.keySet().containsAll(List.of("/", "vault/", "frameproof.key", "frameproof.mv.db", "frameproof.lock")), found.toString());
            assertOwnerOnly(data);
        }
        // A wrong passphrase writes the attempts file.
        assertThrows(org.frameproof.domain.UserFacingException.class,
                () -> TestStores.stores().unlock(data, "not the passphrase at all".toCharArray()));
        assertTrue(permissions(data).containsKey("unlock-attempts"), permissions(data).toString());
        assertOwnerOnly(data);
    }

    @Test
    void aStoreLeftReadableByOthersIsMadePrivateOnOpen() throws Exception {
        Path data = work.resolve("data");
        TestStores.create(data).close();
        // As the versions before this one left a data folder, with an index cache the prober wrote.
        Path cache = Files.createDirectories(data.resolve("index-cache"));
        Files.writeString(cache.resolve("entry.json"), "{}");
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        TestStores.unlock(data).close();
        assertOwnerOnly(data);
    }
}
