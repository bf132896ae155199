package org.frameproof.exchange;

import java.time.Instant;
import java.util.List;

/**
 * The custody and audit trail as a report summarises it.
 *
 * @param entryCount entries in the hash-chained audit log
 * @param chainIntact whether every link of the chain verified
 * @param chainDetail the verifier's words (for a broken chain: the first broken link)
 * @param events the custody events to list (imports, verifications, exports), oldest first
 */
public record AuditSummary(int entryCount, boolean chainIntact, String chainDetail, List<Event> events) {
    public AuditSummary {
        events = List.copyOf(events);
    }

    /** One line of the custody trail: who did what, when. */
    public record Event(Instant at, String actor, String action, String detail) {
    }

    /** For exports that have no audit log to summarise. */
    public static AuditSummary none() {
        return new AuditSummary(0, true, "no audit log supplied", List.of());
    }
}
