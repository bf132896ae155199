package org.frameproof.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a passphrase gives with a key file's derivation: PBKDF2-HMAC-SHA256 with the file's
 * salt and iterations, never fewer than {@link KeyFile#ITERATIONS}
 * (docs/decisions/0007-passphrase-and-store-keys.md). Also opens the one wrapped key of a file
 * from before key slots (versions 1 and 2), which is only ever read: such a file is converted at
 * its first unlock (docs/decisions/0010-reviewer-identities-and-key-slots.md).
 */
final class PassphraseKeys {
    /** The version the single wrapped key's associated data names. */
    private static final int SINGLE_WRAP_VERSION = 1;
    private static final int TAG_BITS = 128;

    private PassphraseKeys() {
    }

    /** The 256-bit key {@code passphrase} gives with {@code file}'s salt and iterations. */
    static SecretKeySpec derive(JsonNode file, char[] passphrase) throws StoreException {
        int iterations = file.path("iterations").asInt();
        if (iterations < KeyFile.ITERATIONS) {
            throw new StoreException("The key file asks for only " + iterations + " key derivation iterations; refusing it.");
        }
        PBEKeySpec spec = null;
        try {
            spec = new PBEKeySpec(passphrase, Base64.getDecoder().decode(file.path("salt").asText()), iterations, 256);
            byte[] derived = SecretKeyFactory.getInstance(KeyFile.KDF).generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(derived, "AES");
            } finally {
                Arrays.fill(derived, (byte) 0);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException("The key file is damaged: " + e.getMessage(), e);
        } finally {
            if (spec != null) {
                spec.clearPassword();
            }
        }
    }

    /**
     * The store key of a file from before key slots.
     *
     * @throws AEADBadTagException when the passphrase is not the file's
     */
    static byte[] unwrapSingle(JsonNode file, char[] passphrase) throws StoreException, AEADBadTagException {
        SecretKeySpec key = derive(file, passphrase);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(file.path("nonce").asText())));
            cipher.updateAAD(("frameproof-key|" + SINGLE_WRAP_VERSION + "|" + KeyFile.KDF + "|" + file.path("iterations").asInt()
                    + "|" + file.path("salt").asText()).getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(Base64.getDecoder().decode(file.path("wrappedKey").asText()));
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException("The key file is damaged: " + e.getMessage(), e);
        }
    }
}
