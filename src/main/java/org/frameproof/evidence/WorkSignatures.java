package org.frameproof.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewRules;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.exchange.SignedWork;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.ContactRepository;
import org.frameproof.store.Database;
import org.frameproof.store.ReviewerRepository;
import org.frameproof.store.SignatureRepository;

/**
 * Checks the signatures of signed work (docs/decisions/0011-signed-work.md) against the public
 * keys of the store's reviewers and contacts: one piece of work's, or every one in the audit log.
 */
public final class WorkSignatures {
    private final Database database;

    WorkSignatures(Database database) {
        this.database = database;
    }

    /** What holds of one piece of work's signature. */
    public enum State {
        /** Signed by a reviewer or contact of this store, and the signature holds. */
        VALID("the signature holds"),
        /** Signed, and the signature does not hold for what the store records (or names another actor). */
        INVALID("the signature does NOT hold"),
        /** Signed by a key that is neither a reviewer's nor a contact's here: kept, not verified. */
        UNVERIFIED("unverified: signed by a key this store does not know"),
        /** Made before this store signed work. */
        BEFORE_SIGNATURES("unsigned, made before signatures"),
        /** Made after this store signed work, yet no signature is kept for it. */
        MISSING("unsigned, though made after signatures began");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One piece of work's signature: its state, and who signed (empty when unsigned; no name when the key is unknown). */
    public record Status(State state, Optional<Fingerprint> signer, Optional<String> signerName) {
        /** true, false, or null (JSON's {@code signatureValid}) for work without a signature that could be checked. */
        public Boolean valid() {
            return switch (state) {
                case VALID -> Boolean.TRUE;
                case INVALID, MISSING -> Boolean.FALSE;
                case UNVERIFIED, BEFORE_SIGNATURES -> null;
            };
        }
    }

    /**
     * Every signature checked: counts, a line naming each piece of work that fails, and the
     * sequence of the first audit entry that does (0 for none).
     */
    public record Summary(int valid, int unverified, int beforeSignatures, List<String> problems, long firstFailing) {
        /** One line for the reviewer. */
        public String describe() {
            return "Signatures: " + valid + " hold, " + unverified + " unverified (signer not known here), "
                    + beforeSignatures + " made before signatures" + (problems.isEmpty() ? "." : ", " + problems.size() + " fail.");
        }
    }

    /** The signature of the last change to {@code entityType} {@code entityId}, empty when nothing recorded it. */
    public Optional<Status> ofLatest(String entityType, String entityId) throws UserFacingException {
        return Optional.ofNullable(ofLatest(entityType, List.of(entityId)).get(entityId));
    }

    /** The signature of the last change to each of {@code entityIds}; an id nothing recorded is left out. */
    public Map<String, Status> ofLatest(String entityType, Collection<String> entityIds) throws UserFacingException {
        return database.transaction(() -> {
            Checking checking = new Checking();
            Map<String, Status> statuses = new HashMap<>();
            for (String id : entityIds) {
                Optional<AuditEntry> last = checking.entries.lastAbout(entityType, id);
                if (last.isPresent()) {
                    statuses.put(id, checking.statusOf(last.get()));
                }
            }
            return statuses;
        });
    }

    /** The actions that record a finding's review. */
    private static final List<String> REVIEW_ACTIONS = List.of("annotation.confirm", "annotation.reject");

    /**
     * A finding's review as this store weighs it: the signature of the audit entry that recorded it,
     * and whether it counts here.
     *
     * @param counts whether the signature holds and is by the reviewer the review names, who is this
     *     store's reviewer of the role the finding's kind needs or a contact this store accepted in it
     */
    public record ReviewWeight(Status signature, boolean counts) {
    }

    /** The weight of each finding's review (findings without one are left out). */
    public Map<String, ReviewWeight> reviewsOf(Collection<Annotation> findings) throws UserFacingException {
        return database.transaction(() -> {
            Checking checking = new Checking();
            Map<String, ReviewWeight> weights = new HashMap<>();
            for (Annotation finding : findings) {
                Review review = finding.review();
                if (review == null) {
                    continue;
                }
                Optional<AuditEntry> recorded = checking.entries.lastAbout("annotation", finding.id(), REVIEW_ACTIONS);
                Status status = recorded.isEmpty() ? new Status(State.BEFORE_SIGNATURES, Optional.empty(), Optional.empty())
                        : checking.statusOf(recorded.get());
                Key signer = status.signer().map(checking.keys::get).orElse(null);
                // A review made before reviews named a fingerprint is its signer's, whose key signed it.
                boolean counts = status.state() == State.VALID && signer != null
                        && signer.role() == ReviewRules.reviewingRole(finding.kind())
                        && (review.reviewerFingerprint() == null || status.signer().get().hex().equals(review.reviewerFingerprint()));
                weights.put(finding.id(), new ReviewWeight(status, counts));
            }
            return weights;
        });
    }

