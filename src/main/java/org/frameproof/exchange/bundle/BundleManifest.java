package org.frameproof.exchange.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.IdentityFile;

/**
 * A bundle's table of contents, signed by its author (docs/decisions/0013-bundles.md): who wrote it
 * for whom, when, what it covers, and every other entry of the bundle with its size and SHA-256.
 * The signature is Ed25519 over the RFC 8785 form of the manifest without its {@code signature}.
 *
 * @param author hex fingerprint of the author's identity
 * @param recipients hex fingerprints of the identities it is encrypted to, the author's among them
 * @param scope "case" or "footage"
 * @param scopeName the case's title, or the footage's SHA-256
 * @param since the id of the bundle this one continues, or null
 * @param headCount the author's audit chain's entry count when the bundle was written
 * @param headSeal the seal of that chain's last entry
 */
public record BundleManifest(String bundleId, String author, List<String> recipients, Instant createdAt, String scope,
                             String scopeName, String since, List<Entry> entries, long headCount, String headSeal) {
    public static final String FILE_NAME = "manifest.json";
    /** One line per piece of signed work, in the author's audit order. */
    public static final String WORK = "work.jsonl";
    /** One line per footage: its audited record (provenance and graphic flag with it) and its custody events. */
    public static final String FOOTAGE_RECORDS = "footage.jsonl";
    /** The folder of the footage originals, each named by its SHA-256. */
    public static final String FOOTAGE_FOLDER = "footage/";
    /** The folder of public identities (the author's and every signer's), each named by its hex fingerprint. */
    public static final String IDENTITY_FOLDER = "identities/";
    static final String FORMAT = "frameproof-bundle";
    static final int VERSION = 1;
    /** A manifest names a few files per footage; far larger is not one. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public BundleManifest {
        recipients = List.copyOf(recipients);
        entries = List.copyOf(entries);
    }

    /** One file of the bundle: its name in the tar, its size and the SHA-256 of its bytes. */
    public record Entry(String name, long size, String sha256) {
    }

    /** The manifest as read from a bundle, with the signature it carries (not yet checked). */
    public record Signed(BundleManifest manifest, byte[] signature) {
    }

    /** The canonical bytes the author's signature covers. */
    public byte[] signedBytes() {
        return IdentityFile.canonical(body());
    }

    /** The manifest with its signature as one line of canonical JSON: the bundle's last entry. */
    public byte[] encode(byte[] signature) {
        ObjectNode node = body();
        node.put("signature", Base64.getEncoder().encodeToString(signature));
        return IdentityFile.canonical(node);
    }

    private ObjectNode body() {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        node.put("bundleId", bundleId);
        node.put("author", author);
        ArrayNode to = node.putArray("recipients");
        recipients.forEach(to::add);
        node.put("createdAt", createdAt.toString());
        node.putObject("scope").put(scope, scopeName);
        node.put("since", since);
        ArrayNode files = node.putArray("entries");
        for (Entry entry : entries) {
            files.addObject().put("name", entry.name()).put("size", entry.size()).put("sha256", entry.sha256());
        }
        node.putObject("auditHead").put("count", headCount).put("seal", headSeal);
        return node;
    }

    /**
     * Reads a manifest from a bundle: strict JSON, every field of its type, and written exactly as
     * Frameproof writes it (so the signed bytes are the file's own). The signature is not checked here.
     */
    public static Signed decode(byte[] content) throws UserFacingException {
        JsonNode node;
        try {
            node = JSON.readTree(content);
        } catch (IOException e) {
            throw new UserFacingException("its manifest is not valid JSON.", e);
        }
        if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText())
                || node.path("version").asInt() != VERSION) {
            throw new UserFacingException("it is not a version " + VERSION + " Frameproof bundle.");
        }
        try {
            JsonNode scope = node.path("scope");
            String scopeKind = scope.isObject() && scope.size() == 1 ? scope.fieldNames().next() : "";
            if (!scopeKind.equals("case") && !scopeKind.equals("footage")) {
                throw new UserFacingException("its manifest names no case or footage it covers.");
            }
            List<String> recipients = new ArrayList<>();
            for (JsonNode recipient : array(node, "recipients")) {
                recipients.add(hex(recipient, "a recipient"));
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode entry : array(node, "entries")) {
                entries.add(new Entry(text(entry, "name"), whole(entry, "size"), hex(entry.get("sha256"), "an entry's sha256")));
            }
            JsonNode since = node.get("since");
            BundleManifest manifest = new BundleManifest(text(node, "bundleId"), hex(node.get("author"), "the author"),
                    recipients, Instant.parse(text(node, "createdAt")), scopeKind, text(scope, scopeKind),
                    since == null || since.isNull() ? null : text(node, "since"), entries,
                    whole(node.path("auditHead"), "count"), text(node.path("auditHead"), "seal"));
            byte[] signature = Base64.getDecoder().decode(text(node, "signature"));
            if (!new String(manifest.encode(signature), StandardCharsets.UTF_8).equals(
                    new String(IdentityFile.canonical(node), StandardCharsets.UTF_8))) {
                throw new UserFacingException("its manifest is not written as Frameproof writes one.");
            }
            return new Signed(manifest, signature);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UserFacingException("its manifest holds a time, key or signature in the wrong form.", e);
        }
    }

    private static JsonNode array(JsonNode node, String field) throws UserFacingException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new UserFacingException("its manifest's \"" + field + "\" is missing or not a list.");
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws UserFacingException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UserFacingException("its manifest's \"" + field + "\" is missing or not a string.");
        }
        return value.asText();
    }

    private static long whole(JsonNode node, String field) throws UserFacingException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new UserFacingException("its manifest's \"" + field + "\" is missing or not a count.");
        }
        return value.asLong();
    }

    private static String hex(JsonNode value, String what) throws UserFacingException {
        if (value == null || !value.isTextual() || !HEX64.matcher(value.asText()).matches()) {
            throw new UserFacingException("its manifest names " + what + " by something other than a SHA-256.");
        }
        return value.asText();
    }
}
