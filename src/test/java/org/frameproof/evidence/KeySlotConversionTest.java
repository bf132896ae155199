package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.KeyFile;
import org.frameproof.store.StoreKey;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made before key slots (by Frameproof at 6e4e728: one passphrase wraps the store key)
 * still opens, and its first unlock gives its owner a slot, keys and a public identity.
 */
class KeySlotConversionTest {
    private static final String RESOURCE = "/org/frameproof/evidence/store-before-key-slots/";
    private static final char[] PASSPHRASE = "legacy store passphrase".toCharArray();
    private static final Reviewer OWNER = new Reviewer("Lena Legacy", Role.MEDICAL_EXPERT);
    @TempDir Path dataFolder;

    @BeforeEach
    void copyTheOldStore() throws Exception {
        for (String name : List.of(KeyFile.FILE_NAME, "frameproof.mv.db", "unlock-attempts")) {
            try (InputStream in = KeySlotConversionTest.class.getResourceAsStream(RESOURCE + name)) {
                Files.copy(in, dataFolder.resolve(name));
            }
        }
    }

    private JsonNode keyFile() throws Exception {
        return new ObjectMapper().readTree(dataFolder.resolve(KeyFile.FILE_NAME).toFile());
    }

    @Test
    void itsPassphraseCanBeChangedBeforeItWasEverOpenedAndTheChangeIsRecorded() throws Exception {
        char[] replacement = "a new passphrase for lena".toCharArray();
        TestStores.stores().changePassphrase(dataFolder, PASSPHRASE, replacement);
        assertThrows(UserFacingException.class, () -> TestStores.stores().unlock(dataFolder, PASSPHRASE).close(),
                "the old passphrase no longer opens it");
        try (EvidenceStore store = TestStores.stores().unlock(dataFolder, replacement)) {
            assertEquals(OWNER, store.reviewer());
            List<AuditEntry> changes = TestStores.auditEntries(store).stream()
                    .filter(entry -> entry.action().equals("key_slot.passphrase")).toList();
            assertEquals(1, changes.size());
            assertEquals(OWNER.name(), changes.get(0).actor());
            assertTrue(store.audit().verify().intact(), store.audit().verify().describe());
        }
    }

    @Test
    void theFirstUnlockGivesTheOwnerASlotKeysAndAnIdentityAndTheStoreStillHoldsEverything() throws Exception {
        assertFalse(keyFile().has("slots"));
        try (EvidenceStore store = TestStores.stores().unlock(dataFolder, PASSPHRASE)) {
            assertEquals(OWNER, store.reviewer());
            assertEquals(List.of("Legacy case"), store.cases().listCases().stream().map(c -> c.title()).toList());
            ReviewerService.Listed own = store.reviewers().own();
            assertEquals(OWNER.name(), own.identity().name());
            assertEquals(Role.MEDICAL_EXPERT, own.identity().role());
            List<AuditEntry> entries = TestStores.auditEntries(store);
            AuditEntry identity = entries.get(entries.size() - 1);
            assertEquals("reviewer.identity", identity.action());
            assertEquals(OWNER.name(), identity.actor());
            assertTrue(identity.afterJson().contains(own.fingerprint().hex()));
            assertTrue(store.audit().verify().intact(), store.audit().verify().describe());
        }
        JsonNode converted = keyFile();
        assertEquals(1, converted.get("slots").size());
        assertFalse(converted.has("wrappedKey"), "the old wrapping is gone");
        assertTrue(converted.get("head").get("entries").asLong() > 0, "the head was kept");
        assertFalse(Files.exists(dataFolder.resolve(KeyFile.FILE_NAME + ".new")));

        String fingerprint;
        try (EvidenceStore again = TestStores.stores().unlock(dataFolder, OWNER.name(), PASSPHRASE, false, Progress.NONE)) {
            fingerprint = again.reviewers().own().fingerprint().hex();
            assertEquals(1, TestStores.auditEntries(again).stream().filter(e -> e.action().equals("reviewer.identity")).count());
        }
        try (EvidenceStore third = TestStores.stores().unlock(dataFolder, PASSPHRASE)) {
            assertEquals(fingerprint, third.reviewers().own().fingerprint().hex(), "the identity is made once");
        }
    }

    @Test
    void aCrashAfterTheKeyFileWasConvertedIsFinishedAtTheNextUnlock() throws Exception {
        // The key file is converted first; the store records the identity after. Stop in between.
        KeyFile file = new KeyFile(dataFolder, Clock.systemUTC());
        try (StoreKey key = file.unlock(PASSPHRASE)) {
            file.convertToSlots(key, OWNER.name(), PASSPHRASE);
        }
        try (EvidenceStore store = TestStores.stores().unlock(dataFolder, PASSPHRASE)) {
            assertEquals(OWNER, store.reviewer());
            assertEquals(OWNER.name(), store.reviewers().own().identity().name());
            assertTrue(store.audit().verify().intact());
        }
    }

    @Test
    void namingAnotherReviewerOfAnOldStoreConvertsNothing() throws Exception {
        byte[] before = Files.readAllBytes(dataFolder.resolve(KeyFile.FILE_NAME));
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> TestStores.stores().unlock(dataFolder, "Someone Else", PASSPHRASE, false, Progress.NONE));
        assertTrue(refused.getMessage().contains("has one reviewer, and it is not Someone Else"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dataFolder.resolve(KeyFile.FILE_NAME)));
    }
}
