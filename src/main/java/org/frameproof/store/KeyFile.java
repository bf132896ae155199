package org.frameproof.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file in the data folder: the database key, wrapped with AES-256-GCM by a key derived
 * from the passphrase with PBKDF2-HMAC-SHA256 (why: docs/decisions/0007-passphrase-and-store-keys.md).
 * The file holds the
 * format version, the derivation's name, iterations and salt, the nonce and the wrapped key; the
 * parameters are authenticated with the key, so none can be changed unnoticed. Changing the
 * passphrase re-wraps the same database key: the database itself is not re-encrypted.
 *
 * <p>Since version 2 it also keeps the audit chain's head (entry count and last seal) and the
 * running total of unlock attempts, under an HMAC with a key derived from the store key: a copy
 * of the chain's end outside the database, so a database whose chain was shortened or rewritten
 * is noticed at the next open. A version 1 file (no head) still opens and gets one.
 */
public final class KeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

    public static final String FILE_NAME = "frameproof.key";
    static final int VERSION = 2;
    /** The version the wrapped key's associated data names: the wrapping has not changed since version 1. */
    private static final int WRAP_VERSION = 1;
    private static final String HEAD_PURPOSE = "key-file-head";
    private static final String HMAC = "HmacSHA256";
    static final String KDF = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;
    public static final int MINIMUM_PASSPHRASE_LENGTH = 8;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Rewrites read the file and replace it: two at once (the anchor's thread, a passphrase change) would lose one. */
    private static final Object REWRITES = new Object();

    private final Path dataFolder;
    private final Clock clock;

    public KeyFile(Path dataFolder, Clock clock) {
        this.dataFolder = dataFolder;
        this.clock = clock;
    }

    /** What the key file keeps of the audit chain: its entry count, its last entry's seal, and the unlock attempts so far. */
    public record Head(long entries, String seal, long attempts) {
    }

    /** The key that authenticates the head (derived: the passphrase is not at hand after unlock). */
    public static SecretKeySpec headKey(StoreKey key) {
        return key.derive(HEAD_PURPOSE, HMAC);
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
            StoreKey storeKey = new StoreKey(key);
            ObjectNode node = wrap(key, passphrase);
            putHead(node, headKey(storeKey), new Head(0, "", 0));
            write(node);
            new UnlockAttempts(dataFolder).start();
            return storeKey;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Unwraps the database key. A wrong passphrase is counted, and after a few the next attempt
     * has to wait longer each time; nothing else is written.
     */
    public StoreKey unlock(char[] passphrase) throws StoreException {
        JsonNode node = read();
        UnlockAttempts attempts = new UnlockAttempts(dataFolder);
        Instant now = clock.instant();
        UnlockAttempts.State state = attempts.current(recordedAttempts(node), now);
        Instant allowedAt = state.nextAttemptAllowedAt();
        if (now.isBefore(allowedAt)) {
            long seconds = Math.max(1, Duration.between(now, allowedAt).toSeconds() + 1);
            LOG.info("An unlock was refused unheard: {} s are still to wait after {} wrong passphrases", seconds, state.failures());
            throw new WrongPassphraseException("After " + state.failures() + " wrong passphrases, wait "
                    + seconds + " s before trying again.", state.failures());
        }
        // Counted as a failure before it is tried, so that killing the program during the slow
        // derivation does not make a wrong guess free.
        attempts.write(state.withFailure(now));
        byte[] key;
        try {
            key = unwrap(node, passphrase);
        } catch (AEADBadTagException e) {
            int failures = state.failures() + 1;
            LOG.info("A wrong passphrase was given ({} in a row)", failures);
            throw new WrongPassphraseException("Wrong passphrase for " + dataFolder + "."
                    + (failures >= UnlockAttempts.FREE_ATTEMPTS ? " (" + failures + " wrong attempts; each next one waits longer.)" : ""),
                    failures);
        }
        try {
            attempts.write(state.afterSuccess());
            return new StoreKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** When the next passphrase may be tried: now or earlier unless recent wrong ones impose a wait. */
    public Instant nextAttemptAllowedAt() throws StoreException {
        return new UnlockAttempts(dataFolder).current(recordedAttempts(read()), clock.instant()).nextAttemptAllowedAt();
    }

    /**
     * The wrong passphrases tried since they were last reported, and whether their count was
     * deleted or set back meanwhile.
     */
    public FailedAttempts unreportedAttempts() throws StoreException {
        return new UnlockAttempts(dataFolder).read().report();
    }

    /** Once the attempts {@link #unreportedAttempts} gave are recorded: they are not reported again. */
    public void acknowledgeAttempts() throws StoreException {
        UnlockAttempts attempts = new UnlockAttempts(dataFolder);
        attempts.write(attempts.read().acknowledged());
    }

    /**
     * For a folder just restored from a backup, which holds the key file but no count of attempts:
     * the count starts where the key file's head left it, so that its absence is not taken for a
     * deleted count.
     */
    public void continueAttemptsCount() throws StoreException {
        Long recorded = recordedAttempts(read());
        UnlockAttempts attempts = new UnlockAttempts(dataFolder);
        if (recorded != null && !Files.exists(dataFolder.resolve(UnlockAttempts.FILE_NAME))) {
            attempts.write(attempts.read().continuedFrom(recorded));
        }
    }

    /** The running total of unlock attempts on this folder, which the head keeps so that a reset counter shows. */
    public long attemptsTotal() throws StoreException {
        return new UnlockAttempts(dataFolder).read().total();
    }

    /**
     * The chain head this file keeps, checked against its MAC; empty for a file written before
     * heads were kept.
     *
     * @throws StoreException when the head does not match its MAC: the key file was edited
     */
    public Optional<Head> head(SecretKeySpec headKey) throws StoreException {
        JsonNode head = read().path("head");
        if (head.isMissingNode()) {
            return Optional.empty();
        }
        Head kept = new Head(head.path("entries").asLong(), head.path("seal").asText(), head.path("attempts").asLong());
        byte[] expected = headMac(headKey, kept);
        byte[] found;
        try {
            found = HexFormat.of().parseHex(head.path("mac").asText());
        } catch (IllegalArgumentException e) {
            LOG.debug("The key file's MAC of the audit chain head is not hex; it matches nothing", e);
            found = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, found)) {
            throw new StoreException("The key file " + dataFolder.resolve(FILE_NAME) + " was tampered with: its record of the"
                    + " audit chain head (" + kept.entries() + " entries) does not match its MAC.");
        }
        return Optional.of(kept);
    }

    /** Replaces the head this file keeps, in one atomic step; the wrapped key is left as it is. */
    public void writeHead(SecretKeySpec headKey, Head head) throws StoreException {
        synchronized (REWRITES) {
            ObjectNode node = (ObjectNode) read();
            putHead(node, headKey, head);
            write(node);
        }
    }

    /** Re-wraps the database key with a new passphrase, replacing the key file in one atomic step; the head stays. */
    public void changePassphrase(char[] current, char[] replacement) throws StoreException {
        checkNewPassphrase(replacement);
        try (StoreKey key = unlock(current)) {
            byte[] bytes = key.bytes();
            try {
                ObjectNode node = wrap(bytes, replacement);
                synchronized (REWRITES) {
                    JsonNode head = read().path("head");
                    if (!head.isMissingNode()) {
                        node.set("head", head);
                    }
                    write(node);
                }
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** The attempts total the head records (unchecked: the key is not known yet), or null before heads were kept. */
    private static Long recordedAttempts(JsonNode node) {
        JsonNode attempts = node.path("head").path("attempts");
        return attempts.isMissingNode() ? null : attempts.asLong();
    }

    private static void putHead(ObjectNode node, SecretKeySpec headKey, Head head) {
        node.put("version", VERSION);
        ObjectNode json = node.putObject("head");
        json.put("entries", head.entries());
        json.put("seal", head.seal());
        json.put("attempts", head.attempts());
        json.put("mac", HexFormat.of().formatHex(headMac(headKey, head)));
    }

    private static byte[] headMac(SecretKeySpec headKey, Head head) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(headKey);
            return mac.doFinal(("frameproof-key-head|" + head.entries() + "|" + head.seal() + "|" + head.attempts())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has " + HMAC, e);
        }
    }

    private void write(JsonNode node) throws StoreException {
        try {
            AtomicFiles.write(dataFolder.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new StoreException("Could not write the key file: " + e.getMessage(), e);
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
            int version = node.path("version").asInt();
            if (version < WRAP_VERSION || version > VERSION || !KDF.equals(node.path("kdf").asText()) || !node.isObject()) {
                throw new StoreException("The key file " + file + " has a format this version of Frameproof does not know.");
            }
            return node;
        } catch (IOException e) {
            throw new StoreException("Could not read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode wrap(byte[] key, char[] passphrase) throws StoreException {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, deriveWrappingKey(passphrase, salt, ITERATIONS), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(WRAP_VERSION, KDF, ITERATIONS, salt));
            byte[] wrapped = cipher.doFinal(key);
            ObjectNode node = JSON.createObjectNode();
            node.put("format", "frameproof-key");
            node.put("version", VERSION);
            node.put("kdf", KDF);
            node.put("iterations", ITERATIONS);
            node.put("salt", Base64.getEncoder().encodeToString(salt));
            node.put("nonce", Base64.getEncoder().encodeToString(nonce));
            node.put("wrappedKey", Base64.getEncoder().encodeToString(wrapped));
            return node;
        } catch (GeneralSecurityException e) {
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
            cipher.updateAAD(associatedData(WRAP_VERSION, KDF, iterations, salt));
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
