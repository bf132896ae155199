package org.frameproof.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key file in the data folder: the database key, wrapped with AES-256-GCM by a key derived
 * from the passphrase with PBKDF2-HMAC-SHA256 (from the JDK: no third-party crypto to trust or
 * update, and OWASP's 600,000 iterations cost about half a second here). The file holds the
 * format version, the derivation's name, iterations and salt, the nonce and the wrapped key; the
 * parameters are authenticated with the key, so none can be changed unnoticed. Changing the
 * passphrase re-wraps the same database key: the database itself is not re-encrypted.
 */
public final class KeyFile {
    public static final String FILE_NAME = "frameproof.key";
    static final int VERSION = 1;
    static final String KDF = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;
    public static final int MINIMUM_PASSPHRASE_LENGTH = 8;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataFolder;
    private final Clock clock;

    public KeyFile(Path dataFolder, Clock clock) {
        this.dataFolder = dataFolder;
        this.clock = clock;
    }

    public boolean exists() {
        return Files.exists(dataFolder.resolve(FILE_NAME));
    }

    /** Makes a new random database key and writes it wrapped by {@code passphrase}. */
    public StoreKey create(char[] passphrase) throws StoreException {
        if (exists()) {
            throw new StoreException("A key file already exists in " + dataFolder + "; it is never replaced by a new one.");
        }
        if (Files.exists(dataFolder.resolve(Database.FILE_NAME + ".mv.db"))) {
            throw new StoreException("The database in " + dataFolder + " has no key file beside it ("
                    + FILE_NAME + "). Restore the key file from a backup; a new key cannot open it.");
        }
        checkNewPassphrase(passphrase);
        byte[] key = new byte[StoreKey.BYTES];
        RANDOM.nextBytes(key);
        try {
            createFolder();
            AtomicFiles.write(dataFolder.resolve(FILE_NAME), wrap(key, passphrase));
            return new StoreKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Unwraps the database key. A wrong passphrase is counted, and after a few the next attempt
     * has to wait longer each time; nothing else is written.
     */
    public StoreKey unlock(char[] passphrase) throws StoreException {
        UnlockAttempts attempts = new UnlockAttempts(dataFolder);
        UnlockAttempts.State state = attempts.read();
        Instant now = clock.instant();
        Instant allowedAt = state.nextAttemptAllowedAt();
        if (now.isBefore(allowedAt)) {
            long seconds = Math.max(1, Duration.between(now, allowedAt).toSeconds() + 1);
            throw new WrongPassphraseException("After " + state.failures() + " wrong passphrases, wait "
                    + seconds + " s before trying again.", state.failures());
        }
        byte[] key;
        try {
            key = unwrap(read(), passphrase);
        } catch (AEADBadTagException e) {
            attempts.recordFailure(now);
            int failures = state.failures() + 1;
            throw new WrongPassphraseException("Wrong passphrase for " + dataFolder + "."
                    + (failures >= UnlockAttempts.FREE_ATTEMPTS ? " (" + failures + " wrong attempts; each next one waits longer.)" : ""),
                    failures);
        }
        try {
            attempts.reset();
            return new StoreKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** When the next passphrase may be tried: now or earlier unless recent wrong ones impose a wait. */
    public Instant nextAttemptAllowedAt() throws StoreException {
        return new UnlockAttempts(dataFolder).read().nextAttemptAllowedAt();
    }

    /** Re-wraps the database key with a new passphrase, replacing the key file in one atomic step. */
    public void changePassphrase(char[] current, char[] replacement) throws StoreException {
        checkNewPassphrase(replacement);
        try (StoreKey key = unlock(current)) {
            byte[] bytes = key.bytes();
            try {
                AtomicFiles.write(dataFolder.resolve(FILE_NAME), wrap(bytes, replacement));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private static void checkNewPassphrase(char[] passphrase) throws StoreException {
        if (passphrase.length < MINIMUM_PASSPHRASE_LENGTH) {
            throw new StoreException("Choose a passphrase of at least " + MINIMUM_PASSPHRASE_LENGTH + " characters.");
        }
    }

    private void createFolder() throws StoreException {
        try {
            PrivateFiles.createFolder(dataFolder);
        } catch (IOException e) {
            throw new StoreException("Could not create the data folder " + dataFolder + ": " + e.getMessage(), e);
        }
    }

    private JsonNode read() throws StoreException {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            if (node.path("version").asInt() != VERSION || !KDF.equals(node.path("kdf").asText())) {
                throw new StoreException("The key file " + file + " has a format this version of Frameproof does not know.");
            }
            return node;
        } catch (IOException e) {
            throw new StoreException("Could not read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] wrap(byte[] key, char[] passphrase) throws StoreException {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, deriveWrappingKey(passphrase, salt, ITERATIONS), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(VERSION, KDF, ITERATIONS, salt));
            byte[] wrapped = cipher.doFinal(key);
            ObjectNode node = JSON.createObjectNode();
            node.put("format", "frameproof-key");
            node.put("version", VERSION);
            node.put("kdf", KDF);
            node.put("iterations", ITERATIONS);
            node.put("salt", Base64.getEncoder().encodeToString(salt));
            node.put("nonce", Base64.getEncoder().encodeToString(nonce));
            node.put("wrappedKey", Base64.getEncoder().encodeToString(wrapped));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (GeneralSecurityException | IOException e) {
            throw new StoreException("Could not protect the database key: " + e.getMessage(), e);
        }
    }

    private static byte[] unwrap(JsonNode node, char[] passphrase) throws StoreException, AEADBadTagException {
        try {
            byte[] salt = Base64.getDecoder().decode(node.path("salt").asText());
            byte[] nonce = Base64.getDecoder().decode(node.path("nonce").asText());
            byte[] wrapped = Base64.getDecoder().decode(node.path("wrappedKey").asText());
            int iterations = node.path("iterations").asInt();
            if (iterations < ITERATIONS) {
                throw new StoreException("The key file asks for only " + iterations + " key derivation iterations; refusing it.");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, deriveWrappingKey(passphrase, salt, iterations), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(VERSION, KDF, iterations, salt));
            return cipher.doFinal(wrapped);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException("The key file is damaged: " + e.getMessage(), e);
        }
    }

    private static SecretKeySpec deriveWrappingKey(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] derived = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(derived, "AES");
            } finally {
                Arrays.fill(derived, (byte) 0);
            }
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] associatedData(int version, String kdf, int iterations, byte[] salt) {
        return ("frameproof-key|" + version + "|" + kdf + "|" + iterations + "|" + Base64.getEncoder().encodeToString(salt))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
