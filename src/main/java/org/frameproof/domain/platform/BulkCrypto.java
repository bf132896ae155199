package org.frameproof.domain.platform;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import org.conscrypt.Conscrypt;

/**
 * Where footage-sized data is encrypted and decrypted: the vault's AES-GCM chunks and a bundle's
 * ChaCha20-Poly1305 payload. Conscrypt (BoringSSL) does it from the first byte at the speed of the
 * processor's own instructions, where the JDK's ciphers reach theirs only once compiled; both give
 * the same bytes, so a store or bundle written with one opens with the other. Where Conscrypt's
 * native library cannot load, the JDK's provider is used (docs/decisions/0018-bulk-crypto.md).
 * The provider is passed to each cipher explicitly and never installed for the whole JVM.
 */
public final class BulkCrypto {
    private BulkCrypto() {
    }

    /** The provider in use: Conscrypt where it loads, else the JDK's SunJCE. */
    public static Provider provider() {
        return Chosen.PROVIDER;
    }

    /** Whether Conscrypt's native library loaded on this machine. */
    public static boolean nativeProvider() {
        return Chosen.PROVIDER != Security.getProvider("SunJCE");
    }

    /** A new cipher for {@code transformation} (for instance "AES/GCM/NoPadding") from {@link #provider()}. */
    public static Cipher cipher(String transformation) throws GeneralSecurityException {
        return Cipher.getInstance(transformation, provider());
    }

    private static final class Chosen {
        static final Provider PROVIDER = choose();

        private static Provider choose() {
            try {
                if (Conscrypt.isAvailable()) {
                    return Conscrypt.newProviderBuilder().provideTrustManager(false).build();
                }
            } catch (LinkageError e) {
                // A platform Conscrypt ships no native library for: the JDK's ciphers do the same work, slower.
            }
            return Security.getProvider("SunJCE");
        }
    }
}
