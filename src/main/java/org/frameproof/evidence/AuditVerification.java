package org.frameproof.evidence;

import org.frameproof.domain.ChainHead;

/**
 * The outcome of recomputing the audit chain: intact, or the first broken link and what is wrong
 * with it; and the chain's head as it stands, to be written down.
 */
public record AuditVerification(boolean intact, long entriesChecked, long firstBrokenSequence, String problem, ChainHead head) {
    static AuditVerification intact(long entries, ChainHead head) {
        return new AuditVerification(true, entries, 0, null, head);
    }

    static AuditVerification broken(long sequence, String problem, ChainHead head) {
        return new AuditVerification(false, sequence - 1, sequence, problem, head);
    }

    /** One line for the reviewer. */
    public String describe() {
        return (intact ? "Audit log intact: " + entriesChecked + " entries." : "Audit log broken at " + problem + ".")
                + " Audit chain head " + head.printed();
    }
}
