package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepting another store's reviewer as a contact, in a role this store chooses; hostile identity files change nothing. */
class ContactsTest {
    private static final Reviewer EXPERT = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
    @TempDir Path work;
    private EvidenceStore store;
    private Path expertIdentity;

    @BeforeEach
    void twoStores() throws Exception {
        try (EvidenceStore expert = TestStores.stores().create(work.resolve("expert"), TestStores.PASSPHRASE.toCharArray(), EXPERT)) {
            expertIdentity = work.resolve("mira.json");
            IdentityFile.write(expert.reviewers().own().identity(), expertIdentity);
        }
        store = TestStores.create(work.resolve("researcher"));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private void assertRefusedUntouched(Path file, String because) throws Exception {
        int entries = TestStores.auditEntries(store).size();
        UserFacingException refused = assertThrows(UserFacingException.class, () -> store.contacts().add(file, Role.MEDICAL_EXPERT));
        assertTrue(refused.getMessage().contains(because), refused.getMessage());
        assertEquals(entries, TestStores.auditEntries(store).size(), "nothing was recorded");
    }

    private Path edited(String field, String value) throws Exception {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(expertIdentity.toFile());
        node.put(field, value);
        Path file = work.resolve("edited-" + field + ".json");
        new ObjectMapper().writeValue(file.toFile(), node);
        return file;
    }

    @Test
    void aContactIsAcceptedInTheRoleThisStoreChoosesAndTheAcceptanceIsAudited() throws Exception {
        ContactService.Contact added = store.contacts().add(expertIdentity, Role.RESEARCHER);
        assertEquals(Role.MEDICAL_EXPERT, added.identity().role(), "what they state");
        assertEquals(Role.RESEARCHER, added.acceptedRole(), "what this store accepts");
        assertEquals(TestStores.REVIEWER.name(), added.acceptedBy());
        List<ContactService.Contact> contacts = store.contacts().list();
        assertEquals(1, contacts.size());
        assertEquals(IdentityFile.fingerprint(IdentityFile.read(expertIdentity)), contacts.get(0).fingerprint());
        List<AuditEntry> entries = TestStores.auditEntries(store);
        AuditEntry accepted = entries.get(entries.size() - 1);
        assertEquals("contact.add", accepted.action());
        assertEquals(TestStores.REVIEWER.name(), accepted.actor());
        assertTrue(accepted.afterJson().contains("\"acceptedRole\":\"RESEARCHER\""), accepted.afterJson());
        assertTrue(accepted.afterJson().contains("\"statedRole\":\"MEDICAL_EXPERT\""), accepted.afterJson());
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void aDuplicateContactIsRefused() throws Exception {
        store.contacts().add(expertIdentity, Role.MEDICAL_EXPERT);
        Path copy = Files.copy(expertIdentity, work.resolve("copy.json"));
        assertRefusedUntouched(copy, "is a contact already, accepted as medical expert by Ana Test-Reviewer");
        assertEquals(1, store.contacts().list().size());
    }

    @Test
    void aReviewerOfThisStoreIsNeverTheirOwnContact() throws Exception {
        Path own = work.resolve("own.json");
        IdentityFile.write(store.reviewers().own().identity(), own);
        assertRefusedUntouched(own, "a reviewer of this store");
        TestStores.stores().addReviewer(store, TestStores.PASSPHRASE.toCharArray(), new Reviewer("Sami Field", Role.FIELD_STAFF),
                "sami's own passphrase".toCharArray());
        Path colleague = work.resolve("sami.json");
        IdentityFile.write(store.reviewers().list().get(1).identity(), colleague);
        assertRefusedUntouched(colleague, "is (or shares a key with) Sami Field, a reviewer of this store");
        assertEquals(0, store.contacts().list().size());
    }

    @Test
    void hostileIdentityFilesAreRefusedAndChangeNothing() throws Exception {
        assertRefusedUntouched(edited("name", "Dr. Mira Hadad"), "self-signature does not match");
        assertRefusedUntouched(edited("signingKey", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), "self-signature does not match");
        assertRefusedUntouched(edited("signature", IdentityFile.read(expertIdentity).name()), "not Base64");
        String good = Files.readString(expertIdentity);
        Path truncated = Files.writeString(work.resolve("truncated.json"), good.substring(0, good.length() - 20));
        assertRefusedUntouched(truncated, "not valid JSON");
        Path garbage = Files.write(work.resolve("garbage.json"), new byte[] {(byte) 0xff, 0, 1, 2, '{'});
        assertRefusedUntouched(garbage, "not valid JSON");
        Path huge = Files.write(work.resolve("huge.json"), new byte[1024 * 1024]);
        assertRefusedUntouched(huge, "larger than 16 KiB");
        assertRefusedUntouched(work.resolve("missing.json"), "Could not read the identity file");
        assertEquals(0, store.contacts().list().size());
    }
    @Test
    void aContactIsNamedByNameOrFingerprintAndAnAmbiguousNameIsRefused() throws Exception {
        ContactService.Contact mira = store.contacts().add(expertIdentity, Role.MEDICAL_EXPERT);
        assertEquals(mira.fingerprint(), store.contacts().named("dr. mira haddad").fingerprint());
        assertEquals(mira.fingerprint(), store.contacts().named(mira.fingerprint().digits().replace(" ", "")).fingerprint());
        assertEquals(mira.fingerprint(), store.contacts().named(mira.fingerprint().hex()).fingerprint());
        Path namesake = work.resolve("namesake.json");
        try (EvidenceStore other = TestStores.stores().create(work.resolve("namesake"), TestStores.PASSPHRASE.toCharArray(), EXPERT)) {
            IdentityFile.write(other.reviewers().own().identity(), namesake);
        }
        ContactService.Contact second = store.contacts().add(namesake, Role.MEDICAL_EXPERT);
        UserFacingException ambiguous = assertThrows(UserFacingException.class, () -> store.contacts().named(EXPERT.name()));
        assertTrue(ambiguous.getMessage().contains("2 contacts are called") && ambiguous.getMessage().contains(
                second.fingerprint().digits()), ambiguous.getMessage());
        assertEquals(second.fingerprint(), store.contacts().named(second.fingerprint().digits()).fingerprint());
        UserFacingException unknown = assertThrows(UserFacingException.class, () -> store.contacts().named("Nobody"));
        assertTrue(unknown.getMessage().contains("No contact is called Nobody"), unknown.getMessage());
    }
}
