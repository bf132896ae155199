package org.frameproof.exchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import org.erdtman.jcs.JsonCanonicalizer;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;

/**
 * A reviewer's public identity as a file, and the canonical encoding it is signed over
 * (docs/decisions/0010-reviewer-identities-and-key-slots.md): a JSON object
 * {@code {"format":"frameproof-identity","version":1,"name","role","signingKey","encryptionKey","createdAt"}}
 * in RFC 8785 canonical form (keys as raw 32-byte values in standard Base64, the role as written
 * for people, the time as ISO-8601 UTC to the second) is what the Ed25519 self-signature covers
 * and what the fingerprint hashes. The file is that object with {@code "signature"} added, again
 * canonical. A file read is hostile until proven: bounded in size, exactly these fields, and the
 * signature must hold.
 */
public final class IdentityFile {
    /** An identity is a few hundred bytes; anything far larger is not one. */
    public static final int MAX_BYTES = 16 * 1024;
    static final String FORMAT = "frameproof-identity";
    static final int VERSION = 1;
    private static final int MAX_NAME_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("format", "version", "name", "role", "signingKey", "encryptionKey",
            "createdAt", "signature");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private IdentityFile() {
    }

    /** The canonical bytes the self-signature covers and the fingerprint hashes: everything but the signature. */
    public static byte[] signedBytes(PublicIdentity identity) {
        return canonical(body(identity));
    }

    public static Fingerprint fingerprint(PublicIdentity identity) {
        return Fingerprint.of(signedBytes(identity));
    }

    /** The identity with its signature as one line of canonical JSON: the file's content and what a store keeps. */
    public static String encode(PublicIdentity identity) {
        ObjectNode node = body(identity);
        node.put("signature", Base64.getEncoder().encodeToString(identity.signature()));
        return new String(canonical(node), StandardCharsets.UTF_8);
    }

    /** Writes {@link #encode} to {@code target}, whole or not at all. */
    public static void write(PublicIdentity identity, Path target) throws UserFacingException {
        byte[] content = (encode(identity) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicOutput.writeFile(target, out -> out.write(content));
    }

    /** Reads an identity file, refusing it unless it is small, well-formed and signed by the key it holds. */
    public static PublicIdentity read(Path file) throws UserFacingException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UserFacingException("Could not read the identity file " + file + ": " + e.getMessage(), e);
        }
        if (content.length > MAX_BYTES) {
            throw new UserFacingException("The identity file " + file + " is larger than " + MAX_BYTES / 1024
                    + " KiB: it is not a Frameproof identity.");
        }
        try {
            return decode(content);
        } catch (UserFacingException e) {
            throw new UserFacingException("The identity file " + file + " was refused: " + e.getMessage(), e);
        }
    }

    /** Reads what {@link #encode} wrote (a store's own copy, or a file's bytes), checking it as {@link #read} does. */
    public static PublicIdentity decode(byte[] content) throws UserFacingException {
        JsonNode node;
        try {
            node = JSON.readTree(content);
        } catch (IOException e) {
            throw new UserFacingException("it is not valid JSON.", e);
        }
        if (node == null || !node.isObject()) {
            throw new UserFacingException("it is not a JSON object.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new UserFacingException("it has a field a Frameproof identity does not have: \"" + name + "\".");
            }
        }
        if (!FORMAT.equals(text(node, "format")) || !node.path("version").isInt() || node.path("version").asInt() != VERSION) {
            throw new UserFacingException("it is not a version " + VERSION + " Frameproof identity.");
        }
        String name = text(node, "name");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || !name.equals(name.strip())) {
            throw new UserFacingException("its name is empty, longer than " + MAX_NAME_LENGTH
                    + " characters or begins or ends with blanks.");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(node, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new UserFacingException("its creation time is not an ISO-8601 UTC time.", e);
        }
        PublicIdentity identity = new PublicIdentity(name, Role.parse(text(node, "role")),
                bytes(node, "signingKey", PublicIdentity.KEY_BYTES), bytes(node, "encryptionKey", PublicIdentity.KEY_BYTES),
                createdAt, bytes(node, "signature", PublicIdentity.SIGNATURE_BYTES));
        if (!encode(identity).equals(new String(canonical(node), StandardCharsets.UTF_8))) {
            throw new UserFacingException("its fields are not written as Frameproof writes them (role, time or key).");
        }
        if (!signatureHolds(identity)) {
            throw new UserFacingException("its self-signature does not match its content: it was altered or forged.");
        }
        return identity;
    }

    /** Whether the identity's signature is its own signing key's over {@link #signedBytes}. */
    static boolean signatureHolds(PublicIdentity identity) {
        return Ed25519.holds(identity.signingKey(), signedBytes(identity), identity.signature());
    }

    private static ObjectNode body(PublicIdentity identity) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        node.put("name", identity.name());
        node.put("role", identity.role().label());
        node.put("signingKey", Base64.getEncoder().encodeToString(identity.signingKey()));
        node.put("encryptionKey", Base64.getEncoder().encodeToString(identity.encryptionKey()));
        node.put("createdAt", identity.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        return node;
    }

    /** RFC 8785: sorted keys, no blanks, the standard's string escapes and number forms. */
    public static byte[] canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree Jackson wrote is always canonicalisable", e);
        }
    }

    private static String text(JsonNode node, String field) throws UserFacingException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UserFacingException("its \"" + field + "\" is missing or not a string.");
        }
        return value.asText();
    }

    private static byte[] bytes(JsonNode node, String field, int length) throws UserFacingException {
        byte[] value;
        try {
            value = Base64.getDecoder().decode(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("its \"" + field + "\" is not Base64.", e);
        }
        if (value.length != length) {
            throw new UserFacingException("its \"" + field + "\" has " + value.length + " bytes, not " + length + ".");
        }
        return value;
    }
}
