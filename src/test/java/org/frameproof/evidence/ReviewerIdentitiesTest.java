package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.store.KeyFile;
import org.frameproof.store.WrongPassphraseException;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviewers of one store: each with their own identity and passphrase, each change recorded as the one who unlocked. */
class ReviewerIdentitiesTest {
    private static final Reviewer EXPERT = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
    private static final char[] EXPERT_PASSPHRASE = "mira's own passphrase".toCharArray();
    @TempDir Path dataFolder;

    @Test
    void theFirstReviewerGetsASelfSignedIdentityWhenTheStoreIsCreated() throws Exception {
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            ReviewerService.Listed own = store.reviewers().own();
            assertEquals(TestStores.REVIEWER, own.reviewer());
            assertEquals(TestStores.REVIEWER.name(), own.identity().name());
            assertEquals(Role.RESEARCHER, own.identity().role());
            assertEquals(own.fingerprint(), IdentityFile.fingerprint(own.identity()));
            AuditEntry created = TestStores.auditEntries(store).get(0);
            assertEquals("store.create", created.action());
            assertTrue(created.afterJson().contains(own.fingerprint().hex()), created.afterJson());

            Path exported = dataFolder.resolveSibling("ana.json");
            IdentityFile.write(own.identity(), exported);
            assertEquals(own.fingerprint(), IdentityFile.fingerprint(IdentityFile.read(exported)));
        }
        try (EvidenceStore again = TestStores.unlock(dataFolder)) {
            assertEquals(1, again.reviewers().list().size());
            assertTrue(again.audit().verify().intact());
        }
    }

    @Test
    void anAddedReviewerUnlocksWithTheirOwnPassphraseAndTheirWorkIsRecordedAsTheirs() throws Exception {
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            TestStores.stores().addReviewer(store, TestStores.PASSPHRASE.toCharArray(), EXPERT, EXPERT_PASSPHRASE);
            List<ReviewerService.Listed> reviewers = store.reviewers().list();
            assertEquals(List.of(TestStores.REVIEWER, EXPERT), reviewers.stream().map(ReviewerService.Listed::reviewer).toList());
            AuditEntry added = TestStores.auditEntries(store).get(TestStores.auditEntries(store).size() - 1);
            assertEquals("reviewer.add", added.action());
            assertEquals(TestStores.REVIEWER.name(), added.actor(), "recorded as the reviewer who added them");
        }
        try (EvidenceStore expert = TestStores.stores().unlock(dataFolder, "dr. mira haddad", EXPERT_PASSPHRASE, false, Progress.NONE)) {
            assertEquals(EXPERT, expert.reviewer());
            assertEquals(EXPERT.name(), expert.reviewers().own().identity().name());
            expert.cases().createCase("Case of the expert", "");
            AuditEntry last = TestStores.auditEntries(expert).get(TestStores.auditEntries(expert).size() - 1);
            assertEquals(EXPERT.name(), last.actor());
            assertEquals(Role.MEDICAL_EXPERT, last.role());
            assertTrue(expert.audit().verify().intact());
        }
        // The passphrase alone says who works; the researcher's store still opens as the researcher.
        try (EvidenceStore researcher = TestStores.unlock(dataFolder)) {
            assertEquals(TestStores.REVIEWER, researcher.reviewer());
        }
    }

    @Test
    void aNamedReviewerNeedsTheirOwnPassphrase() throws Exception {
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            TestStores.stores().addReviewer(store, TestStores.PASSPHRASE.toCharArray(), EXPERT, EXPERT_PASSPHRASE);
        }
        byte[] keyFile = Files.readAllBytes(dataFolder.resolve(KeyFile.FILE_NAME));
        WrongPassphraseException refused = assertThrows(WrongPassphraseException.class, () -> TestStores.stores()
                .unlock(dataFolder, EXPERT.name(), TestStores.PASSPHRASE.toCharArray(), false, Progress.NONE));
        assertTrue(refused.getMessage().startsWith("Wrong passphrase for Dr. Mira Haddad in "), refused.getMessage());
        assertArrayEquals(keyFile, Files.readAllBytes(dataFolder.resolve(KeyFile.FILE_NAME)));
    }

    @Test
    void addingAReviewerNeedsTheAddersPassphraseAFreeNameAndAFreePassphrase() throws Exception {
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            assertThrows(WrongPassphraseException.class, () -> TestStores.stores()
                    .addReviewer(store, "not the passphrase".toCharArray(), EXPERT, EXPERT_PASSPHRASE));
            UserFacingException taken = assertThrows(UserFacingException.class, () -> TestStores.stores().addReviewer(store,
                    TestStores.PASSPHRASE.toCharArray(), new Reviewer(" ana test-reviewer ", Role.FIELD_STAFF), EXPERT_PASSPHRASE));
            assertTrue(taken.getMessage().contains("has a reviewer called Ana Test-Reviewer already"), taken.getMessage());
            UserFacingException shared = assertThrows(UserFacingException.class, () -> TestStores.stores().addReviewer(store,
                    TestStores.PASSPHRASE.toCharArray(), EXPERT, TestStores.PASSPHRASE.toCharArray()));
            assertTrue(shared.getMessage().contains("has this passphrase"), shared.getMessage());
            assertEquals(1, store.reviewers().list().size());
            assertEquals(1, TestStores.auditEntries(store).size(), "nothing but the store's creation was recorded");
        }
    }
}
