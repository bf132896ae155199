package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.frameproof.domain.Case;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names, notes and file names must never reach the disk unencrypted: greps every byte written. */
@NativeTier
class NoPlaintextTest {
    private static final String NAME = "Zorya Plaintextova";
    private static final String TITLE = "Bluebird Leakcheck";
    private static final String NOTE = "Leakcheck note: the man on the left wears a white armband";
    private static final String FILE_NAME = "witness-Leakcheck-clip.mp4";
    private static final String POSTER = "Leakcheck Poster Channel";

    @TempDir Path dataFolder;
    @TempDir Path originals;

    @Test
    void noPlaintextInTheDataFolderOrNewTemporaryFiles() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> tmpBefore = listing(tmp);
        Path clip = Tools.clip(originals, FILE_NAME, 1, 7);
        try (EvidenceStore store = TestStores.stores().create(dataFolder, TestStores.PASSPHRASE.toCharArray(),
                new Reviewer(NAME, Role.MEDICAL_EXPERT))) {
            Case investigation = store.cases().createCase(TITLE, NOTE);
            store.footage().importFiles(investigation, List.of(clip),
                    new Provenance(null, "Telegram", POSTER, null, NOTE, true, true), Progress.NONE);
            store.footage().setStatus(store.footage().list(investigation).get(0).id(),
                    org.frameproof.domain.FootageStatus.DISPUTED, NOTE);
            store.backup(dataFolder.resolveSibling(dataFolder.getFileName() + "-backup"), Progress.NONE);
        }
        try (EvidenceStore reopened = TestStores.unlock(dataFolder)) {
            assertEquals(TITLE, reopened.cases().listCases().get(0).title());
            assertEquals(NAME, reopened.reviewer().name());
        }
        List<Path> scanned = new ArrayList<>(files(dataFolder));
        scanned.addAll(files(dataFolder.resolveSibling(dataFolder.getFileName() + "-backup")));
        for (Path created : listing(tmp)) {
            if (!tmpBefore.contains(created) && !created.startsWith(originals) && !created.startsWith(dataFolder)) {
                scanned.addAll(files(created));
            }
        }
        assertTrue(scanned.size() >= 6, scanned.toString());
        for (Path file : scanned) {
            byte[] content = Files.readAllBytes(file);
            for (String secret : List.of(NAME, TITLE, NOTE, FILE_NAME, POSTER, "Leakcheck")) {
                for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                    assertFalse(contains(content, secret.getBytes(charset)), file + " holds '" + secret + "' in " + charset);
                }
                assertFalse(file.toString().contains(secret), "a file is named after '" + secret + "': " + file);
            }
        }
    }

    private static Set<Path> listing(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return new HashSet<>(entries.toList());
        }
    }

    private static List<Path> files(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).filter(Files::isReadable).toList();
        } catch (java.io.UncheckedIOException | java.nio.file.AccessDeniedException e) {
            return List.of();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
