package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir Path dataFolder;
    private EvidenceStore store;

    @BeforeEach
    void storeWithSevenEntries() throws Exception {
        store = TestStores.create(dataFolder); // entry 1: the store and its reviewer
        for (int i = 1; i <= 6; i++) {
            store.cases().createCase("Case " + i, "description " + i); // entries 2..7
        }
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private void tamper(String... statements) throws Exception {
        try (Statement sql = store.database().connection().createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only"); // as someone with the key and a SQL console would
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    @Test
    void anUntouchedChainVerifiesAndEachEntryHoldsThePreviousHash() throws Exception {
        AuditVerification verification = store.audit().verify();
        assertTrue(verification.intact(), verification.describe());
        assertEquals(7, verification.entriesChecked());
        List<AuditEntry> entries = new ArrayList<>();
        new org.frameproof.store.AuditRepository(store.database()).forEachInOrder(entries::add);
        assertEquals(AuditLog.GENESIS, entries.get(0).previousHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).entryHash(), entries.get(i).previousHash());
            assertEquals(i + 1, entries.get(i).sequence());
        }
        AuditEntry created = entries.get(1);
        assertEquals("case.create", created.action());
        assertEquals(TestStores.REVIEWER.name(), created.actor());
        assertEquals(TestStores.REVIEWER.role(), created.role());
        assertTrue(created.afterJson().contains("\"title\":\"Case 1\""), created.afterJson());
        assertEquals(null, created.beforeJson());
    }

    @Test
    void anEditedEntryIsNamed() throws Exception {
        tamper("UPDATE audit_log SET after_json = REPLACE(after_json, 'Case 3', 'Case X') WHERE sequence = 4");
        AuditVerification verification = store.audit().verify();
        assertFalse(verification.intact());
        assertEquals(4, verification.firstBrokenSequence());
        assertTrue(verification.describe().contains("entry 4 was altered"), verification.describe());
    }

    @Test
    void anEditedEntryWithARecomputedOwnHashFailsItsSeal() throws Exception {
        AuditEntry four = entry(4);
        AuditEntry forged = new AuditEntry(4, four.occurredAt(), "Someone Else", four.role(), four.action(), four.entityType(),
                four.entityId(), four.beforeJson(), four.afterJson(), four.previousHash(), null, null);
        tamper("UPDATE audit_log SET actor = 'Someone Else', entry_hash = '" + AuditLog.hash(forged) + "' WHERE sequence = 4");
        AuditVerification verification = store.audit().verify();
        assertEquals(4, verification.firstBrokenSequence(), verification.describe());
        assertTrue(verification.describe().contains("entry 4 has a seal that does not match it"), verification.describe());
    }

    @Test
    void aDeletedEntryIsNamed() throws Exception {
        tamper("DELETE FROM audit_log WHERE sequence = 4");
        AuditVerification verification = store.audit().verify();
        assertEquals(4, verification.firstBrokenSequence());
        assertTrue(verification.describe().contains("entry 4 is missing"), verification.describe());
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        tamper("UPDATE audit_log SET sequence = -1 WHERE sequence = 3",
                "UPDATE audit_log SET sequence = 3 WHERE sequence = 5",
                "UPDATE audit_log SET sequence = 5 WHERE sequence = -1");
        AuditVerification verification = store.audit().verify();
        assertEquals(3, verification.firstBrokenSequence(), verification.describe());
    }

    @Test
    void aChangeAndItsEntryAreSavedTogetherOrNotAtAll() throws Exception {
        UserFacingException refused = assertThrows(UserFacingException.class, () -> store.database().transaction(() -> {
            store.cases().createCase("Rolled back", "");
            throw new UserFacingException("a later step of the same save failed");
        }));
        assertEquals("a later step of the same save failed", refused.getMessage());
        assertFalse(store.cases().listCases().stream().anyMatch(c -> c.title().equals("Rolled back")));
        assertEquals(7, store.audit().verify().entriesChecked());
    }

    @Test
    void entriesSurviveReopeningAndTheChainContinues() throws Exception {
        store.close();
        store = TestStores.unlock(dataFolder);
        store.cases().createCase("After reopening", "");
        AuditVerification verification = store.audit().verify();
        assertTrue(verification.intact(), verification.describe());
        assertEquals(8, verification.entriesChecked());
    }

    private AuditEntry entry(long sequence) throws Exception {
        AuditEntry[] found = new AuditEntry[1];
        new org.frameproof.store.AuditRepository(store.database()).forEachInOrder(entry -> {
            if (entry.sequence() == sequence) {
                found[0] = entry;
            }
            return true;
        });
        return found[0];
    }
}
