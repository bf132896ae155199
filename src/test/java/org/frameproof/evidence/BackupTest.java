package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class BackupTest {
    @TempDir Path work;
    private Path dataFolder;
    private Path backup;
    private Footage item;
    private String vaultName;

    @BeforeEach
    void storeWithFootageBackedUp() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        dataFolder = work.resolve("data");
        backup = work.resolve("backup");
        Path clip = Tools.clip(Files.createDirectories(work.resolve("originals")), "a.mp4", 1, 3);
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            Case investigation = store.cases().createCase("Case A", "");
            item = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
            vaultName = store.vault().encryptedFile(item.sha256()).getFileName().toString();
            store.backup(backup, Progress.NONE);
            assertThrows(UserFacingException.class, () -> store.backup(backup, Progress.NONE), "never overwrites a backup");
        }
    }

    @Test
    void aBackupHoldsTheEncryptedDatabaseTheKeyFileTheVaultAndAManifest() throws Exception {
        assertTrue(Files.exists(backup.resolve("database.zip")));
        assertTrue(Files.exists(backup.resolve("frameproof.key")));
        // The vault file goes as it is: encrypted, under its keyed name.
        assertArrayEquals(Files.readAllBytes(dataFolder.resolve("vault").resolve(vaultName)),
                Files.readAllBytes(backup.resolve("vault").resolve(vaultName)));
        String manifest = Files.readString(backup.resolve("manifest.json"));
        assertTrue(manifest.contains("vault/" + vaultName), manifest);
        assertFalse(manifest.contains(item.sha256()), "the manifest names no footage hash");
        try (var siblings = Files.list(work)) {
            assertFalse(siblings.anyMatch(path -> path.getFileName().toString().contains(".partial-")));
        }
    }

    @Test
    void restoreGivesBackTheSameStore() throws Exception {
        Path restored = work.resolve("restored");
        TestStores.stores().restore(backup, restored, TestStores.PASSPHRASE.toCharArray(), Progress.NONE);
        try (EvidenceStore store = TestStores.unlock(restored)) {
            assertEquals("Case A", store.cases().listCases().get(0).title());
            Footage back = store.footage().listAll().get(0);
            assertEquals(item.sha256(), back.sha256());
            assertTrue(store.verify(null, Progress.NONE).ok());
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingIsRestored() throws Exception {
        Path vaultCopy = backup.resolve("vault").resolve(vaultName);
        vaultCopy.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(vaultCopy.toFile(), "rw")) {
            file.seek(500);
            file.write(file.read() ^ 0xff);
        }
        Path restored = work.resolve("restored");
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> TestStores.stores().restore(backup, restored, TestStores.PASSPHRASE.toCharArray(), Progress.NONE));
        assertTrue(refused.getMessage().contains("is damaged and was not restored: vault/" + vaultName), refused.getMessage());
        assertFalse(Files.exists(restored));
    }

    @Test
    void aMissingDatabaseCopyIsRefused() throws Exception {
        Files.delete(backup.resolve("database.zip"));
        Path restored = work.resolve("restored");
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> TestStores.stores().restore(backup, restored, TestStores.PASSPHRASE.toCharArray(), Progress.NONE));
        assertTrue(refused.getMessage().contains("database.zip is missing"), refused.getMessage());
    }

    @Test
    void restoreNeverOverwritesAStore() {
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> TestStores.stores().restore(backup, dataFolder, TestStores.PASSPHRASE.toCharArray(), Progress.NONE));
        assertTrue(refused.getMessage().contains("holds a store already"), refused.getMessage());
    }

    private UserFacingException refusedRestore(Path from) {
        return refusedRestore(from, work.resolve("restored"));
    }

    /** Restores {@code from} into {@code restored}, which must be refused with nothing restored. */
    static UserFacingException refusedRestore(Path from, Path restored) {
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> TestStores.stores().restore(from, restored, TestStores.PASSPHRASE.toCharArray(), Progress.NONE));
        assertFalse(Files.exists(restored), "nothing was restored");
        return refused;
    }

    @Test
    void aBackupWithAFileItsManifestDoesNotListIsRefusedNamingIt() throws Exception {
        Files.writeString(backup.resolve("vault").resolve("planted"), "not in the manifest");
        Files.writeString(backup.resolve("notes.txt"), "not in the manifest either");

        UserFacingException refused = refusedRestore(backup);

        assertTrue(refused.getMessage().endsWith("it holds files its manifest does not list: notes.txt, vault/planted."),
                refused.getMessage());
    }

    @Test
    void aBackupWithALinkToAFileOutsideIsRefusedAndTheLinkIsNotFollowed() throws Exception {
        Path outside = Files.writeString(work.resolve("outside.txt"), "a file of someone else's");
        Files.createSymbolicLink(backup.resolve("vault").resolve("outside"), outside);

        UserFacingException refused = refusedRestore(backup);

        assertTrue(refused.getMessage().endsWith("it holds symbolic links, which are never followed: vault/outside."),
                refused.getMessage());
    }

    @Test
    void aListedFileReplacedByALinkIsRefusedEvenWhenWhatItPointsToMatches() throws Exception {
        Path listed = backup.resolve("vault").resolve(vaultName);
        Path elsewhere = work.resolve("elsewhere");
        Files.move(listed, elsewhere);
        Files.createSymbolicLink(listed, elsewhere);

        UserFacingException refused = refusedRestore(backup);

        assertTrue(refused.getMessage().endsWith("which are never followed: vault/" + vaultName + "."), refused.getMessage());
    }

    @Test
    void aBackupReachedThroughALinkAndDotDotIsTheFolderTheFileSystemMeans() throws Exception {
        // For the file system "link/.." is the parent of the link's target, not the folder that holds the link.
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.move(backup, elsewhere.resolve("backup"));
        Files.createSymbolicLink(work.resolve("link"), Files.createDirectories(elsewhere.resolve("inner")));
        Path restored = work.resolve("restored");

        TestStores.stores().restore(work.resolve("link/../backup"), restored, TestStores.PASSPHRASE.toCharArray(), Progress.NONE);

        try (EvidenceStore store = TestStores.unlock(restored)) {
            assertEquals(item.sha256(), store.footage().listAll().get(0).sha256());
        }
    }

    @Test
    void theSameBackupIsRestoredHoweverItsFolderIsWritten() throws Exception {
        String relative = Path.of("").toAbsolutePath().relativize(backup).toString();
        for (String written : List.of("./" + relative, relative + "/")) {
            Path restored = work.resolve("restored-" + written.length());
            TestStores.stores().restore(Path.of(written), restored, TestStores.PASSPHRASE.toCharArray(), Progress.NONE);
            try (EvidenceStore store = TestStores.unlock(restored)) {
                assertEquals(item.sha256(), store.footage().listAll().get(0).sha256());
            }
        }
    }
}