    /** Checks every piece of signed work the audit log records, in order. */
    public Summary checkAll() throws UserFacingException {
        return database.transaction(() -> {
            Map<Fingerprint, Key> keys = keys();
            Map<Long, SignatureRepository.Row> signatures = new HashMap<>(new SignatureRepository(database).all());
            long first = signatures.keySet().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            int[] counts = new int[State.values().length];
            List<String> problems = new ArrayList<>();
            long[] firstFailing = {0};
            new AuditRepository(database).forEachInOrder(entry -> {
                Optional<SignatureRepository.Row> signature = Optional.ofNullable(signatures.remove(entry.sequence()));
                if (signature.isEmpty() && !Signer.isWork(entry)) {
                    return true;
                }
                Status status = signature.isPresent() && !Signer.isWork(entry)
                        ? new Status(State.INVALID, signerOf(signature.get()), Optional.empty())
                        : status(entry, signature, keys, first);
                counts[status.state().ordinal()]++;
                if (status.valid() == Boolean.FALSE) {
                    firstFailing[0] = firstFailing[0] == 0 ? entry.sequence() : firstFailing[0];
                    problems.add("entry " + entry.sequence() + " (" + entry.action() + " of " + entry.entityType() + " "
                            + entry.entityId() + " by " + entry.actor() + "): " + status.state().label());
                }
                return true;
            });
            for (long orphan : signatures.keySet()) {
                firstFailing[0] = firstFailing[0] == 0 ? orphan : firstFailing[0];
                problems.add("a signature is kept for audit entry " + orphan + ", which the audit log does not hold");
            }
            return new Summary(counts[State.VALID.ordinal()], counts[State.UNVERIFIED.ordinal()],
                    counts[State.BEFORE_SIGNATURES.ordinal()], problems, firstFailing[0]);
        });
    }

    /** What checking single signatures needs, read once inside the caller's transaction. */
    private final class Checking {
        private final AuditRepository entries = new AuditRepository(database);
        private final SignatureRepository signatures = new SignatureRepository(database);
        private final Map<Fingerprint, Key> keys;
        private final long firstSigned;

        Checking() throws UserFacingException {
            keys = keys();
            firstSigned = signatures.first().orElse(Long.MAX_VALUE);
        }

        Status statusOf(AuditEntry entry) throws UserFacingException {
            return status(entry, signatures.of(entry.sequence()), keys, firstSigned);
        }
    }

    /**
     * A key this store knows: a reviewer's (whose work is recorded under their name) or a contact's.
     *
     * @param role the reviewer's role here, or the role this store accepted the contact in
     */
    private record Key(String name, byte[] signingKey, boolean reviewer, Role role) {
    }

    private static Status status(AuditEntry entry, Optional<SignatureRepository.Row> row, Map<Fingerprint, Key> keys,
                                 long firstSigned) throws UserFacingException {
        if (row.isEmpty()) {
            State state = entry.sequence() < firstSigned ? State.BEFORE_SIGNATURES : State.MISSING;
            return new Status(state, Optional.empty(), Optional.empty());
        }
        Optional<Fingerprint> named = signerOf(row.get());
        if (named.isEmpty()) {
            return new Status(State.INVALID, Optional.empty(), Optional.empty());
        }
        Fingerprint fingerprint = named.get();
        Key signer = keys.get(fingerprint);
        if (signer == null) {
            return new Status(State.UNVERIFIED, Optional.of(fingerprint), Optional.empty());
        }
        SignedWork.Work work = Signer.workOf(entry, fingerprint.hex());
        boolean holds = signature(row.get()).map(bytes -> SignedWork.holds(work, signer.signingKey(), bytes)).orElse(false);
        // A reviewer of this store signs only as the actor the entry records.
        boolean sameActor = !signer.reviewer() || signer.name().equals(entry.actor());
        return new Status(holds && sameActor ? State.VALID : State.INVALID, Optional.of(fingerprint), Optional.of(signer.name()));
    }

    /** The signer a row names; empty when what it holds is no fingerprint (written outside Frameproof). */
    private static Optional<Fingerprint> signerOf(SignatureRepository.Row row) {
        try {
            return Optional.of(new Fingerprint(row.signer()));
        } catch (IllegalArgumentException e) {
            // Not 64 lower-case hex digits: it names no key, so no signature holds.
            return Optional.empty();
        }
    }

    private static Optional<byte[]> signature(SignatureRepository.Row row) {
        try {
            return Optional.of(Base64.getDecoder().decode(row.signature()));
        } catch (IllegalArgumentException e) {
            // Not Base64: no signature holds.
            return Optional.empty();
        }
    }

    /** The signing keys of the store's reviewers and contacts, by fingerprint; each identity's self-signature re-checked. */
    private Map<Fingerprint, Key> keys() throws UserFacingException {
        Map<Fingerprint, Key> keys = new HashMap<>();
        for (ContactRepository.Row contact : new ContactRepository(database).list()) {
            PublicIdentity identity = IdentityFile.decode(contact.identity().getBytes(StandardCharsets.UTF_8));
            keys.put(IdentityFile.fingerprint(identity), new Key(identity.name(), identity.signingKey(), false,
                    contact.acceptedRole()));
        }
        for (ReviewerRepository.Row reviewer : new ReviewerRepository(database).list()) {
            if (reviewer.identity() != null) {
                PublicIdentity identity = IdentityFile.decode(reviewer.identity().getBytes(StandardCharsets.UTF_8));
                keys.put(IdentityFile.fingerprint(identity), new Key(reviewer.reviewer().name(), identity.signingKey(), true,
                        reviewer.reviewer().role()));
            }
        }
        return keys;
    }
}
