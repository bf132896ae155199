package org.frameproof.exchange;

import java.time.Instant;

/**
 * The last check of a vault copy against its recorded SHA-256.
 *
 * @param intact whether the file's hash matched when it was checked
 * @param checkedAt when it was checked, or null if it never was
 * @param detail what the check found, in words ("SHA-256 matches the hash recorded at import")
 */
public record Verification(boolean intact, Instant checkedAt, String detail) {
    /** How the check reads in a report. */
    public String describe() {
        if (checkedAt == null) {
            return "not yet verified";
        }
        return (intact ? "VERIFIED" : "FAILED") + " at " + checkedAt + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }
}
