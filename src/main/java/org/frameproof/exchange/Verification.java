package org.frameproof.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The re-hash of a vault copy made when the export was written, against the SHA-256 recorded at
 * import. An export never prints an older check: what it claims about the file is what was true
 * when it was made.
 *
 * @param intact whether the file's hash matched when it was checked
 * @param checkedAt when it was checked (UTC), or null if it never was
 * @param detail what the check found, in words ("the vault copy reads as …")
 */
public record Verification(boolean intact, Instant checkedAt, String detail) {
    /** The check's result as exports name it: {@code matches} or {@code FAILED}. */
    public String result() {
        return checkedAt == null ? "not re-checked" : intact ? "matches" : "FAILED";
    }

    /** How the check reads in a report: "SHA-256 re-checked at 2026-12-03T07:40:00Z: matches". */
    public String describe() {
        if (checkedAt == null) {
            return "SHA-256 not re-checked";
        }
        return "SHA-256 re-checked at " + checkedAt + ": " + result()
                + (intact || detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }

    /** The check as JSON exports and sidecars name it: {@code result}, {@code checkedAt}, {@code detail}. */
    void putInto(ObjectNode json) {
        json.put("result", result());
        json.put("checkedAt", checkedAt == null ? null : checkedAt.toString());
        json.put("detail", detail);
    }
}
