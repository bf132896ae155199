package org.frameproof.exchange.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.UserFacingException;

/**
 * One line of a bundle's {@value BundleManifest#WORK}: an audit entry of the author's store that
 * records signed work, as stored (its records before and after in the audit log's own encoding,
 * so a receiver can keep them byte for byte), with the entry's hashes and the signature.
 *
 * @param before the record before the change as the entry stores it, or null
 * @param after the record after the change as the entry stores it, or null
 * @param signer hex fingerprint of the signer's identity
 * @param signature Base64 Ed25519 signature of the work's canonical form
 */
public record BundledWork(long sequence, Instant at, String actor, String role, String action, String entity,
                          String entityId, String before, String after, String previousHash, String entryHash,
                          String signer, String signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The lines of {@code works}, one JSON object each. */
    public static byte[] encode(List<BundledWork> works) {
        StringBuilder lines = new StringBuilder();
        for (BundledWork work : works) {
            ObjectNode node = JSON.createObjectNode();
            node.put("sequence", work.sequence).put("at", work.at.toString()).put("actor", work.actor).put("role", work.role)
                    .put("action", work.action).put("entity", work.entity).put("entityId", work.entityId)
                    .put("before", work.before).put("after", work.after).put("previousHash", work.previousHash)
                    .put("entryHash", work.entryHash).put("signer", work.signer).put("signature", work.signature);
            lines.append(node).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the lines {@link #encode} wrote; a line of another form refuses the bundle. */
    public static List<BundledWork> decode(byte[] content) throws UserFacingException {
        List<BundledWork> works = new ArrayList<>();
        int number = 0;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                works.add(new BundledWork(whole(node, "sequence"), Instant.parse(text(node, "at", false)),
                        text(node, "actor", false), text(node, "role", false), text(node, "action", false),
                        text(node, "entity", false), text(node, "entityId", false), text(node, "before", true),
                        text(node, "after", true), text(node, "previousHash", false), text(node, "entryHash", false),
                        text(node, "signer", false), text(node, "signature", false)));
            } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
                throw new UserFacingException("line " + number + " of its signed work is not a piece of work.", e);
            }
        }
        return works;
    }

    private static String text(JsonNode node, String field, boolean nullable) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isNull() && nullable) {
            return null;
        }
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static long whole(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a number");
        }
        return value.asLong();
    }
}
