package org.frameproof.evidence;

import org.frameproof.domain.ChainHead;

/**
 * The outcome of recomputing the audit chain: intact, or the first broken link and what is wrong
 * with it (a signature of signed work that does not hold breaks it too); what the signatures'
 * check found, once the chain holds; and the chain's head as it stands, to be written down.
 */
public record AuditVerification(boolean intact, long entriesChecked, long firstBrokenSequence, String problem, ChainHead head,
                                 String signatures) {
    static AuditVerification intact(long entries, ChainHead head) {
        return new AuditVerification(true, entries, 0, null, head, null);
    }

    static AuditVerification broken(long sequence, String problem, ChainHead head) {
        return new AuditVerification(false, sequence - 1, sequence, problem, head, null);
    }

    /** This outcome with what checking the signatures of the work it records found ({@link WorkSignatures.Summary}). */
    AuditVerification withSignatures(String summary) {
        return new AuditVerification(intact, entriesChecked, firstBrokenSequence, problem, head, summary);
    }

    /** One line for the reviewer. */
    public String describe() {
        return (intact ? "Audit log intact: " + entriesChecked + " entries." : "Audit log broken at " + problem + ".")
                + (signatures == null ? "" : " " + signatures) + " Audit chain head " + head.printed();
    }
}
