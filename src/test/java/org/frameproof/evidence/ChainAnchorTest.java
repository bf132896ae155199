package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.ChainHead;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.KeyFile;
import org.frameproof.store.StoreException;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on the audit chain by someone holding the data folder, and with it the passphrase: each is noticed. */
class ChainAnchorTest {
    @TempDir Path dataFolder;
    private EvidenceStore store;

    @BeforeEach
    void storeWithSevenEntries() throws Exception {
        store = TestStores.create(dataFolder);
        for (int i = 1; i <= 6; i++) {
            store.cases().createCase("Case " + i, "description " + i);
        }
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private void sql(String... statements) throws Exception {
        try (Statement sql = store.database().connection().createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS audit_log_append_only"); // as an insider with the passphrase and a SQL console would
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    /** Closes the store and edits its key file as someone with a text editor would. */
    private Path closeAndEditKeyFile(Consumer<ObjectNode> edit) throws Exception {
        store.close();
        store = null;
        Path keyFile = dataFolder.resolve(KeyFile.FILE_NAME);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(keyFile.toFile());
        edit.accept(json);
        Files.write(keyFile, new ObjectMapper().writeValueAsBytes(json));
        return keyFile;
    }

    /** A key file as the previous version wrote it: no head. */
    private static void asVersionOne(ObjectNode json) {
        json.remove("head");
        json.put("version", 1);
    }

    private EvidenceStore unlock(boolean acceptMismatch) throws UserFacingException {
        return TestStores.stores().unlock(dataFolder, TestStores.PASSPHRASE.toCharArray(), acceptMismatch, Progress.NONE);
    }

    @Test
    void deletingTheLastEntriesIsReportedAgainstTheKeyFilesHead() throws Exception {
        ChainHead before = store.audit().head();
        sql("DELETE FROM audit_log WHERE sequence > 4");
        AuditVerification verification = store.audit().verify();
        assertFalse(verification.intact());
        assertTrue(verification.describe().contains("has 4 entries, but the key file recorded 7"), verification.describe());
        store.close();
        store = null;

        UserFacingException refused = assertThrows(UserFacingException.class, () -> unlock(false));
        assertTrue(refused.getMessage().contains("has 4 entries, but the key file recorded 7 (head " + before.printed() + ")"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(EvidenceStores.ACCEPT_AUDIT_MISMATCH), refused.getMessage());

        store = unlock(true);
        assertTrue(store.unlockReport().contains("has 4 entries, but the key file recorded 7"), store.unlockReport());
        List<AuditEntry> entries = TestStores.auditEntries(store);
        assertEquals(AuditLog.ACCEPTED_MISMATCH, entries.get(entries.size() - 1).action());
        AuditVerification after = store.verify(null, Progress.NONE).audit();
        assertFalse(after.intact());
        assertTrue(after.describe().contains("opened the store on"), after.describe());
        // The head written down before the cut is no longer in the chain.
        assertFalse(store.audit().contains(ChainHead.parse(before.printed())));
    }

    @Test
    void compactingAndRestoringAStoreWhoseChainWasCutReportIt() throws Exception {
        Path backup = dataFolder.resolveSibling(dataFolder.getFileName() + "-backup");
        sql("DELETE FROM audit_log WHERE sequence > 4");
        store.backup(backup, Progress.NONE);
        store.close();
        store = null;
        UserFacingException compact = assertThrows(UserFacingException.class,
                () -> TestStores.stores().compact(dataFolder, TestStores.PASSPHRASE.toCharArray(), phase -> { }));
        assertTrue(compact.getMessage().contains("has 4 entries, but the key file recorded 7"), compact.getMessage());
        Path restored = dataFolder.resolveSibling(dataFolder.getFileName() + "-restored");
        UserFacingException restore = assertThrows(UserFacingException.class, () -> TestStores.stores().restore(backup, restored,
                TestStores.PASSPHRASE.toCharArray(), Progress.NONE));
        assertTrue(restore.getMessage().contains("has 4 entries, but the key file recorded 7"), restore.getMessage());
        assertFalse(Files.exists(restored.resolve(KeyFile.FILE_NAME)));
    }

    @Test
    void aChainRewrittenWithPlainSha256DoesNotVerify() throws Exception {
        List<AuditEntry> entries = TestStores.auditEntries(store);
        String previous = AuditLog.GENESIS;
        sql();
        try (PreparedStatement update = store.database().connection().prepareStatement(
                "UPDATE audit_log SET actor = ?, previous_hash = ?, entry_hash = ?, entry_mac = ? WHERE sequence = ?")) {
            for (AuditEntry entry : entries) {
                AuditEntry forged = new AuditEntry(entry.sequence(), entry.occurredAt(), "Someone Else", entry.role(),
                        entry.action(), entry.entityType(), entry.entityId(), entry.beforeJson(), entry.afterJson(), previous, null, null);
                String hash = AuditLog.hash(forged);
                update.setString(1, "Someone Else");
                update.setString(2, previous);
                update.setString(3, hash);
                update.setString(4, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(hash.getBytes(StandardCharsets.US_ASCII)))); // without the store key, the best a forger can do
                update.setLong(5, entry.sequence());
                update.executeUpdate();
                previous = hash;
            }
        }
        AuditVerification verification = store.audit().verify();
        assertFalse(verification.intact());
        assertEquals(1, verification.firstBrokenSequence(), verification.describe());
        assertTrue(verification.describe().contains("seal that does not match"), verification.describe());
    }

    @Test
    void anEntryWithoutASealIsRefusedOnceTheChainIsSealed() throws Exception {
        sql("UPDATE audit_log SET entry_mac = NULL WHERE sequence = 5");
        AuditVerification verification = store.audit().verify();
        assertEquals(5, verification.firstBrokenSequence(), verification.describe());
        assertTrue(verification.describe().contains("entry 5 has no seal"), verification.describe());
    }

    @Test
    void aWrittenDownHeadIsFoundUntilTheChainIsRewritten() throws Exception {
        ChainHead written = ChainHead.parse(store.audit().head().printed());
        assertEquals(7, written.count());
        assertTrue(store.audit().contains(written));
        store.cases().createCase("Later", "");
        assertTrue(store.audit().contains(written), "a longer chain still holds the written-down head");
        assertFalse(store.audit().contains(new ChainHead(7, "0123456789abcdef")));
        assertFalse(store.audit().contains(new ChainHead(99, written.hash())));

        // An insider cuts the chain back to 6 entries and opens the store anyway: entry 7 is now another.
        sql("DELETE FROM audit_log WHERE sequence > 6");
        store.close();
        store = unlock(true);
        assertFalse(store.audit().contains(written));
    }

    @Test
    void aKeyFileHeadEditedByHandIsReportedAsTampered() throws Exception {
        closeAndEditKeyFile(json -> ((ObjectNode) json.get("head")).put("entries", 3));
        UserFacingException refused = assertThrows(UserFacingException.class, () -> unlock(false));
        assertTrue(refused.getMessage().contains("was tampered with"), refused.getMessage());
    }

    @Test
    void anOlderKeyFileWithoutAHeadBesideASealedChainIsReported() throws Exception {
        closeAndEditKeyFile(ChainAnchorTest::asVersionOne);
        UserFacingException refused = assertThrows(UserFacingException.class, () -> unlock(false));
        assertTrue(refused.getMessage().contains("keeps no audit chain head"), refused.getMessage());
    }

    @Test
    void aChainWrittenBeforeSealingIsVerifiedAndSealedAtTheFirstOpen() throws Exception {
        // As a store of the previous version: no seals, a key file of version 1 without a head.
        sql("UPDATE audit_log SET entry_mac = NULL");
        Path keyFile = closeAndEditKeyFile(ChainAnchorTest::asVersionOne);
        Files.delete(dataFolder.resolve("unlock-attempts"));

        store = unlock(false);
        assertEquals("", store.unlockReport());
        List<AuditEntry> entries = TestStores.auditEntries(store);
        assertEquals(8, entries.size());
        assertEquals(AuditLog.SEALED_EARLIER_ENTRIES, entries.get(7).action());
        assertTrue(entries.stream().allMatch(entry -> entry.entryMac() != null));
        AuditVerification verification = store.audit().verify();
        assertTrue(verification.intact(), verification.describe());
        assertTrue(new ObjectMapper().readTree(keyFile.toFile()).get("head").get("entries").asLong() >= 8);
    }

    @Test
    void theHeadSurvivesAPassphraseChange() throws Exception {
        ChainHead head = store.audit().head();
        store.close();
        store = null;
        TestStores.stores().changePassphrase(dataFolder, TestStores.PASSPHRASE.toCharArray(), "another long passphrase".toCharArray());
        store = TestStores.stores().unlock(dataFolder, "another long passphrase".toCharArray());
        assertTrue(store.audit().verify().intact());
        assertEquals(head.count() + 1, store.audit().head().count(), "the change itself is recorded");
        store.chainAnchor().flush();
        assertEquals(head.count() + 1, keptEntries(), "and the key file's head follows it");
        // And the head still guards the chain after the change.
        sql("DELETE FROM audit_log WHERE sequence > 5");
        assertTrue(store.audit().verify().describe().contains("but the key file recorded 8"));
    }

    private long keptEntries() throws Exception {
        return new ObjectMapper().readTree(dataFolder.resolve(KeyFile.FILE_NAME).toFile()).get("head").get("entries").asLong();
    }

    @Test
    void aCrashBeforeTheBackgroundWriteLeavesAChainTheOpenAcceptsAndAnchorsAgain() throws Exception {
        store.chainAnchor().flush();
        Path keyFile = dataFolder.resolve(KeyFile.FILE_NAME);
        byte[] anchoredAtSeven = Files.readAllBytes(keyFile);
        store.cases().createCase("After the anchor 1", "");
        store.cases().createCase("After the anchor 2", "");
        store.close();
        store = null;
        // The key file as a crash right after the two commits leaves it: the writer had not run yet.
        Files.write(keyFile, anchoredAtSeven);
        assertEquals(7, keptEntries());

        store = unlock(false);
        assertEquals("", store.unlockReport());
        assertTrue(store.audit().verify().intact(), store.audit().verify().describe());
        assertEquals(9, keptEntries(), "the open moves the anchor forward to the chain's head");
    }

    @Test
    void aFailedBackgroundWriteIsReportedByTheNextSaveAndByTheClose() throws Exception {
        store.chainAnchor().flush();
        // A folder where the key file's replacement is written makes every rewrite fail.
        Path blocker = Files.createDirectory(dataFolder.resolve(KeyFile.FILE_NAME + ".new"));
        Files.writeString(blocker.resolve("occupied"), "");
        store.cases().createCase("Saved, head not kept", "");
        store.chainAnchor().awaitWritten();
        StoreException next = assertThrows(StoreException.class, () -> store.cases().createCase("Next save", ""));
        assertTrue(next.getMessage().startsWith("The change was saved, but the audit chain head could not be kept in the"
                + " key file"), next.getMessage());
        assertEquals(9, TestStores.auditEntries(store).size(), "both saves stay saved");

        StoreException closing = assertThrows(StoreException.class, () -> store.close());
        assertTrue(closing.getMessage().startsWith("The audit chain head could not be kept in the key file as the store closed"),
                closing.getMessage());
        store = null;
        Files.delete(blocker.resolve("occupied"));
        Files.delete(blocker);
        store = unlock(false); // the data folder was released despite the failure; the open anchors the chain again
        assertEquals(9, keptEntries());
    }

    @Test
    void eachSaveKeepsTheHeadInTheKeyFile() throws Exception {
        Path keyFile = dataFolder.resolve(KeyFile.FILE_NAME);
        int saves = 200;
        String anchored = millisPerSave(saves, "Anchored ");
        store.chainAnchor().flush();
        assertEquals(7 + saves, new ObjectMapper().readTree(keyFile.toFile()).get("head").get("entries").asLong());
        store.database().listen(new org.frameproof.store.Database.TransactionListener() {
            @Override
            public void committed() {
            }

            @Override
            public void rolledBack() {
            }
        });
        String unanchored = millisPerSave(saves, "Unanchored ");
        System.out.printf("case create, %d saves each: keeping the chain head in the key file %s; without %s%n",
                saves, anchored, unanchored);
    }

    /** The median and 99th percentile of {@code saves} timed saves, printed for the reader: no time is asserted. */
    private String millisPerSave(int saves, String prefix) throws UserFacingException {
        long[] nanos = new long[saves];
        for (int i = 0; i < saves; i++) {
            long started = System.nanoTime();
            store.cases().createCase(prefix + i, "");
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return String.format("median %.2f ms, p99 %.2f ms", nanos[saves / 2] / 1e6,
                nanos[(int) Math.ceil(saves * 0.99) - 1] / 1e6);
    }
}
