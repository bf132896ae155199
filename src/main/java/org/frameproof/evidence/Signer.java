package org.frameproof.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Set;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.exchange.SignedWork;
import org.frameproof.store.Database;
import org.frameproof.store.ReviewerKeys;
import org.frameproof.store.SignatureRepository;
import org.frameproof.store.StoreException;

/**
 * Signs the work of the reviewer who unlocked the store with their own Ed25519 key, which it keeps
 * for the session and zeroes when the store closes (docs/decisions/0011-signed-work.md). What is
 * signed is the canonical form {@link SignedWork} builds from the audit entry that records the
 * work; the signature and the signer's fingerprint are kept beside that entry.
 */
final class Signer implements AutoCloseable {
    /**
     * What is a reviewer's work, and so signed: every entry about an annotation (each revision,
     * medical review, deletion, import, undo and redo) and these footage actions. Re-hashing
     * footage, exports and the store's own housekeeping are the machine's doing, recorded but not
     * signed.
     */
    private static final String ANNOTATION = "annotation";
    private static final Set<String> SIGNED_FOOTAGE_ACTIONS = Set.of("footage.import", "footage.provenance", "footage.status");

    private final ReviewerKeys keys;
    private final Database database;
    private String fingerprint;

    Signer(ReviewerKeys keys, Database database) {
        this.keys = keys;
        this.database = database;
    }

    /** Signs the work {@code entry} records, if it is signed work, and keeps the signature beside it. */
    void signIfWork(AuditEntry entry) throws UserFacingException {
        if (!isWork(entry)) {
            return;
        }
        String signer = fingerprint();
        byte[] signature = keys.sign(SignedWork.signedBytes(workOf(entry, signer)));
        new SignatureRepository(database).insert(new SignatureRepository.Row(entry.sequence(), signer,
                Base64.getEncoder().encodeToString(signature)));
    }

    /** Whether {@code entry} records a reviewer's work, which is signed from this version on. */
    static boolean isWork(AuditEntry entry) {
        return ANNOTATION.equals(entry.entityType()) || SIGNED_FOOTAGE_ACTIONS.contains(entry.action());
    }

    /** The work an audit entry records, as the signer named by {@code signerFingerprint} signs it. */
    static SignedWork.Work workOf(AuditEntry entry, String signerFingerprint) throws UserFacingException {
        return new SignedWork.Work(entry.action(), entry.entityType(), entry.entityId(), fields(entry.beforeJson()),
                fields(entry.afterJson()), entry.occurredAt(), signerFingerprint);
    }

    private static JsonNode fields(String record) throws UserFacingException {
        return record == null ? null : AuditRecord.fields(record);
    }

    /** The unlocking reviewer's fingerprint, read once: their identity is recorded before any work of theirs. */
    String fingerprint() throws UserFacingException {
        if (fingerprint == null) {
            String recorded = ReviewerService.recorded(database, keys.name()).fingerprint();
            if (recorded == null) {
                throw new StoreException("The reviewer " + keys.name() + " has no identity yet, so their work cannot be signed.");
            }
            fingerprint = recorded;
        }
        return fingerprint;
    }

    /** Zeroes the signing key: nothing is signed in this session after the store closes. */
    @Override
    public void close() {
        keys.close();
    }
}
