package org.frameproof.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.exchange.SignedWork;
import org.frameproof.exchange.bundle.AgeEnvelope;
import org.frameproof.exchange.bundle.BundleManifest;
import org.frameproof.exchange.bundle.BundleTarReader;
import org.frameproof.exchange.bundle.BundledWork;
import org.frameproof.store.ReviewerKeys;

/**
 * Opens a bundle addressed to the unlocking reviewer and checks everything it can before anything
 * of it is kept: the envelope (each chunk authenticated), the manifest's signature by the author,
 * every entry's size and SHA-256, every piece of work's audit hash and signature
 * (docs/decisions/0013-bundles.md). Work whose signer this store does not know is kept apart as
 * unverified; a signature that does not hold for its work refuses the whole bundle.
 */
final class BundleCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleStores stores;
    private final ReviewerKeys keys;

    BundleCheck(BundleStores stores, ReviewerKeys keys) {
        this.stores = stores;
        this.keys = keys;
    }

    /** A signer as this store knows them: by name, whether a reviewer here, and the role this store accepts them in. */
    record WorkSigner(Fingerprint fingerprint, String name, boolean known, boolean reviewer, Role acceptedRole) {
        /** "Name (contact, accepted as medical expert) 12345 …", for the reviewer. */
        String describe() {
            return (name == null ? "unknown key" : name) + " (" + (!known ? "NOT a contact: unverified"
                    : reviewer ? "a reviewer of this store" : "contact, accepted as " + acceptedRole.label()) + ") "
                    + fingerprint.digits();
        }
    }

    /** One footage item as the bundle describes it: its audited record's fields, its custody, whether its original came. */
    record FootageLine(JsonNode record, List<JsonNode> custody, boolean original) {
        String sha256() {
            return record.path("sha256").asText();
        }
    }

    /** A bundle that passed every check: its manifest, author, footage, work in order with each signer, and its file's SHA-256. */
    record Checked(BundleManifest manifest, WorkSigner author, List<FootageLine> footage, List<BundledWork> work,
                   Map<String, WorkSigner> signers, String fileSha256) {
        /** What the bundle brings, in the reviewer's terms. */
        BundleService.Contents contents() {
            List<String> signing = signers.values().stream()
                    .filter(signer -> work.stream().anyMatch(piece -> piece.signer().equals(signer.fingerprint().hex())))
                    .map(WorkSigner::describe).toList();
            int unverified = (int) work.stream().filter(piece -> !signers.get(piece.signer()).known()).count();
            return new BundleService.Contents(manifest.bundleId(), fileSha256, author.name(), author.fingerprint().digits(),
                    author.known(), manifest.createdAt().toString(), manifest.scope() + " " + manifest.scopeName(),
                    manifest.since(), footage.size(), (int) footage.stream().filter(FootageLine::original).count(), work.size(),
                    unverified, signing);
        }
    }

    /** Opens and checks {@code file}, handing each footage original to {@code footage} as it streams by. */
    Checked check(Path file, BundleTarReader.FootageSink footage) throws UserFacingException {
        MessageDigest fileDigest = BundleExport.sha256();
        BundleTarReader.Opened opened;
        byte[] privateKey = keys.encryptionPrivateKey();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), fileDigest);
             InputStream plain = AgeEnvelope.decrypt(in, privateKey)) {
            opened = BundleTarReader.read(plain, footage);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (AgeEnvelope.Unopenable e) {
            throw refused(file, e.notAddressed() ? "this bundle is not addressed to you (" + stores.reviewer().name()
                    + "), or its header was damaged in transit" : e.getMessage(), e);
        } catch (IOException e) {
            throw refused(file, "it could not be read (" + e.getMessage() + ")", e);
        } catch (CancelledException e) {
            throw e;
        } catch (UserFacingException e) {
            throw refused(file, e.getMessage(), e);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
        try {
            return check(opened, HexFormat.of().formatHex(fileDigest.digest()));
        } catch (UserFacingException e) {
            throw refused(file, e.getMessage(), e);
        }
    }

    private Checked check(BundleTarReader.Opened opened, String fileSha256) throws UserFacingException {
        BundleManifest manifest = opened.manifest();
        String me = stores.reviewers().own().fingerprint().hex();
        if (!manifest.recipients().contains(me)) {
            throw new UserFacingException("this bundle is not addressed to you (its manifest does not name you)");
        }
        Map<String, WorkSigner> signers = new HashMap<>();
        Map<String, byte[]> signingKeys = new HashMap<>();
        knownKeys(signers, signingKeys);
        for (Map.Entry<String, byte[]> entry : opened.small().entrySet()) {
            if (entry.getKey().startsWith(BundleManifest.IDENTITY_FOLDER)) {
                PublicIdentity identity = IdentityFile.decode(entry.getValue());
                Fingerprint fingerprint = IdentityFile.fingerprint(identity);
                if (!entry.getKey().equals(BundleManifest.IDENTITY_FOLDER + fingerprint.hex() + ".json")) {
                    throw new UserFacingException("it carries an identity under another's fingerprint");
                }
                signingKeys.putIfAbsent(fingerprint.hex(), identity.signingKey());
                signers.putIfAbsent(fingerprint.hex(), new WorkSigner(fingerprint, identity.name(), false, false, null));
            }
        }
        List<BundledWork> work = BundledWork.decode(opened.entry(BundleManifest.WORK));
        long previous = 0;
        for (BundledWork piece : work) {
            checkWork(piece, previous, manifest, signingKeys);
            previous = piece.sequence();
            signers.putIfAbsent(piece.signer(), new WorkSigner(new Fingerprint(piece.signer()), null, false, false, null));
        }
        List<FootageLine> footage = footage(opened);
        return new Checked(manifest, signers.get(manifest.author()), footage, work, signers, fileSha256);
    }

    /** The entry's own hash, its place in the author's chain, and its signature by the key its signer's fingerprint names. */
    private static void checkWork(BundledWork piece, long previous, BundleManifest manifest, Map<String, byte[]> signingKeys)
            throws UserFacingException {
        String which = "its work entry " + piece.sequence() + " (" + piece.action() + " of " + piece.entity() + " "
                + piece.entityId() + ")";
        AuditEntry entry;
        try {
            entry = new AuditEntry(piece.sequence(), piece.at(), piece.actor(), Role.valueOf(piece.role()), piece.action(),
                    piece.entity(), piece.entityId(), piece.before(), piece.after(), piece.previousHash(), null, null);
            new Fingerprint(piece.signer());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(which + " names an unknown role or signer", e);
        }
        if (piece.sequence() <= previous || piece.sequence() > manifest.headCount()) {
            throw new UserFacingException(which + " is out of the order of its author's audit chain");
        }
        if (!AuditLog.hash(entry).equals(piece.entryHash()) || !Signer.isWork(entry)) {
            throw new UserFacingException(which + " does not match its audit hash: it was altered");
        }
        byte[] key = signingKeys.get(piece.signer());
        if (key == null) {
            return; // Signed by a key neither the bundle nor this store knows: kept as unverified.
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(piece.signature());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(which + " carries a signature that is not Base64", e);
        }
        SignedWork.Work signed = Signer.workOf(entry, piece.signer());
        if (!SignedWork.holds(signed, key, signature)) {
            throw new UserFacingException(which + " carries a signature that does not match its content: it was altered or forged");
        }
    }

    /** The store's reviewers and contacts: the only keys whose work counts here. */
    private void knownKeys(Map<String, WorkSigner> signers, Map<String, byte[]> signingKeys) throws UserFacingException {
        for (ReviewerService.Listed reviewer : stores.reviewers().list()) {
            signers.put(reviewer.fingerprint().hex(), new WorkSigner(reviewer.fingerprint(), reviewer.reviewer().name(), true, true,
                    reviewer.reviewer().role()));
            signingKeys.put(reviewer.fingerprint().hex(), reviewer.identity().signingKey());
        }
        for (ContactService.Contact contact : stores.contacts().list()) {
            signers.put(contact.fingerprint().hex(), new WorkSigner(contact.fingerprint(), contact.identity().name(), true, false,
                    contact.acceptedRole()));
            signingKeys.put(contact.fingerprint().hex(), contact.identity().signingKey());
        }
    }

    private static List<FootageLine> footage(BundleTarReader.Opened opened) throws UserFacingException {
        List<FootageLine> lines = new ArrayList<>();
        for (String line : new String(opened.entry(BundleManifest.FOOTAGE_RECORDS), StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new UserFacingException("its footage records are not JSON", e);
            }
            JsonNode record = node.path("record");
            if (!record.isObject() || !record.path("sha256").asText().matches("[0-9a-f]{64}")
                    || !node.path("custody").isArray() || !node.path("original").isBoolean()) {
                throw new UserFacingException("a footage record in it is not one");
            }
            List<JsonNode> custody = new ArrayList<>();
            node.path("custody").forEach(custody::add);
            FootageLine footage = new FootageLine(record, custody, node.path("original").asBoolean());
            boolean carried = opened.manifest().entries().stream()
                    .anyMatch(entry -> entry.name().equals(BundleManifest.FOOTAGE_FOLDER + footage.sha256())
                            && entry.size() == record.path("sizeBytes").asLong());
            if (footage.original() != carried) {
                throw new UserFacingException("footage " + footage.sha256() + " is " + (carried ? "" : "not ")
                        + "in it, though its record says otherwise");
            }
            lines.add(footage);
        }
        return lines;
    }

    private static UserFacingException refused(Path file, String reason, Exception cause) {
        return new UserFacingException("The bundle " + file.getFileName() + " was refused: " + reason
                + ". Nothing of it was kept.", cause);
    }
}
