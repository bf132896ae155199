package org.frameproof.domain;

/**
 * Where the review of a footage item stands. Footage is never deleted: it is withdrawn, with a
 * reason, and stays in the vault and the audit log.
 */
public enum FootageStatus {
    UNVERIFIED, VERIFIED, DISPUTED, REJECTED, WITHDRAWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The status as people read it beside the copy's integrity: "authenticity: unverified", never a
     * bare "unverified" that reads as if the file's hash had not been checked.
     */
    public String shown() {
        return "authenticity: " + label();
    }
}
