package org.frameproof.store;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The random 256-bit key H2 encrypts the database file with. It lives only in memory, and in the
 * key file wrapped by a key derived from the reviewer's passphrase.
 */
public final class StoreKey implements AutoCloseable {
    static final int BYTES = 32;

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
