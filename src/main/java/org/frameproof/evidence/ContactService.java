package org.frameproof.evidence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.store.ContactRepository;
import org.frameproof.store.Database;

/**
 * People of other stores whose public identity this store accepted, after comparing its
 * fingerprint with them. The role a contact is accepted in is this store's decision, recorded
 * with who accepted them and when; the role they state is only shown
 * (docs/decisions/0010-reviewer-identities-and-key-slots.md).
 */
public final class ContactService {
    private final Database database;
    private final AuditLog audit;
    private final ReviewerService reviewers;
    private final Reviewer current;
    private final Clock clock;

    ContactService(Database database, AuditLog audit, ReviewerService reviewers, Reviewer current, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.reviewers = reviewers;
        this.current = current;
        this.clock = clock;
    }

    /** A contact: their identity (its role is what they state), its fingerprint, and the role this store accepts. */
    public record Contact(PublicIdentity identity, Fingerprint fingerprint, Role acceptedRole, String acceptedBy,
                          Instant acceptedAt) {
    }

    /**
     * Accepts the identity in {@code file} as a contact in {@code acceptedRole}. Refused, with
     * nothing written, when the file is not a well-formed identity whose self-signature holds,
     * when it is a reviewer of this store or shares a key with one, and when it is a contact already.
     */
    public Contact add(Path file, Role acceptedRole) throws UserFacingException {
        return add(IdentityFile.read(file), acceptedRole);
    }

    /**
     * As {@link #add(Path, Role)}, for an identity already read: the one whose fingerprint the
     * reviewer compared, so that the file cannot change between that comparison and the acceptance.
     */
    public Contact add(PublicIdentity identity, Role acceptedRole) throws UserFacingException {
        Fingerprint fingerprint = IdentityFile.fingerprint(identity);
        return database.transaction(() -> {
            for (ReviewerService.Listed reviewer : reviewers.list()) {
                if (reviewer.fingerprint().equals(fingerprint) || reviewer.identity().sharesAKeyWith(identity)) {
                    throw new UserFacingException("This identity is (or shares a key with) " + reviewer.reviewer().name()
                            + ", a reviewer of this store: a reviewer is never their own contact. Nothing was added.");
                }
            }
            for (Contact contact : list()) {
                if (contact.fingerprint().equals(fingerprint)) {
                    throw new UserFacingException(identity.name() + " is a contact already, accepted as "
                            + contact.acceptedRole().label() + " by " + contact.acceptedBy() + " on " + contact.acceptedAt()
                            + ". Nothing was added.");
                }
                if (contact.identity().sharesAKeyWith(identity)) {
                    throw new UserFacingException("This identity shares a key with the contact " + contact.identity().name()
                            + " (fingerprint " + contact.fingerprint().digits() + "): one key, two identities. Nothing was added.");
                }
            }
            Contact contact = new Contact(identity, fingerprint, acceptedRole, current.name(), clock.instant());
            new ContactRepository(database).insert(new ContactRepository.Row(IdentityFile.encode(identity), fingerprint.hex(),
                    acceptedRole, contact.acceptedBy(), contact.acceptedAt()));
            audit.record("contact.add", "contact", fingerprint.hex(), null, AuditRecord.builder()
                    .text("name", identity.name()).text("statedRole", identity.role().name())
                    .text("acceptedRole", acceptedRole.name()).text("fingerprint", fingerprint.hex())
                    .text("signingKey", Base64.getEncoder().encodeToString(identity.signingKey()))
                    .text("encryptionKey", Base64.getEncoder().encodeToString(identity.encryptionKey())).build());
            return contact;
        });
    }

    /** Every contact, in the order they were accepted; each identity is checked again as it is read. */
    public List<Contact> list() throws UserFacingException {
        List<ContactRepository.Row> rows = database.transaction(() -> new ContactRepository(database).list());
        List<Contact> contacts = new ArrayList<>();
        for (ContactRepository.Row row : rows) {
            PublicIdentity identity = IdentityFile.decode(row.identity().getBytes(StandardCharsets.UTF_8));
            contacts.add(new Contact(identity, IdentityFile.fingerprint(identity), row.acceptedRole(), row.acceptedBy(),
                    row.acceptedAt()));
        }
        return contacts;
    }

    /**
     * The contact {@code nameOrFingerprint} names: the name in their identity (any case), their
     * fingerprint's digits (blanks optional) or its hex. Refused when nobody or several contacts
     * answer to it, listing those so the reviewer can name one by fingerprint.
     */
    public Contact named(String nameOrFingerprint) throws UserFacingException {
        String wanted = nameOrFingerprint.strip();
        String digits = wanted.replace(" ", "");
        List<Contact> matching = new ArrayList<>();
        for (Contact contact : list()) {
            if (contact.identity().name().equalsIgnoreCase(wanted) || contact.fingerprint().hex().equals(wanted)
                    || contact.fingerprint().digits().replace(" ", "").equals(digits)) {
                matching.add(contact);
            }
        }
        if (matching.isEmpty()) {
            throw new UserFacingException("No contact is called " + wanted + " or has that fingerprint: see `contacts list`.");
        }
        if (matching.size() > 1) {
            StringBuilder listed = new StringBuilder();
            for (Contact contact : matching) {
                listed.append("\n  ").append(contact.identity().name()).append("  ").append(contact.fingerprint().digits());
            }
            throw new UserFacingException(matching.size() + " contacts are called " + wanted
                    + "; name one by fingerprint:" + listed);
        }
        return matching.get(0);
    }
}
