package org.frameproof.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * A reviewer's confirmation or rejection of a finding: a medical expert's of an injury, a second
 * researcher's of any other finding. Also the form of a review a file only claims
 * ({@link Annotation.Imported#claimedReview()}), which carries no fingerprint.
 *
 * @param reviewerFingerprint the hex SHA-256 fingerprint of the reviewer's identity, or null
 *     for a review made before identities and for a claim
 */
public record Review(Verdict verdict, String reviewer, String reviewerFingerprint, Instant reviewedAt, String comment) {
    public enum Verdict {
        CONFIRMED, REJECTED;

        /** "confirmed" or "rejected". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A review as a file claims it: no fingerprint. */
    public static Review claimed(Verdict verdict, String reviewer, Instant reviewedAt, String comment) {
        return new Review(verdict, reviewer, null, reviewedAt, comment);
    }
}
