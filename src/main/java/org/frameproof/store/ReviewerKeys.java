package org.frameproof.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * One reviewer's own keys: an Ed25519 key pair that signs their work and an X25519 key pair that
 * bundles are encrypted to. They are made with the JDK's providers when the reviewer is created
 * and kept only in that reviewer's key slot, wrapped under their passphrase
 * (docs/decisions/0010-reviewer-identities-and-key-slots.md); the public halves also go into the
 * reviewer's public identity. The open store keeps the unlocking reviewer's keys to sign their work
 * until it closes them: the signing key's private half is then zeroed and signs no more.
 */
public final class ReviewerKeys implements AutoCloseable {
    static final String SIGNING = "Ed25519";
    static final String ENCRYPTION = "X25519";
    /** An X.509 encoding of either public key: a fixed 12-byte prefix, then the 32-byte raw key. */
    private static final int ENCODED_PUBLIC_KEY_BYTES = 44;
    private static final int RAW_KEY_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final PublicKey signingPublic;
    /** PKCS#8, kept as bytes so that closing can zero it (the JDK's EdDSA key objects cannot be destroyed). */
    private final byte[] signingPrivate;
    private final KeyPair encryption;
    private boolean closed;

    private ReviewerKeys(String name, KeyPair signing, KeyPair encryption) {
        this.name = name;
        this.signingPublic = signing.getPublic();
        this.signingPrivate = signing.getPrivate().getEncoded();
        this.encryption = encryption;
    }

    /** New random key pairs for the reviewer {@code name}. */
    static ReviewerKeys generate(String name) {
        try {
            return new ReviewerKeys(name, KeyPairGenerator.getInstance(SIGNING).generateKeyPair(),
                    KeyPairGenerator.getInstance(ENCRYPTION).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java since 15 has " + SIGNING + " and " + ENCRYPTION, e);
        }
    }

    /** The reviewer these keys belong to, as named when the slot was made. */
    public String name() {
        return name;
    }

    /** The raw 32-byte Ed25519 public key (RFC 8032). */
    public byte[] signingPublicKey() {
        return raw(signingPublic);
    }

    /** The raw 32-byte X25519 public key (RFC 7748). */
    public byte[] encryptionPublicKey() {
        return raw(encryption.getPublic());
    }

    /**
     * The raw 32-byte X25519 private key (RFC 7748), which opens bundles encrypted to this reviewer;
     * refused once the keys are closed. The caller zeroes its copy when done.
     */
    public synchronized byte[] encryptionPrivateKey() {
        if (closed) {
            throw new IllegalStateException("The reviewer's keys were closed with the store");
        }
        return ((XECPrivateKey) encryption.getPrivate()).getScalar()
                .orElseThrow(() -> new IllegalStateException("An X25519 key made by this JDK has no scalar"));
    }

    /** An Ed25519 signature of {@code message} (64 bytes); refused once the keys are closed. */
    public synchronized byte[] sign(byte[] message) {
        if (closed) {
            throw new IllegalStateException("The reviewer's keys were closed with the store");
        }
        try {
            Signature signature = Signature.getInstance(SIGNING);
            signature.initSign(KeyFactory.getInstance(SIGNING).generatePrivate(new PKCS8EncodedKeySpec(signingPrivate)));
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An Ed25519 key made by this JDK could not sign", e);
        }
    }

    /** The slot's plaintext: the name and both key pairs (private halves PKCS#8, public halves X.509). */
    byte[] encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("signingPrivate", Base64.getEncoder().encodeToString(signingPrivate));
        node.put("signingPublic", Base64.getEncoder().encodeToString(signingPublic.getEncoded()));
        node.put("encryptionPrivate", Base64.getEncoder().encodeToString(encryption.getPrivate().getEncoded()));
        node.put("encryptionPublic", Base64.getEncoder().encodeToString(encryption.getPublic().getEncoded()));
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON object of strings always serialises", e);
        }
    }

    /** Reads what {@link #encode()} wrote (after the slot authenticated it). */
    static ReviewerKeys decode(byte[] encoded) throws StoreException {
        try {
            JsonNode node = JSON.readTree(encoded);
            return new ReviewerKeys(node.path("name").asText(),
                    pair(SIGNING, node.path("signingPublic").asText(), node.path("signingPrivate").asText()),
                    pair(ENCRYPTION, node.path("encryptionPublic").asText(), node.path("encryptionPrivate").asText()));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException("The key file's slot holds keys this version of Frameproof cannot read.", e);
        }
    }

    /** Zeroes the signing key's private half: nothing signs with these keys after this. */
    @Override
    public synchronized void close() {
        closed = true;
        Arrays.fill(signingPrivate, (byte) 0);
    }

    private static KeyPair pair(String algorithm, String publicKey, String privateKey) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(algorithm);
        PublicKey open = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        PrivateKey secret = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        return new KeyPair(open, secret);
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != ENCODED_PUBLIC_KEY_BYTES) {
            throw new IllegalStateException("An unexpected encoding of a " + key.getAlgorithm() + " public key");
        }
        return Arrays.copyOfRange(encoded, encoded.length - RAW_KEY_BYTES, encoded.length);
    }
}
