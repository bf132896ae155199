package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.frameproof.domain.Case;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.HostileDatabase;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An insider with the passphrase plants code in a store's database with H2 itself; neither a
 * restore of its backup nor an unlock nor a compaction of the folder ever runs that code.
 */
@NativeTier
class ForeignCodeTest {
    @TempDir Path work;
    private Path marker;

    @BeforeEach
    void markerPath() {
        marker = work.resolve("marker");
    }

    private Path storeWithFootage() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        Path dataFolder = work.resolve("data");
        Path clip = Tools.clip(Files.createDirectories(work.resolve("originals")), "a.mp4", 1, 3);
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            Case investigation = store.cases().createCase("Case A", "");
            store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE);
        }
        return dataFolder;
    }

    /** Plants {@code statements}, checks that the planted code works, and removes its trace. */
    private void plant(Path dataFolder, String... statements) throws Exception {
        HostileDatabase.run(dataFolder, TestStores.PASSPHRASE.toCharArray(), statements);
        assertTrue(Files.exists(marker), "the planted code runs when H2 loads it");
        Files.delete(marker);
    }

    /** A backup of the store, whose database is then swapped for the planted one with a manifest to match. */
    private Path hostileBackup(String... statements) throws Exception {
        Path dataFolder = storeWithFootage();
        Path backup = work.resolve("backup");
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            store.backup(backup, Progress.NONE);
        }
        plant(dataFolder, statements);
        Path zip = backup.resolve(Backup.DATABASE);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("frameproof.mv.db"));
            Files.copy(dataFolder.resolve("frameproof.mv.db"), out);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(backup.resolve(Backup.MANIFEST).toFile());
        Hashes hashes = HashingCopier.hash(zip, Backup.DATABASE, Progress.NONE);
        for (var file : manifest.get("files")) {
            if (file.get("path").asText().equals(Backup.DATABASE)) {
                ((ObjectNode) file).put("sha256", hashes.sha256()).put("size", hashes.size());
            }
        }
        json.writeValue(backup.resolve(Backup.MANIFEST).toFile(), manifest);
        return backup;
    }

    @ParameterizedTest
    @CsvSource({"trigger, PLANTED_TRIGGER", "function, PLANTED_FUNCTION"})
    void aBackupCarryingJavaSourceCodeIsRefusedAndTheCodeNeverRuns(String kind, String name) throws Exception {
        Path backup = hostileBackup(kind.equals("trigger")
                ? new String[] {HostileDatabase.sourceTrigger(marker)} : HostileDatabase.sourceFunction(marker));

        UserFacingException refused = BackupTest.refusedRestore(backup, work.resolve("restored"));

        assertEquals("The backup " + backup + " carries a " + kind + " that Frameproof did not create (" + name + ");"
                + " it was not restored.", refused.getMessage());
        assertFalse(Files.exists(marker), "the planted code never ran");
    }

    @Test
    void aDataFolderCarryingAJavaSourceTriggerIsRefusedAtUnlockAndByCompact() throws Exception {
        Path dataFolder = work.resolve("data");
        TestStores.create(dataFolder).close();
        plant(dataFolder, HostileDatabase.sourceTrigger(marker));
        String expected = "The database file " + dataFolder.resolve("frameproof.mv.db") + " carries a trigger"
                + " that Frameproof did not create (PLANTED_TRIGGER); it was not opened.";

        UserFacingException atUnlock = assertThrows(UserFacingException.class, () -> TestStores.unlock(dataFolder));
        UserFacingException byCompact = assertThrows(UserFacingException.class,
                () -> TestStores.stores().compact(dataFolder, TestStores.PASSPHRASE.toCharArray(), phase -> { }));

        assertEquals(expected, atUnlock.getMessage());
        assertEquals(expected, byCompact.getMessage());
        assertFalse(Files.exists(marker), "the planted trigger never ran");
        assertFalse(Files.exists(dataFolder.resolve("frameproof-compacting.mv.db")));
    }
}
