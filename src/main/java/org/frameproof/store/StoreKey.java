package org.frameproof.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random 256-bit key H2 encrypts the database file with. It lives only in memory, and in the
 * key file wrapped by a key derived from the reviewer's passphrase
 * (docs/decisions/0007-passphrase-and-store-keys.md).
 */
public final class StoreKey implements AutoCloseable {
    static final int BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    /** HKDF's extract salt: fixed, so the same store key always yields the same purpose keys. */
    private static final byte[] SALT = "frameproof-store-key-v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;

    StoreKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("A store key has " + BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * A 256-bit key for one purpose (the audit chain's MAC, the vault's cipher, its file names),
     * derived with HKDF-SHA256 (RFC 5869) so that no two uses share key material and none reveals
     * the database key. {@code purpose} is HKDF's "info": a fixed name per use, never user input.
     */
    public SecretKeySpec derive(String purpose, String algorithm) {
        try {
            Mac extract = Mac.getInstance(HMAC);
            extract.init(new SecretKeySpec(SALT, HMAC));
            byte[] pseudoRandomKey = extract.doFinal(bytes);
            Mac expand = Mac.getInstance(HMAC);
            expand.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            Arrays.fill(pseudoRandomKey, (byte) 0);
            expand.update(purpose.getBytes(StandardCharsets.UTF_8));
            expand.update((byte) 1);
            byte[] derived = expand.doFinal();
            try {
                return new SecretKeySpec(derived, algorithm);
            } finally {
                Arrays.fill(derived, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has " + HMAC, e);
        }
    }

    /** H2's password for a CIPHER=AES file: "filePassword userPassword"; both carry the whole key. */
    char[] h2Password() {
        String hex = HexFormat.of().formatHex(bytes);
        return (hex + " " + hex).toCharArray();
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
    }
}
