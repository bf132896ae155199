package org.frameproof.evidence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frameproof.domain.Case;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder on a 3 MB tmpfs (needs root to mount; skipped otherwise): a full disk loses nothing saved. */
@NativeTier
class FullDiskTest {
    @TempDir Path work;
    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        disk = Files.createDirectories(work.resolve("disk"));
        try {
            Tools.run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString());
        } catch (IOException e) {
            disk = null;
            assumeTrue(false, "cannot mount a small tmpfs here (needs root): " + e.getMessage());
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            Tools.run("umount", disk.toString());
        }
    }

    @Test
    void importAndSaveOnAFullDiskFailClearlyAndKeepEverythingSavedBefore() throws Exception {
        Path data = disk.resolve("data");
        Path originals = Files.createDirectories(work.resolve("originals"));
        Path clip = Tools.clip(originals, "small.mp4", 1, 1);
        Path large = originals.resolve("large.mp4");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.write(Files.readAllBytes(clip));
            file.setLength(4L << 20);
        }
        List<String> saved = new ArrayList<>();
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Before the disk filled", "");
            saved.add(investigation.title());
            store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE);

            UserFacingException importFailed = assertThrows(UserFacingException.class,
                    () -> store.footage().importFiles(investigation, List.of(large), Provenance.UNKNOWN, Progress.NONE));
            assertTrue(importFailed.getMessage().contains("the disk is full"), importFailed.getMessage());
            assertTrue(importFailed.getMessage().endsWith("Nothing was imported."), importFailed.getMessage());
            assertEquals(1, store.footage().list(investigation).size());
            assertEquals(1, vaultEntries(data), "only the first clip's copy, no half-written file");

            // Fill what is left, then save until the disk refuses: no save may be acknowledged falsely.
            fill(disk.resolve("filler"));
            String note = "x".repeat(20_000);
            UserFacingException saveFailed = null;
            for (int i = 0; i < 2000 && saveFailed == null; i++) {
                try {
                    saved.add(store.cases().createCase("Case " + i, note).title());
                } catch (UserFacingException e) {
                    saveFailed = e;
                }
            }
            assertTrue(saveFailed != null, "the full disk never refused a save");
            assertTrue(saveFailed.getMessage().startsWith("Not saved"), saveFailed.getMessage());
        } catch (UserFacingException closingOnAFullDisk) {
            // H2 may refuse to close cleanly with no space left; reopening below is what counts.
        }
        Files.delete(disk.resolve("filler"));
        try (EvidenceStore reopened = TestStores.unlock(data)) {
            List<String> titles = reopened.cases().listCases().stream().map(Case::title).toList();
            assertTrue(titles.containsAll(saved), "lost: " + saved.stream().filter(t -> !titles.contains(t)).toList());
            assertTrue(reopened.audit().verify().intact());
            assertTrue(reopened.verify(null, Progress.NONE).ok());
        }
    }

    private static long vaultEntries(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("vault"))) {
            return files.count();
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // The disk is full now.
        }
    }
}
