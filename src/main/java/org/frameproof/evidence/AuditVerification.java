package org.frameproof.evidence;

/** The outcome of recomputing the audit chain: intact, or the first broken link and what is wrong with it. */
public record AuditVerification(boolean intact, long entriesChecked, long firstBrokenSequence, String problem) {
    static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, 0, null);
    }

    static AuditVerification broken(long sequence, String problem) {
        return new AuditVerification(false, sequence - 1, sequence, problem);
    }

    /** One line for the reviewer. */
    public String describe() {
        return intact ? "Audit log intact: " + entriesChecked + " entries." : "Audit log broken at " + problem + ".";
    }
}
