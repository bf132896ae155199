package org.frameproof.store;

import java.time.Instant;
import java.util.List;

/**
 * Wrong passphrases tried since the last report, for the next successful unlock to report and audit.
 *
 * @param count how many (times may hold fewer: only the most recent are kept, and a counter of an
 *     older version kept none)
 * @param counterReset whether the file that counts them was deleted, damaged or set back meanwhile
 */
public record FailedAttempts(int count, List<Instant> times, boolean counterReset) {
    public FailedAttempts {
        times = List.copyOf(times);
    }

    public boolean any() {
        return count > 0 || counterReset;
    }
}
