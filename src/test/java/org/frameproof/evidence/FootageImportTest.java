package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.Provenance;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class FootageImportTest {
    @TempDir Path dataFolder;
    @TempDir Path originals;
    private EvidenceStore store;
    private Case investigation;

    @BeforeEach
    void open() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        store = TestStores.create(dataFolder);
        investigation = store.cases().createCase("Checkpoint 4", "");
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private List<Path> vaultFiles() throws Exception {
        Path vault = dataFolder.resolve(Vault.FOLDER);
        if (!Files.exists(vault)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(vault)) {
            return files.toList();
        }
    }

    private byte[] plaintextOf(Footage item) throws Exception {
        try (VaultReader reader = store.vault().open(item.sha256(), item.originalName())) {
            return VaultBytes.plaintext(reader);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aDamagedVaultCopyIsReplacedWhenTheSameOriginalIsImportedAgain() throws Exception {
        Path clip = Tools.clip(originals, "a.mp4", 1, 1);
        Footage first = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        VaultBytes.flipByte(store.vault().encryptedFile(first.sha256()), 1000);
        assertEquals(Integrity.FAILED, store.footage().verify(first.id(), Progress.NONE).integrity());

        ImportResult again = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0);

        assertEquals(ImportResult.Outcome.DUPLICATE, again.outcome());
        assertEquals(1, vaultFiles().size());
        assertArrayEquals(Files.readAllBytes(clip), plaintextOf(first), "the vault copy is good again");
        assertEquals(Integrity.INTACT, store.footage().verify(first.id(), Progress.NONE).integrity());
        assertTrue(TestStores.auditEntries(store).stream().anyMatch(entry -> entry.action().equals("vault.replace")
                && entry.afterJson().contains(first.sha256())));
        assertTrue(store.footage().custody(again.footage().id()).stream().anyMatch(e -> e.kind().equals("vault copy replaced")));
    }

    @Test
    void anIntactVaultCopyIsKeptWhenTheSameContentIsImportedAgain() throws Exception {
        Path clip = Tools.clip(originals, "a.mp4", 1, 1);
        Footage first = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        byte[] before = Files.readAllBytes(store.vault().encryptedFile(first.sha256()));
        store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE);
        assertArrayEquals(before, Files.readAllBytes(store.vault().encryptedFile(first.sha256())));
        assertTrue(TestStores.auditEntries(store).stream().noneMatch(entry -> entry.action().equals("vault.replace")));
    }

    @Test
    void aClipIsCopiedIntoTheVaultByHashReadOnlyAndTheOriginalIsUntouched() throws Exception {
        Path clip = Tools.clip(originals, "phone video.mp4", 2, 1);
        Files.setLastModifiedTime(clip, FileTime.fromMillis(1_600_000_000_000L));
        byte[] originalBytes = Files.readAllBytes(clip);
        AtomicLong reported = new AtomicLong();
        Provenance provenance = new Provenance("https://t.me/somechannel/123", "Telegram", "somechannel", null, null, true, false);
        List<ImportResult> results = store.footage().importFiles(investigation, List.of(clip), provenance, new Progress() {
            @Override
            public void update(String item, long done, long total) {
                reported.set(done);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertEquals(ImportResult.Outcome.IMPORTED, results.get(0).outcome());
        Footage item = results.get(0).footage();
        assertEquals(sha256(clip), item.sha256());
        assertEquals(32, item.md5().length());
        assertEquals(Files.size(clip), item.sizeBytes());
        assertEquals(Files.size(clip), reported.get());
        assertEquals("phone video.mp4", item.originalName());
        assertEquals(clip.toAbsolutePath().toString(), item.originalPath());
        assertEquals(TestStores.REVIEWER, item.importedBy());
        assertEquals("test-machine", item.machine());
        assertEquals("0.0.0-test", item.appVersion());
        assertEquals(50, item.mediaFacts().frameCount());
        assertEquals("h264", item.mediaFacts().codec());
        assertEquals(FootageStatus.UNVERIFIED, item.status());
        assertEquals(provenance, item.provenance());
        Path copy = store.vault().encryptedFile(item.sha256());
        assertEquals(List.of(copy), vaultFiles());
        assertNotEquals(item.sha256(), copy.getFileName().toString(), "the name reveals no footage hash");
        // Checked on the permission bits: root (as in CI) may write anything regardless.
        assertEquals("r--------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertEquals(-1, indexOf(Files.readAllBytes(copy), Arrays.copyOfRange(originalBytes, 4096, 4096 + 64)),
                "no plaintext in the vault file");
        assertArrayEquals(originalBytes, plaintextOf(item));
        assertArrayEquals(originalBytes, Files.readAllBytes(clip));
        assertEquals(FileTime.fromMillis(1_600_000_000_000L), Files.getLastModifiedTime(clip));
        assertEquals(List.of("imported"), store.footage().custody(item.id()).stream().map(e -> e.kind()).toList());
        assertEquals(List.of(item), store.footage().list(investigation));
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void theSameContentTwiceIsOneVaultCopyAndALinkedDuplicate() throws Exception {
        Path clip = Tools.clip(originals, "a.mp4", 1, 1);
        Path sameContent = Files.copy(clip, originals.resolve("renamed.mp4"));
        Footage first = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        ImportResult second = store.footage().importFiles(investigation, List.of(sameContent), Provenance.UNKNOWN, Progress.NONE).get(0);
        assertEquals(ImportResult.Outcome.DUPLICATE, second.outcome());
        assertEquals(first.id(), second.footage().duplicateOf());
        assertEquals(first.sha256(), second.footage().sha256());
        assertEquals(1, vaultFiles().size());
        assertEquals(List.of("imported", "duplicate"),
                store.footage().custody(second.footage().id()).stream().map(e -> e.kind()).toList());
    }

    @Test
    void theSameNameWithDifferentContentKeepsBoth(@TempDir Path elsewhere) throws Exception {
        Path one = Tools.clip(originals, "video.mp4", 1, 1);
        Path other = Tools.clip(elsewhere, "video.mp4", 1, 2);
        List<ImportResult> results = store.footage().importFiles(investigation, List.of(one, other), Provenance.UNKNOWN, Progress.NONE);
        assertEquals(List.of(ImportResult.Outcome.IMPORTED, ImportResult.Outcome.IMPORTED), results.stream().map(ImportResult::outcome).toList());
        assertEquals(2, vaultFiles().size());
        assertNull(results.get(1).footage().duplicateOf());
    }

    @Test
    void aFolderImportsEveryFileInside() throws Exception {
        Path folder = Files.createDirectories(originals.resolve("from the field"));
        Tools.clip(folder, "1.mp4", 1, 1);
        Tools.clip(folder, "2.mp4", 1, 2);
        assertEquals(2, store.footage().importFiles(investigation, List.of(folder), Provenance.UNKNOWN, Progress.NONE).size());
        assertEquals(2, store.footage().list(investigation).size());
    }

    @Test
    void brokenAndNonVideoFilesAreRefusedAndNothingIsStored() throws Exception {
        Path text = Files.writeString(originals.resolve("notes.txt"), "not a video at all\n".repeat(100));
        Path clip = Tools.clip(originals, "whole.mp4", 2, 1);
        Path truncated = originals.resolve("truncated.mp4");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(clip), 300));
        List<ImportResult> results = store.footage().importFiles(investigation, List.of(text, truncated), Provenance.UNKNOWN, Progress.NONE);
        for (ImportResult result : results) {
            assertEquals(ImportResult.Outcome.REFUSED, result.outcome());
            assertTrue(result.reason().startsWith("not a video"), result.reason());
        }
        assertEquals(List.of(), store.footage().list(investigation));
        assertEquals(List.of(), vaultFiles());
        assertEquals(2, store.audit().verify().entriesChecked());
    }

    @Test
    void cancellingLeavesNoCopyAndNoRows() throws Exception {
        Path clip = Tools.clip(originals, "long.mp4", 1, 1);
        Path big = originals.resolve("big.mp4");
        // Several buffers long, so the cancel lands in the middle of the copy.
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(Files.readAllBytes(clip));
            file.setLength(HashingCopier.BUFFER_BYTES * 5L);
        }
        Progress cancelAfterOneBuffer = new Progress() {
            private long seen;

            @Override
            public void update(String item, long done, long total) {
                seen = done;
            }

            @Override
            public boolean cancelled() {
                return seen > 0;
            }
        };
        assertThrows(CancelledException.class,
                () -> store.footage().importFiles(investigation, List.of(big), Provenance.UNKNOWN, cancelAfterOneBuffer));
        assertEquals(List.of(), vaultFiles());
        assertEquals(List.of(), store.footage().list(investigation));
    }

    @Test
    void footageIsWithdrawnWithAReasonNeverDeleted() throws Exception {
        Path clip = Tools.clip(originals, "a.mp4", 1, 1);
        Footage item = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        assertThrows(org.frameproof.domain.UserFacingException.class,
                () -> store.footage().setStatus(item.id(), FootageStatus.WITHDRAWN, " "));
        Footage withdrawn = store.footage().setStatus(item.id(), FootageStatus.WITHDRAWN, "posted by a known fabricator");
        assertEquals(FootageStatus.WITHDRAWN, withdrawn.status());
        assertEquals("posted by a known fabricator", withdrawn.statusReason());
        assertEquals(1, store.footage().list(investigation).size());
        assertTrue(Files.exists(store.vault().encryptedFile(item.sha256())));
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void aFlippedByteInTheVaultIsCaughtOnVerify() throws Exception {
        Path clip = Tools.clip(originals, "a.mp4", 1, 1);
        Footage item = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        assertEquals(Integrity.INTACT, store.footage().verify(item.id(), Progress.NONE).integrity());
        Path copy = store.vault().encryptedFile(item.sha256());
        copy.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            file.seek(1000);
            int b = file.read();
            file.seek(1000);
            file.write(b ^ 0x01);
        }
        VerificationReport report = store.verify(null, Progress.NONE);
        assertFalse(report.ok());
        assertTrue(report.problems().get(0).startsWith("footage " + item.id() + " (a.mp4)"), report.problems().toString());
        assertEquals(Integrity.FAILED, store.footage().require(item.id()).integrity());
        assertEquals("verification failed", store.footage().custody(item.id()).get(2).kind());
        assertTrue(report.audit().intact());
    }

    @Test
    void provenanceIsUpdatedWithItsAuditEntryAndCustodyEventOrNotAtAll() throws Exception {
        Path clip = Tools.clip(originals, "a.mp4", 1, 1);
        Footage item = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        java.time.Instant firstSeen = java.time.Instant.parse("2024-05-01T10:00:00Z");
        Footage updated = store.footage().updateProvenance(item.id(), new Provenance(" https://t.me/channel/9 ", "Telegram", "",
                firstSeen, "earliest copy found by reverse search", true, true));
        assertEquals(new Provenance("https://t.me/channel/9", "Telegram", null, firstSeen,
                "earliest copy found by reverse search", true, true), updated.provenance());
        assertEquals(updated, store.footage().require(item.id()));

        List<org.frameproof.domain.AuditEntry> entries = new java.util.ArrayList<>();
        new org.frameproof.store.AuditRepository(store.database()).forEachInOrder(entries::add);
        org.frameproof.domain.AuditEntry provenanceEntry = entries.stream()
                .filter(entry -> entry.action().equals("footage.provenance")).findFirst().orElseThrow();
        assertTrue(provenanceEntry.beforeJson().contains("\"platform\":null"), provenanceEntry.beforeJson());
        assertTrue(provenanceEntry.afterJson().contains("\"platform\":\"Telegram\""), provenanceEntry.afterJson());
        assertEquals("provenance", store.footage().custody(item.id()).get(1).kind());
        assertTrue(store.audit().verify().intact());

        int entriesBefore = entries.size();
        assertThrows(org.frameproof.domain.UserFacingException.class,
                () -> store.footage().updateProvenance(item.id() + 99, Provenance.UNKNOWN));
        List<org.frameproof.domain.AuditEntry> after = new java.util.ArrayList<>();
        new org.frameproof.store.AuditRepository(store.database()).forEachInOrder(after::add);
        assertEquals(entriesBefore, after.size(), "a failed update leaves no audit entry");
    }

    /** A file several chunks long, so that the import reads it in several steps. */
    private Path severalChunks(String name) throws Exception {
        byte[] bytes = new byte[HashingCopier.BUFFER_BYTES * 3];
        new java.util.Random(7).nextBytes(bytes);
        return Files.write(originals.resolve(name), bytes);
    }

    /** Progress that runs {@code change} once, as soon as the first chunk of the file has been read. */
    private static Progress changingAfterTheFirstChunk(ThrowingRunnable change) {
        return new Progress() {
            private boolean changed;

            @Override
            public void update(String item, long done, long total) {
                if (!changed && done > 0) {
                    changed = true;
                    try {
                        change.run();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aFileAppendedToWhileItIsImportedIsRefused() throws Exception {
        Path growing = severalChunks("still downloading.mp4");
        Progress appendMidCopy = changingAfterTheFirstChunk(
                () -> Files.write(growing, new byte[1000], java.nio.file.StandardOpenOption.APPEND));

        List<ImportResult> results = store.footage().importFiles(investigation, List.of(growing), Provenance.UNKNOWN, appendMidCopy);

        assertEquals(ImportResult.Outcome.REFUSED, results.get(0).outcome());
        assertTrue(results.get(0).reason().startsWith("the file changed while it was imported: its size went from "
                + HashingCopier.BUFFER_BYTES * 3 + " to " + (HashingCopier.BUFFER_BYTES * 3 + 1000) + " bytes"), results.get(0).reason());
        assertEquals(List.of(), vaultFiles());
        assertEquals(List.of(), store.footage().list(investigation));
    }

    @Test
    void aFileRewrittenInPlaceWithItsTimeSetBackIsRefusedByTheSecondRead() throws Exception {
        Path rewritten = severalChunks("rewritten.mp4");
        FileTime modified = Files.getLastModifiedTime(rewritten);
        Progress rewriteTheStart = changingAfterTheFirstChunk(() -> {
            try (RandomAccessFile file = new RandomAccessFile(rewritten.toFile(), "rw")) {
                file.write(file.read() ^ 0xff);
            }
            Files.setLastModifiedTime(rewritten, modified);
        });

        List<ImportResult> results = store.footage().importFiles(investigation, List.of(rewritten), Provenance.UNKNOWN, rewriteTheStart);

        assertEquals(ImportResult.Outcome.REFUSED, results.get(0).outcome());
        assertTrue(results.get(0).reason().contains("while it was copied and as " + sha256(rewritten) + " afterwards"),
                results.get(0).reason());
        assertEquals(List.of(), vaultFiles());
    }

    @Test
    void aLinkInsideAFolderIsNotFollowedUnlessAsked(@TempDir Path elsewhere) throws Exception {
        Path folder = Files.createDirectories(originals.resolve("from the field"));
        Tools.clip(folder, "1.mp4", 1, 1);
        Path outside = Tools.clip(elsewhere, "private.mp4", 1, 2);
        Path link = Files.createSymbolicLink(folder.resolve("2.mp4"), outside);

        List<ImportResult> results = store.footage().importFiles(investigation, List.of(folder), Provenance.UNKNOWN, Progress.NONE);

        assertEquals(List.of(ImportResult.Outcome.IMPORTED, ImportResult.Outcome.REFUSED), results.stream().map(ImportResult::outcome).toList());
        assertEquals(link, results.get(1).file());
        assertEquals("a symbolic link; links inside folders are followed only with --follow-links", results.get(1).reason());
        assertEquals(1, vaultFiles().size());

        List<ImportResult> following = new java.util.ArrayList<>();
        store.footage().importFiles(investigation, List.of(folder), Provenance.UNKNOWN, true, Progress.NONE, following::add);
        assertEquals(List.of(ImportResult.Outcome.DUPLICATE, ImportResult.Outcome.IMPORTED), following.stream().map(ImportResult::outcome).toList());
        assertEquals(sha256(outside), following.get(1).footage().sha256());
    }

    @Test
    void theDataFolderAndAnythingInItAreRefusedBeforeAnythingIsRead() throws Exception {
        Footage item = store.footage().importFiles(investigation, List.of(Tools.clip(originals, "a.mp4", 1, 1)),
                Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        Path vault = dataFolder.resolve(Vault.FOLDER);
        for (Path inside : List.of(dataFolder, vault, vault.resolve(item.sha256()), dataFolder.resolve("frameproof.mv.db"),
                vault.resolve("..").resolve(Vault.FOLDER))) {
            var refused = assertThrows(org.frameproof.domain.UserFacingException.class, () -> store.footage().importFiles(
                    investigation, List.of(originals, inside), Provenance.UNKNOWN, Progress.NONE));
            assertTrue(refused.getMessage().startsWith(inside + " is Frameproof's data folder, or inside it"), refused.getMessage());
        }
        var parent = assertThrows(org.frameproof.domain.UserFacingException.class, () -> store.footage().importFiles(
                investigation, List.of(dataFolder.getParent()), Provenance.UNKNOWN, Progress.NONE));
        assertTrue(parent.getMessage().contains(" holds Frameproof's data folder"), parent.getMessage());
        assertEquals(1, store.footage().list(investigation).size(), "nothing was imported, not even from the other folder");
    }
}
