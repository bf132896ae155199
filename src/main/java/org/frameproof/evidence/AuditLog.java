package org.frameproof.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.Database;

/**
 * The append-only, hash-chained audit log. Every change to cases, footage, custody, annotations
 * (issue 5: each apply and each undo of an edit command) and every export (issue 6) appends an
 * entry through {@link #record}, inside the transaction that makes the change, so the change and
 * its entry are saved together or not at all.
 */
public final class AuditLog {
    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final String ENCODING_VERSION = "frameproof-audit-v1";
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Database database;
    private final AuditRepository entries;
    private final Clock clock;
    private final Reviewer actor;

    public AuditLog(Database database, Clock clock, Reviewer actor) {
        this.database = database;
        this.entries = new AuditRepository(database);
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * Appends an entry for a change. Must run inside {@link Database#transaction}: the entry
     * belongs to the change it records. {@code before} is null for a creation, {@code after} for
     * a removal; {@code entityId} names the record (a footage id, a case id, an export's path).
     */
    public AuditEntry record(String action, String entityType, String entityId, JsonNode before, JsonNode after)
            throws UserFacingException {
        return database.transaction(() -> {
            java.util.Optional<AuditEntry> last = entries.last();
            String previousHash = last.map(AuditEntry::entryHash).orElse(GENESIS);
            long sequence = last.map(entry -> entry.sequence() + 1).orElse(1L);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditEntry unsealed = new AuditEntry(sequence, now, actor.name(), actor.role(), action, entityType, entityId,
                    text(before), text(after), previousHash, null);
            AuditEntry sealed = withHash(unsealed, hash(unsealed));
            entries.append(sealed);
            return sealed;
        });
    }

    /** Recomputes the whole chain in order and names the first broken link, if any. */
    public AuditVerification verify() throws UserFacingException {
        AuditVerification[] outcome = new AuditVerification[1];
        long[] checked = {0};
        String[] previousHash = {GENESIS};
        database.transaction(() -> {
            entries.forEachInOrder(entry -> {
                long expected = checked[0] + 1;
                if (entry.sequence() != expected) {
                    outcome[0] = AuditVerification.broken(expected, "entry " + expected + " is missing (the next entry is "
                            + entry.sequence() + "): entries were deleted or renumbered");
                } else if (!entry.previousHash().equals(previousHash[0])) {
                    outcome[0] = AuditVerification.broken(expected, "entry " + expected + " does not follow entry "
                            + (expected - 1) + ": the entry before it was changed, removed or reordered");
                } else if (!hash(entry).equals(entry.entryHash())) {
                    outcome[0] = AuditVerification.broken(expected, "entry " + expected + " was altered after it was written");
                }
                if (outcome[0] != null) {
                    return false;
                }
                checked[0] = expected;
                previousHash[0] = entry.entryHash();
                return true;
            });
            return null;
        });
        return outcome[0] != null ? outcome[0] : AuditVerification.intact(checked[0]);
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

    private static AuditEntry withHash(AuditEntry entry, String hash) {
        return new AuditEntry(entry.sequence(), entry.occurredAt(), entry.actor(), entry.role(), entry.action(),
                entry.entityType(), entry.entityId(), entry.beforeJson(), entry.afterJson(), entry.previousHash(), hash);
    }

    private static String text(JsonNode node) throws UserFacingException {
        if (node == null) {
            return null;
        }
        try {
            // Through a tree of sorted maps, so the same record always yields the same text.
            Object sorted = JSON.treeToValue(node, Object.class);
            return JSON.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new UserFacingException("Could not record the change in the audit log: " + e.getOriginalMessage(), e);
        }
    }
}
