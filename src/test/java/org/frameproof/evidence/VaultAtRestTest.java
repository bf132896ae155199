package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seized laptop: someone holding a known video looks through the data folder and a backup for
 * its SHA-256 or its bytes, and finds neither.
 */
@NativeTier
class VaultAtRestTest {
    @TempDir Path work;

    @Test
    void aKnownVideosHashAndBytesAreNowhereInTheDataFolderOrItsBackup() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        Path data = work.resolve("data");
        Path backup = work.resolve("backup");
        Path clip = Tools.clip(Files.createDirectories(work.resolve("originals")), "known.mp4", 1, 4);
        byte[] known = Files.readAllBytes(clip);
        Footage item;
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Case A", "");
            item = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
            store.backup(backup, Progress.NONE);
        }
        List<Path> files = filesIn(data, backup);
        assertTrue(files.stream().anyMatch(file -> file.startsWith(data.resolve(Vault.FOLDER))), files.toString());
        for (Path file : files) {
            assertFalse(file.toString().contains(item.sha256()), "named by the footage's SHA-256: " + file);
            byte[] content = Files.readAllBytes(file);
            // Stretches from its start (the container's header) and from its middle (the pictures).
            for (int at : new int[] {0, known.length / 2}) {
                assertFalse(contains(content, Arrays.copyOfRange(known, at, at + 48)), file + " holds the video's bytes from " + at);
            }
            if (!file.startsWith(data.resolve("index-cache"))) { // the media half encrypts the index cache
                assertFalse(contains(content, item.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        file + " holds the footage's SHA-256");
            }
        }
        try (EvidenceStore reopened = TestStores.unlock(data); VaultReader reader = reopened.vault().open(item.sha256(), item.originalName())) {
            assertArrayEquals(known, VaultBytes.plaintext(reader), "the key holder reads the footage back");
        }
    }

    private static List<Path> filesIn(Path... folders) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
