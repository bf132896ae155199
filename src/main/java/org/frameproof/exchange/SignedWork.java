package org.frameproof.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The bytes a reviewer's signature of one piece of work covers
 * (docs/decisions/0011-signed-work.md): the RFC 8785 canonical form of
 * {@code {"format":"frameproof-signed-work","version":1,"action","entity","entityId","before","after","at","signer"}},
 * where {@code before} and {@code after} are the record's fields before and after the change
 * (null for none: before a creation, after a deletion), {@code at} is when it was made (ISO-8601
 * UTC to the microsecond) and {@code signer} the hex fingerprint of the signer's identity. The
 * store's own numbering (the audit entry's sequence) is left out: the same work must verify in
 * another store.
 */
public final class SignedWork {
    static final String FORMAT = "frameproof-signed-work";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedWork() {
    }

    /** One change as it is signed: what was done to which record, its fields before and after, when, by whom. */
    public record Work(String action, String entity, String entityId, JsonNode before, JsonNode after, Instant at,
                       String signerFingerprint) {
    }

    /** The canonical bytes a signature of {@code work} covers. */
    public static byte[] signedBytes(Work work) {
        ObjectNode body = JSON.createObjectNode();
        body.put("format", FORMAT);
        body.put("version", VERSION);
        body.put("action", work.action());
        body.put("entity", work.entity());
        body.put("entityId", work.entityId());
        body.set("before", work.before() == null ? NullNode.getInstance() : work.before());
        body.set("after", work.after() == null ? NullNode.getInstance() : work.after());
        body.put("at", work.at().truncatedTo(ChronoUnit.MICROS).toString());
        body.put("signer", work.signerFingerprint());
        return IdentityFile.canonical(body);
    }

    /** Whether {@code signature} is the signature of {@code work} by the Ed25519 key {@code signingKey}. */
    public static boolean holds(Work work, byte[] signingKey, byte[] signature) {
        return Ed25519.holds(signingKey, signedBytes(work), signature);
    }
}
