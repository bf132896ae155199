package org.frameproof.evidence;

import java.util.List;

/** What {@code verify} found: each footage item re-hashed, the audit chain recomputed. */
public record VerificationReport(int itemsChecked, List<String> problems, AuditVerification audit) {
    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && audit.intact();
    }
}
