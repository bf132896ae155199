package org.frameproof.evidence;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.ChainHead;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.Database;
import org.frameproof.store.SignatureRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit log. Every change to cases, footage, custody, annotations
 * (issue 5: each apply and each undo of an edit command) and every export (issue 6) appends an
 * entry through {@link #record}, inside the transaction that makes the change, so the change and
 * its entry are saved together or not at all.
 *
 * <p>Each entry's hash covers the one before it; each entry is also sealed with an HMAC of its
 * hash under a key derived from the store key, so that only the passphrase's holder can write an
 * entry that verifies: a chain rewritten with plain SHA-256 fails at the first rewritten entry.
 * The last entry's seal, with the entry count, is the chain's head ({@link ChainHead}), which the
 * key file keeps too ({@link ChainAnchor}) and every report prints.
 *
 * <p>The records before and after a change are kept in the audit log's own encoding
 * ({@link AuditRecord}), never in an export format, and every entry is hashed as stored.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** The action of the entry recording that a chain written before sealing was verified and sealed. */
    static final String SEALED_EARLIER_ENTRIES = "audit.authenticate";
    /** The action of the entry recording that the store was opened although its chain did not match the key file's head. */
    static final String ACCEPTED_MISMATCH = "audit.anchor-mismatch";
    private static final String ENCODING_VERSION = "frameproof-audit-v1";
    private static final String HMAC = "HmacSHA256";

    private final Database database;
    private final AuditRepository entries;
    private final Clock clock;
    private final Reviewer actor;
    private final SecretKeySpec sealKey;
    private final ChainAnchor anchor;
    /** Signs, with the actor's own key, the entries that record their work. */
    private final Signer signer;

    AuditLog(Database database, Clock clock, Reviewer actor, SecretKeySpec sealKey, ChainAnchor anchor, Signer signer) {
        this.database = database;
        this.signer = signer;
        this.entries = new AuditRepository(database);
        this.clock = clock;
        this.actor = actor;
        this.sealKey = sealKey;
        this.anchor = anchor;
    }

    /**
     * Appends an entry for a change. Must run inside {@link Database#transaction}: the entry
     * belongs to the change it records. {@code before} is null for a creation, {@code after} for
     * a removal; {@code entityId} names the record (a footage id, a case id, an export's path). A
     * reviewer's work is signed with their own key, its signature kept beside the entry ({@link Signer}).
     */
    public AuditEntry record(String action, String entityType, String entityId, AuditRecord before, AuditRecord after)
            throws UserFacingException {
        return database.transaction(() -> {
            AuditEntry entry = append(action, entityType, entityId, before == null ? null : before.encoded(),
                    after == null ? null : after.encoded());
            signer.signIfWork(entry);
            return entry;
        });
    }

    /** Appends an entry holding {@code before} and {@code after} as given: the chain hashes them as stored. */
    AuditEntry append(String action, String entityType, String entityId, String before, String after)
            throws UserFacingException {
        return append(clock.instant().truncatedTo(ChronoUnit.MICROS), actor.name(), actor.role(), action, entityType,
                entityId, before, after);
    }

    /**
     * Appends work received in a bundle as its author's store recorded it (time, actor, records as
     * stored), with its author's signature kept beside it, so that it verifies here as it did there
     * (docs/decisions/0013-bundles.md). Must run inside the transaction that applies the work.
     */
    AuditEntry appendReceived(Instant at, String actorName, Role role, String action, String entityType, String entityId,
                              String before, String after, SignatureRepository.Row signature) throws UserFacingException {
        return database.transaction(() -> {
            AuditEntry entry = append(at, actorName, role, action, entityType, entityId, before, after);
            new SignatureRepository(database).insert(new SignatureRepository.Row(entry.sequence(), signature.signer(),
                    signature.signature()));
            return entry;
        });
    }

    private AuditEntry append(Instant now, String actorName, Role role, String action, String entityType, String entityId,
                              String before, String after) throws UserFacingException {
        return database.transaction(() -> {
            Optional<AuditEntry> last = entries.last();
            String previousHash = last.map(AuditEntry::entryHash).orElse(GENESIS);
            long sequence = last.map(entry -> entry.sequence() + 1).orElse(1L);
            AuditEntry unsealed = new AuditEntry(sequence, now, actorName, role, action, entityType, entityId,
                    before, after, previousHash, null, null);
            String hash = hash(unsealed);
            AuditEntry sealed = new AuditEntry(sequence, now, actorName, role, action, entityType, entityId,
                    unsealed.beforeJson(), unsealed.afterJson(), previousHash, hash, mac(hash));
            entries.append(sealed);
            anchor.recorded(headOf(sealed));
            return sealed;
        });
    }

    /**
     * Recomputes the whole chain in order, checks every entry's seal and the key file's copy of
     * the head, and names the first broken link, if any. A chain that holds an
     * {@value #ACCEPTED_MISMATCH} entry never verifies again: entries were lost or rewritten.
     */
    public AuditVerification verify() throws UserFacingException {
        return database.transaction(() -> {
            AuditVerification chain = check(true);
            if (!chain.intact()) {
                return chain;
            }
            Optional<String> anchored = anchor.compare(entries);
            if (anchored.isPresent()) {
                return AuditVerification.broken(chain.entriesChecked() + 1, anchored.get(), chain.head());
            }
            Optional<AuditEntry> accepted = entries.lastWithAction(ACCEPTED_MISMATCH);
            if (accepted.isPresent()) {
                AuditEntry entry = accepted.get();
                return AuditVerification.broken(entry.sequence(), "entry " + entry.sequence() + ", which records that "
                        + entry.actor() + " opened the store on " + entry.occurredAt() + " despite this: " + problemIn(entry),
                        chain.head());
            }
            WorkSignatures.Summary signed = new WorkSignatures(database).checkAll();
            if (!signed.problems().isEmpty()) {
                return AuditVerification.broken(signed.firstFailing(), signed.problems().get(0)
                        + (signed.problems().size() > 1 ? " (and " + (signed.problems().size() - 1) + " more)" : ""),
                        chain.head()).withSignatures(signed.describe());
            }
            return chain.withSignatures(signed.describe());
        });
    }

    /** The chain's head as it stands: entry count and the last entry's seal. */
    public ChainHead head() throws UserFacingException {
        return database.transaction(() -> entries.last().map(AuditLog::headOf).orElse(new ChainHead(0, GENESIS)));
    }

    /** Whether the chain still holds entry {@code written.count()} with a seal that starts as written down. */
    public boolean contains(ChainHead written) throws UserFacingException {
        return database.transaction(() -> entries.at(written.count()).map(entry -> written.matches(seal(entry))).orElse(false));
    }

    /** Hands every entry to {@code visitor} in order, one at a time. */
    public void forEachEntry(AuditRepository.EntryVisitor visitor) throws UserFacingException {
        database.transaction(() -> {
            entries.forEachInOrder(visitor);
            return null;
        });
    }

    /**
     * Seals a chain written before entries were sealed, once, after checking it the old way, and
     * records that in an {@value #SEALED_EARLIER_ENTRIES} entry. A broken old chain is left
     * unsealed, so verification keeps naming its break.
     *
     * @return whether the chain was sealed now
     */
    boolean sealEarlierEntries() throws UserFacingException {
        return database.transaction(() -> {
            if (entries.last().isEmpty() || entries.anySealed()) {
                return false;
            }
            AuditVerification old = check(false);
            if (!old.intact()) {
                return false;
            }
            entries.forEachInOrder(entry -> {
                entries.seal(entry.sequence(), mac(entry.entryHash()));
                return true;
            });
            record(SEALED_EARLIER_ENTRIES, "audit_log", Long.toString(old.entriesChecked()), null,
                    AuditRecord.builder().number("entries", old.entriesChecked()).text("lastHash", old.head().hash()).build());
            return true;
        });
    }

    /** The chain's own check; with {@code sealed}, every entry must also carry its seal. */
    private AuditVerification check(boolean sealed) throws UserFacingException {
        AuditVerification[] outcome = new AuditVerification[1];
        long[] checked = {0};
        String[] previousHash = {GENESIS};
        ChainHead[] head = {new ChainHead(0, GENESIS)};
        entries.forEachInOrder(entry -> {
            long expected = checked[0] + 1;
            String problem = null;
            if (entry.sequence() != expected) {
                problem = "entry " + expected + " is missing (the next entry is " + entry.sequence()
                        + "): entries were deleted or renumbered";
            } else if (!entry.previousHash().equals(previousHash[0])) {
                problem = "entry " + expected + " does not follow entry " + (expected - 1)
                        + ": the entry before it was changed, removed or reordered";
            } else if (!hash(entry).equals(entry.entryHash())) {
                problem = "entry " + expected + " was altered after it was written";
            } else if (sealed && entry.entryMac() == null) {
                problem = "entry " + expected + " has no seal: it was written without the store key";
            } else if (sealed && !mac(entry.entryHash()).equals(entry.entryMac())) {
                problem = "entry " + expected + " has a seal that does not match it: it was rewritten without the store key";
            }
            if (problem != null) {
                outcome[0] = AuditVerification.broken(expected, problem, head[0]);
                return false;
            }
            checked[0] = expected;
            previousHash[0] = entry.entryHash();
            head[0] = headOf(entry);
            return true;
        });
        return outcome[0] != null ? outcome[0] : AuditVerification.intact(checked[0], head[0]);
    }

    private static String problemIn(AuditEntry accepted) {
        try {
            return AuditRecord.fields(accepted.afterJson()).path("problem").asText();
        } catch (UserFacingException e) {
            LOG.warn("Audit entry {} (an accepted mismatch) does not hold its record; its text is shown as it is", accepted.sequence(), e);
            return accepted.afterJson();
        }
    }

    /** An entry's seal; the hash of one written before sealing that was never sealed (its chain was broken). */
    static String seal(AuditEntry entry) {
        return entry.entryMac() != null ? entry.entryMac() : entry.entryHash();
    }

    private static ChainHead headOf(AuditEntry entry) {
        return new ChainHead(entry.sequence(), seal(entry));
    }

    private String mac(String entryHash) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(sealKey);
            return HexFormat.of().formatHex(mac.doFinal(entryHash.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has " + HMAC, e);
        }
    }

    /** SHA-256 over the canonical encoding: every field length-prefixed, so no two entries encode alike. */
    static String hash(AuditEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, ENCODING_VERSION);
            out.writeLong(entry.sequence());
            field(out, entry.occurredAt().toString());
            field(out, entry.actor());
            field(out, entry.role().name());
            field(out, entry.action());
            field(out, entry.entityType());
            field(out, entry.entityId());
            field(out, entry.beforeJson());
            field(out, entry.afterJson());
            field(out, entry.previousHash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
