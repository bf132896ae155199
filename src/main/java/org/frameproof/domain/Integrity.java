package org.frameproof.domain;

/** The result of the last re-hash of a footage item's vault copy. */
public enum Integrity {
    /** The vault copy matched its recorded SHA-256 when last checked (or at import). */
    INTACT,
    /** The vault copy is missing or no longer matches its recorded SHA-256. */
    FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The result as people read it beside the footage's authenticity: "copy intact", or a loud "FAILED VERIFICATION". */
    public String shown() {
        return this == INTACT ? "copy intact" : "FAILED VERIFICATION";
    }
}
