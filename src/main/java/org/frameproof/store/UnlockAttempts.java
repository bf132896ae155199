package org.frameproof.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts wrong passphrases in a small file beside the key file, so that the growing wait between
 * guesses survives restarting the program. (Someone holding a copy of the files is slowed only by
 * the key derivation; this stops guessing at the keyboard.)
 */
final class UnlockAttempts {
    static final String FILE_NAME = "unlock-attempts";
    /** Wrong passphrases allowed before the first wait. */
    static final int FREE_ATTEMPTS = 3;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final Path file;

    UnlockAttempts(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    record State(int failures, Instant lastFailure) {
        /** How long after the last failure the next attempt is allowed: 0, then 1 s, 2 s, 4 s ... 5 min. */
        Duration waitAfterLastFailure() {
            if (failures < FREE_ATTEMPTS) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
            Duration wait = Duration.ofSeconds(1L << doublings);
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        }

        Instant nextAttemptAllowedAt() {
            return lastFailure.plus(waitAfterLastFailure());
        }
    }

    State read() throws StoreException {
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return new State(Integer.parseInt(parts[0]), Instant.parse(parts[1]));
        } catch (NoSuchFileException e) {
            return new State(0, Instant.EPOCH);
        } catch (IOException | RuntimeException e) {
            // A damaged counter must not lock the reviewer out for good, nor reset the wait: count it as many failures.
            return new State(FREE_ATTEMPTS + 2, Instant.EPOCH);
        }
    }

    void recordFailure(Instant now) throws StoreException {
        State state = read();
        AtomicFiles.write(file, ((state.failures() + 1) + " " + now).getBytes(StandardCharsets.US_ASCII));
    }

    void reset() throws StoreException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("Could not reset the count of wrong passphrases in " + file + ": " + e.getMessage(), e);
        }
    }
}
