package org.frameproof.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.store.Database;
import org.frameproof.store.ReviewerKeys;
import org.frameproof.store.ReviewerRepository;
import org.frameproof.store.StoreException;

/**
 * The reviewers of a store and their public identities
 * (docs/decisions/0010-reviewer-identities-and-key-slots.md). Their private keys are not here:
 * each is in that reviewer's key slot, which only their passphrase opens.
 */
public final class ReviewerService {
    private final Database database;
    private final AuditLog audit;
    private final Reviewer current;
    private final Clock clock;

    ReviewerService(Database database, AuditLog audit, Reviewer current, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    /** A reviewer of this store with their public identity and its fingerprint. */
    public record Listed(Reviewer reviewer, Instant createdAt, PublicIdentity identity, Fingerprint fingerprint) {
    }

    /** Every reviewer of the store, its creator first. */
    public List<Listed> list() throws UserFacingException {
        List<ReviewerRepository.Row> rows = database.transaction(() -> new ReviewerRepository(database).list());
        List<Listed> listed = new ArrayList<>();
        for (ReviewerRepository.Row row : rows) {
            if (row.identity() == null) {
                throw new StoreException("The reviewer " + row.reviewer().name() + " has no identity yet: they get one when"
                        + " they first unlock the store.");
            }
            PublicIdentity identity = IdentityFile.decode(row.identity().getBytes(StandardCharsets.UTF_8));
            listed.add(new Listed(row.reviewer(), row.createdAt(), identity, IdentityFile.fingerprint(identity)));
        }
        return listed;
    }

    /** The public identity of the reviewer who unlocked the store. */
    public Listed own() throws UserFacingException {
        return list().stream().filter(listed -> listed.reviewer().isNamed(current.name())).findFirst()
                .orElseThrow(() -> new StoreException("The reviewer who unlocked the store is not among its reviewers."));
    }

    /** The public identity that {@code keys} sign, made now. */
    static PublicIdentity identityOf(Reviewer reviewer, ReviewerKeys keys, Instant createdAt) {
        PublicIdentity unsigned = new PublicIdentity(reviewer.name(), reviewer.role(), keys.signingPublicKey(),
                keys.encryptionPublicKey(), createdAt, new byte[PublicIdentity.SIGNATURE_BYTES]);
        return new PublicIdentity(reviewer.name(), reviewer.role(), keys.signingPublicKey(), keys.encryptionPublicKey(),
                createdAt, keys.sign(IdentityFile.signedBytes(unsigned)));
    }

    /** Refuses a name a reviewer of this store has already (reviewers are told apart by name when they unlock). */
    void checkNewName(String name) throws UserFacingException {
        for (ReviewerRepository.Row row : database.transaction(() -> new ReviewerRepository(database).list())) {
            if (row.reviewer().isNamed(name)) {
                throw new UserFacingException("This store has a reviewer called " + row.reviewer().name() + " already.");
            }
        }
    }

    /** Records a new reviewer with the identity of their new keys. Runs inside the transaction that wrote their slot. */
    void add(Reviewer reviewer, ReviewerKeys keys) throws UserFacingException {
        checkNewName(reviewer.name());
        Instant now = clock.instant();
        PublicIdentity identity = identityOf(reviewer, keys, now);
        Fingerprint fingerprint = IdentityFile.fingerprint(identity);
        new ReviewerRepository(database).insert(reviewer, now, IdentityFile.encode(identity), fingerprint.hex());
        audit.record("reviewer.add", "reviewer", reviewer.name(), null, describe(reviewer, fingerprint));
    }

    /**
     * At each unlock: a reviewer made before identities gets theirs from the keys their new slot
     * holds (recorded); one who has an identity must have the keys it names, else the key file
     * was swapped for another.
     */
    void checkIdentity(Reviewer reviewer, ReviewerKeys keys) throws UserFacingException {
        database.transaction(() -> {
            ReviewerRepository reviewers = new ReviewerRepository(database);
            ReviewerRepository.Row row = recorded(database, reviewer.name());
            if (row.identity() == null) {
                PublicIdentity identity = identityOf(reviewer, keys, clock.instant());
                Fingerprint fingerprint = IdentityFile.fingerprint(identity);
                reviewers.setIdentity(row.reviewer().name(), IdentityFile.encode(identity), fingerprint.hex());
                audit.record("reviewer.identity", "reviewer", reviewer.name(), null, describe(reviewer, fingerprint));
                return null;
            }
            PublicIdentity recorded = IdentityFile.decode(row.identity().getBytes(StandardCharsets.UTF_8));
            if (!Arrays.equals(recorded.signingKey(), keys.signingPublicKey())
                    || !Arrays.equals(recorded.encryptionKey(), keys.encryptionPublicKey())) {
                throw new StoreException("The keys in the key file's slot of " + reviewer.name() + " are not the ones this store"
                        + " recorded for them: the key file was replaced.");
            }
            return null;
        });
    }

    /** The row of the reviewer a key slot names; a slot without one is a reviewer not added completely. */
    static ReviewerRepository.Row recorded(Database database, String name) throws UserFacingException {
        return new ReviewerRepository(database).list().stream().filter(row -> row.reviewer().isNamed(name)).findFirst()
                .orElseThrow(() -> new StoreException("The key file has a slot for a reviewer this store does not know; they"
                        + " were not added completely. Ask a reviewer of the store to add them again."));
    }

    private static AuditRecord describe(Reviewer reviewer, Fingerprint fingerprint) {
        return AuditRecord.builder().text("name", reviewer.name()).text("role", reviewer.role().name())
                .text("fingerprint", fingerprint.hex()).build();
    }
}
