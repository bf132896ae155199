package org.frameproof.exchange;

/**
 * Checking an Ed25519 signature (RFC 8032) by a raw 32-byte public key, as identities and signed work carry it.
 * Bouncy Castle's implementation checks it: a bundle carries a signature for every piece of work, and
 * the JDK 17 provider's checks were most of a large merge's time (docs/decisions/0016-fast-signature-checks.md).
 */
public final class Ed25519 {
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private Ed25519() {
    }

    /** Whether {@code signature} is {@code rawPublicKey}'s signature of {@code message}. */
    public static boolean holds(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        // A key that is no point on the curve, or a signature out of range, verifies nothing.
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, rawPublicKey, 0, message, 0, message.length);
    }
}
