package org.frameproof.domain;

import java.time.Instant;
import java.util.Arrays;

/**
 * What a reviewer shows of themselves to others: name, the role they state, their Ed25519 public
 * key (which verifies their signatures) and X25519 public key (which bundles are encrypted to),
 * when it was made, and their Ed25519 signature over all of that in its canonical encoding
 * ({@code exchange/IdentityFile}). The role is only a claim: a store decides for itself which
 * role it accepts a contact in.
 */
public record PublicIdentity(String name, Role role, byte[] signingKey, byte[] encryptionKey, Instant createdAt,
                             byte[] signature) {
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    public PublicIdentity {
        signingKey = signingKey.clone();
        encryptionKey = encryptionKey.clone();
        signature = signature.clone();
    }

    /** Whether {@code other} has either of this identity's keys: then it is this person's, or a forgery of it. */
    public boolean sharesAKeyWith(PublicIdentity other) {
        return Arrays.equals(signingKey, other.signingKey) || Arrays.equals(encryptionKey, other.encryptionKey)
                || Arrays.equals(signingKey, other.encryptionKey) || Arrays.equals(encryptionKey, other.signingKey);
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
