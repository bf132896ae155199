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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file in the data folder: the database key, wrapped with AES-256-GCM by a key derived
 * from a passphrase with PBKDF2-HMAC-SHA256 (why: docs/decisions/0007-passphrase-and-store-keys.md).
 * The file holds the format version, the derivation's name, iterations and salt, and the wrapped
 * key; the parameters are authenticated with the key, so none can be changed unnoticed. Changing
 * a passphrase re-wraps the same database key: the database itself is not re-encrypted.
 *
 * <p>Since version 2 it also keeps the audit chain's head (entry count and last seal) and the
 * running total of unlock attempts, under an HMAC with a key derived from the store key: a copy
 * of the chain's end outside the database, so a database whose chain was shortened or rewritten
 * is noticed at the next open. A version 1 file (no head) still opens and gets one.
 *
 * <p>Since version 3 the key is wrapped once per reviewer, in {@link KeySlots}, each slot under
 * that reviewer's passphrase and with that reviewer's own keys beside it
 * (docs/decisions/0010-reviewer-identities-and-key-slots.md). A file from before (one wrapped key,
 * no slots) still unlocks, and {@link #convertToSlots} turns it into one with a slot for its owner.
 */
public final class KeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

    public static final String FILE_NAME = "frameproof.key";
    static final int VERSION = 3;
    /** The oldest format still read: versions 1 and 2 hold one wrapped key, opened by {@link PassphraseKeys}. */
    private static final int OLDEST_VERSION = 1;
    private static final String HEAD_PURPOSE = "key-file-head";
    private static final String HMAC = "HmacSHA256";
    static final String KDF = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;
    public static final int MINIMUM_PASSPHRASE_LENGTH = 8;
    private static final int SALT_BYTES = 16;
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

    /**
     * An unlocked key file: the store key, and the keys of the reviewer whose slot the passphrase
     * opened (empty for a file from before slots, whose one passphrase belongs to the store's owner).
     */
    public record Unlocked(StoreKey key, Optional<ReviewerKeys> reviewer, String slotId) implements AutoCloseable {
        @Override
        public void close() {
            key.close();
        }
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

    /**
     * Makes a new random database key and the keys of the store's first reviewer, {@code reviewerName},
     * and writes both in that reviewer's slot, wrapped by {@code passphrase}.
     */
    public Unlocked create(String reviewerName, char[] passphrase) throws StoreException {
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
            ReviewerKeys reviewer = ReviewerKeys.generate(reviewerName);
            ObjectNode node = parameters();
            KeySlots.add(node, storeKey, reviewer, passphrase);
            putHead(node, headKey(storeKey), new Head(0, "", 0));
            write(node);
            new UnlockAttempts(dataFolder).start();
            return new Unlocked(storeKey, Optional.of(reviewer), node.path(KeySlots.FIELD).get(0).path("id").asText());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Unwraps the database key with whichever reviewer's passphrase this is. */
    public StoreKey unlock(char[] passphrase) throws StoreException {
        return unlock(null, passphrase).key();
    }

    /**
     * Unwraps the database key and the keys of the reviewer whose passphrase this is; when
     * {@code reviewerName} is given, the passphrase must be that reviewer's. A wrong passphrase is
     * counted, and after a few the next attempt has to wait longer each time; nothing else is written.
     */
    public Unlocked unlock(String reviewerName, char[] passphrase) throws StoreException {
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
        KeySlots.Opened opened;
        try {
            opened = KeySlots.inUse(node) ? KeySlots.open(node, passphrase, reviewerName) : new KeySlots.Opened(PassphraseKeys.unwrapSingle(node, passphrase), null, "");
        } catch (AEADBadTagException e) {
            int failures = state.failures() + 1;
            LOG.info("A wrong passphrase was given ({} in a row)", failures);
            throw new WrongPassphraseException("Wrong passphrase for " + (reviewerName == null ? "" : reviewerName + " in ") + dataFolder + "."
                    + (failures >= UnlockAttempts.FREE_ATTEMPTS ? " (" + failures + " wrong attempts; each next one waits longer.)" : ""),
                    failures);
        }
        StoreKey key = new StoreKey(opened.storeKey());
        Arrays.fill(opened.storeKey(), (byte) 0);
        if (KeySlots.inUse(node) && !KeySlots.sealed(node, key)) {
            key.close();
            throw new StoreException("The key file " + dataFolder.resolve(FILE_NAME) + " was tampered with: its list of"
                    + " reviewers' slots does not match its MAC.");
        }
        attempts.write(state.afterSuccess());
        return new Unlocked(key, Optional.ofNullable(opened.reviewer()), opened.slotId());
    }

    /**
     * Turns a key file from before slots into one with a single slot for the store's owner,
     * {@code ownerName}, with new keys of theirs. The new file is read back and unlocked from its
     * bytes before it replaces the old one in one atomic step, so a crash leaves either file, and
     * either opens with the same passphrase. The head stays.
     */
    public ReviewerKeys convertToSlots(StoreKey key, String ownerName, char[] passphrase) throws StoreException {
        synchronized (REWRITES) {
            JsonNode old = read();
            if (KeySlots.inUse(old)) {
                throw new StoreException("The key file " + dataFolder.resolve(FILE_NAME) + " has slots already.");
            }
            ReviewerKeys owner = ReviewerKeys.generate(ownerName);
            ObjectNode node = parameters();
            KeySlots.add(node, key, owner, passphrase);
            if (old.has("head")) {
                node.set("head", old.get("head"));
            }
            byte[] bytes = serialise(node);
            try {
                KeySlots.Opened check = KeySlots.open(JSON.readTree(bytes), passphrase, ownerName);
                boolean same = Arrays.equals(check.storeKey(), key.bytes());
                Arrays.fill(check.storeKey(), (byte) 0);
                if (!same) {
                    throw new StoreException("The converted key file did not give back the store key; the old one was kept.");
                }
            } catch (IOException | AEADBadTagException e) {
                throw new StoreException("The converted key file did not unlock; the old one was kept.", e);
            }
            write(bytes);
            return owner;
        }
    }

    /**
     * Adds a slot for a new reviewer, {@code reviewerName}, with new keys of theirs, wrapping the
     * store key (which an unlocked reviewer holds) under {@code passphrase}.
     */
    public ReviewerKeys addSlot(StoreKey key, String reviewerName, char[] passphrase) throws StoreException {
        checkNewPassphrase(passphrase);
        synchronized (REWRITES) {
            ObjectNode node = (ObjectNode) read();
            if (!KeySlots.inUse(node)) {
                throw new StoreException("Unlock the store once before adding a reviewer: its key file is converted then.");
            }
            ReviewerKeys reviewer = ReviewerKeys.generate(reviewerName);
            KeySlots.add(node, key, reviewer, passphrase);
            write(node);
            return reviewer;
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

    /**
     * Re-wraps the database key (and, in a slot, the reviewer's keys) with a new passphrase,
     * replacing the key file in one atomic step; the head and the other reviewers' slots stay.
     * When {@code reviewerName} is given, {@code current} must be that reviewer's passphrase.
     */
    public void changePassphrase(String reviewerName, char[] current, char[] replacement) throws StoreException {
        checkNewPassphrase(replacement);
        try (Unlocked unlocked = unlock(reviewerName, current)) {
            if (unlocked.reviewer().isEmpty()) {
                throw new StoreException("Open the store once with this version of Frameproof before changing its passphrase:"
                        + " its key file is given a slot for its reviewer then.");
            }
            synchronized (REWRITES) {
                ObjectNode node = (ObjectNode) read();
                KeySlots.remove(node, unlocked.key(), unlocked.slotId());
                KeySlots.add(node, unlocked.key(), unlocked.reviewer().get(), replacement);
                write(node);
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
        write(serialise(node));
    }

    private void write(byte[] bytes) throws StoreException {
        AtomicFiles.write(dataFolder.resolve(FILE_NAME), bytes);
    }

    private static byte[] serialise(JsonNode node) throws StoreException {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new StoreException("Could not write the key file: " + e.getMessage(), e);
        }
    }

    /** A file's derivation parameters, shared by its slots: a new random salt. */
    private static ObjectNode parameters() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        ObjectNode node = JSON.createObjectNode();
        node.put("format", "frameproof-key");
        node.put("version", VERSION);
        node.put("kdf", KDF);
        node.put("iterations", ITERATIONS);
        node.put("salt", Base64.getEncoder().encodeToString(salt));
        return node;
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
            if (version < OLDEST_VERSION || version > VERSION || !KDF.equals(node.path("kdf").asText()) || !node.isObject()) {
                throw new StoreException("The key file " + file + " has a format this version of Frameproof does not know.");
            }
            return node;
        } catch (IOException e) {
            throw new StoreException("Could not read the key file " + file + ": " + e.getMessage(), e);
        }
    }
}
