package org.frameproof.domain.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bulk provider gives the JDK's bytes: what one sealed, the other opens, and neither opens a changed byte. */
class BulkCryptoTest {
    private static final Provider JDK = Security.getProvider("SunJCE");

    @Test
    void conscryptIsInUseOnThisMachine() {
        // Linux x86_64 is a platform Conscrypt ships its library for: a fallback here would be a silent slowdown.
        assertTrue(BulkCrypto.nativeProvider(), "Conscrypt's native library did not load; the JDK's ciphers are in use");
        assertNotSame(JDK, BulkCrypto.provider());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/GCM/NoPadding", "ChaCha20-Poly1305"})
    void whatEitherProviderSealsTheOtherOpens(String transformation) throws Exception {
        byte[] plain = new byte[65_536 + 17];
        new Random(3).nextBytes(plain);
        byte[] aad = "header digest, index, last".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        byte[] byBulk = seal(BulkCrypto.cipher(transformation), transformation, plain, aad);
        byte[] byJdk = seal(Cipher.getInstance(transformation, JDK), transformation, plain, aad);
        assertArrayEquals(byJdk, byBulk, "the same key, nonce and data give the same sealed bytes");
        assertArrayEquals(plain, open(Cipher.getInstance(transformation, JDK), transformation, byBulk, aad));
        assertArrayEquals(plain, open(BulkCrypto.cipher(transformation), transformation, byJdk, aad));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/GCM/NoPadding", "ChaCha20-Poly1305"})
    void aChangedByteOrChangedAdditionalDataDoesNotOpen(String transformation) throws Exception {
        byte[] plain = new byte[4096];
        byte[] aad = {1, 2, 3};
        byte[] sealed = seal(BulkCrypto.cipher(transformation), transformation, plain, aad);
        byte[] flipped = sealed.clone();
        flipped[100] ^= 0x01;
        assertThrows(AEADBadTagException.class, () -> open(BulkCrypto.cipher(transformation), transformation, flipped, aad));
        assertThrows(AEADBadTagException.class,
                () -> open(BulkCrypto.cipher(transformation), transformation, sealed, new byte[] {1, 2, 4}));
    }

    private static byte[] seal(Cipher cipher, String transformation, byte[] plain, byte[] aad) throws Exception {
        init(cipher, Cipher.ENCRYPT_MODE, transformation);
        cipher.updateAAD(aad);
        return cipher.doFinal(plain);
    }

    private static byte[] open(Cipher cipher, String transformation, byte[] sealed, byte[] aad) throws Exception {
        init(cipher, Cipher.DECRYPT_MODE, transformation);
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed);
    }

    private static void init(Cipher cipher, int mode, String transformation) throws Exception {
        byte[] key = new byte[32];
        new Random(5).nextBytes(key);
        byte[] nonce = new byte[12];
        new Random(7).nextBytes(nonce);
        boolean aes = transformation.startsWith("AES");
        AlgorithmParameterSpec parameters = aes ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
        cipher.init(mode, new SecretKeySpec(key, aes ? "AES" : "ChaCha20"), parameters);
    }
}
