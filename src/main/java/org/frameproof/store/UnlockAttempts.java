package org.frameproof.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts unlock attempts in a small file beside the key file, so that the growing wait between
 * wrong guesses survives restarting the program, and the wrong ones are reported at the next
 * unlock. (Someone holding a copy of the files is slowed only by the key derivation; this stops
 * guessing at the keyboard.) The file's running total never goes down, and the key file's head
 * records it at each unlock: a counter file deleted or set back is noticed, keeps the wait, and
 * is reported.
 */
final class UnlockAttempts {
    private static final Logger LOG = LoggerFactory.getLogger(UnlockAttempts.class);

    static final String FILE_NAME = "unlock-attempts";
    /** Wrong passphrases allowed before the first wait. */
    static final int FREE_ATTEMPTS = 3;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    /** A counter that was deleted, damaged or set back counts as this many failures. */
    private static final int FAILURES_OF_A_RESET = FREE_ATTEMPTS + 2;
    private static final int TIMES_KEPT = 100;
    private static final String FORMAT = "frameproof-unlock-attempts 2";

    private final Path file;

    UnlockAttempts(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    /**
     * @param total attempts ever made (never goes down)
     * @param failures wrong ones since the last unlock: they set the wait
     * @param unreported wrong ones not yet reported at an unlock, with their most recent times
     * @param reset whether the counter was found deleted, damaged or set back since the last report
     */
    record State(long total, int failures, Instant lastFailure, int unreported, List<Instant> times, boolean reset) {
        State {
            times = List.copyOf(times);
        }

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

        State withFailure(Instant at) {
            List<Instant> kept = new ArrayList<>(times);
            kept.add(at);
            return new State(total + 1, failures + 1, at, unreported + 1,
                    kept.subList(Math.max(0, kept.size() - TIMES_KEPT), kept.size()), reset);
        }

        /** The passphrase was right: the attempt counts, the wait ends; the wrong ones wait to be reported. */
        State afterSuccess() {
            return new State(total + 1, 0, Instant.EPOCH, unreported, times, reset);
        }

        State acknowledged() {
            return new State(total, 0, lastFailure, 0, List.of(), false);
        }

        FailedAttempts report() {
            return new FailedAttempts(unreported, times, reset);
        }

        State continuedFrom(long recorded) {
            return new State(Math.max(total, recorded), failures, lastFailure, unreported, times, reset);
        }

        /** A counter found deleted, damaged or set back below {@code recorded}: it waits as after many failures. */
        State resetAt(Instant now, long recorded) {
            return new State(Math.max(total, recorded), Math.max(failures, FAILURES_OF_A_RESET), now, unreported, times, true);
        }
    }

    /**
     * The counter as the next attempt finds it. When the key file recorded a total (it does since
     * version 2) and the counter is missing or below it, the counter was deleted or set back: that
     * is saved at once (so the wait it imposes holds) and reported at the next unlock.
     *
     * @param recorded the total the key file's head recorded, or null when it records none
     */
    State current(Long recorded, Instant now) throws StoreException {
        State state = read();
        boolean missing = !Files.exists(file);
        if (recorded != null && !state.reset() && (missing || state.total() < recorded)) {
            state = state.resetAt(now, recorded);
            write(state);
        }
        return state;
    }

    State read() {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return new State(0, 0, Instant.EPOCH, 0, List.of(), false);
        } catch (IOException | RuntimeException e) {
            // A damaged counter must not lock the reviewer out for good, nor reset the wait: count it as many failures.
            LOG.warn("The count of wrong passphrases is damaged; it is taken as many failures", e);
            return new State(0, 0, Instant.EPOCH, 0, List.of(), false).resetAt(Instant.EPOCH, 0);
        }
    }

    /** A new store's counter, so that its absence later means it was deleted. */
    void start() throws StoreException {
        write(new State(0, 0, Instant.EPOCH, 0, List.of(), false));
    }

    void write(State state) throws StoreException {
        String text = FORMAT + "\ntotal " + state.total() + "\nfailures " + state.failures() + "\nlast " + state.lastFailure()
                + "\nunreported " + state.unreported() + "\nreset " + state.reset()
                + "\ntimes" + state.times().stream().map(time -> " " + time).reduce("", String::concat) + "\n";
        AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static State parse(String text) {
        String[] lines = text.strip().split("\n");
        if (!lines[0].equals(FORMAT)) {
            // The first version's "<failures> <last failure>": no total, no times.
            String[] parts = lines[0].split(" ");
            int failures = Integer.parseInt(parts[0]);
            return new State(failures, failures, Instant.parse(parts[1]), failures, List.of(), false);
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            int space = line.indexOf(' ');
            fields.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
        }
        List<Instant> times = fields.get("times").isBlank() ? List.of()
                : Arrays.stream(fields.get("times").split(" ")).map(Instant::parse).toList();
        return new State(Long.parseLong(fields.get("total")), Integer.parseInt(fields.get("failures")),
                Instant.parse(fields.get("last")), Integer.parseInt(fields.get("unreported")), times,
                Boolean.parseBoolean(fields.get("reset")));
    }
}
