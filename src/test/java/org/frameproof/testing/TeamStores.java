package org.frameproof.testing;

import java.nio.file.Path;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.exchange.IdentityFile;

/**
 * Stores of a team that exchange bundles, each in its own data folder under one work folder, set
 * up as people would: each writes their identity file, and each accepts the others' as contacts in
 * the role they choose.
 */
public final class TeamStores {
    public static final Reviewer EXPERT = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
    public static final Reviewer FIELD = new Reviewer("Sami Field", Role.FIELD_STAFF);

    private TeamStores() {
    }

    /** A new store in {@code work/name} owned by {@code reviewer}, with their identity file written as {@code work/name.json}. */
    public static Path create(Path work, String name, Reviewer reviewer) throws UserFacingException {
        Path data = work.resolve(name);
        try (EvidenceStore store = TestStores.stores().create(data, TestStores.PASSPHRASE.toCharArray(), reviewer)) {
            IdentityFile.write(store.reviewers().own().identity(), work.resolve(name + ".json"));
        }
        return data;
    }

    /** The store {@code name} accepts the identity of {@code other} as a contact in {@code role}. */
    public static void accept(Path work, String name, String other, Role role) throws UserFacingException {
        try (EvidenceStore store = open(work, name)) {
            store.contacts().add(work.resolve(other + ".json"), role);
        }
    }

    public static EvidenceStore open(Path work, String name) throws UserFacingException {
        return TestStores.unlock(work.resolve(name));
    }
}
