package org.frameproof.evidence;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.FailedAttempts;
import org.frameproof.store.KeyFile;
import org.frameproof.store.StoreException;

/**
 * What every unlock checks before the store is handed out: an audit chain written before sealing
 * is sealed once; the chain is compared with the head the key file keeps (a mismatch refuses the
 * store, unless the reviewer explicitly accepts it, which is recorded); wrong passphrases tried
 * since the last unlock are recorded and reported; and the key file is given the current head.
 */
final class OpeningChecks {
    static final String FAILED_ATTEMPTS = "unlock.failed-attempts";

    private OpeningChecks() {
    }

    /** @return the report for the reviewer (empty when there is nothing to say) */
    static String run(EvidenceStore store, KeyFile keyFile, ChainAnchor anchor, boolean acceptMismatch) throws UserFacingException {
        List<String> report = new ArrayList<>();
        AuditLog audit = store.audit();
        audit.sealEarlierEntries();
        Optional<String> mismatch = store.database().transaction(() -> anchor.compare(new AuditRepository(store.database())));
        if (mismatch.isPresent()) {
            if (!acceptMismatch) {
                throw new StoreException(mismatch.get() + " The store was not opened. To open it anyway (recorded in the audit"
                        + " log; verify fails from then on), set " + EvidenceStores.ACCEPT_AUDIT_MISMATCH + "=1.");
            }
            store.database().transaction(() -> audit.record(AuditLog.ACCEPTED_MISMATCH, "audit_log", "head", null,
                    AuditRecord.builder().text("problem", mismatch.get()).build()));
            report.add("WARNING: " + mismatch.get() + " Opened anyway: recorded in the audit log; verify fails from now on.");
        }
        FailedAttempts failed = keyFile.unreportedAttempts();
        if (failed.any()) {
            AuditRecord after = AuditRecord.builder().number("count", failed.count()).flag("counterReset", failed.counterReset())
                    .texts("times", failed.times().stream().map(Object::toString).toList()).build();
            store.database().transaction(() -> audit.record(FAILED_ATTEMPTS, "key_file", KeyFile.FILE_NAME, null, after));
            keyFile.acknowledgeAttempts();
            report.add(describe(failed));
        }
        keepHead(anchor, audit);
        return String.join(System.lineSeparator(), report);
    }

    private static void keepHead(ChainAnchor anchor, AuditLog audit) throws UserFacingException {
        try {
            anchor.keep(audit.head());
        } catch (StoreException e) {
            throw new UserFacingException("Could not keep the audit chain head in the key file: " + e.getMessage(), e);
        }
    }

    private static String describe(FailedAttempts failed) {
        String line = "";
        if (failed.count() > 0) {
            line = failed.count() + (failed.count() == 1 ? " wrong passphrase was" : " wrong passphrases were")
                    + " tried since the last unlock" + (failed.times().isEmpty() ? "." : " (at "
                    + failed.times().stream().map(time -> time.truncatedTo(ChronoUnit.SECONDS).toString()).collect(Collectors.joining(", ")) + ").");
        }
        if (failed.counterReset()) {
            line += (line.isEmpty() ? "" : " ") + "The count of wrong passphrases (the file unlock-attempts) was deleted,"
                    + " damaged or set back since the last unlock.";
        }
        return "WARNING: " + line + " This is recorded in the audit log.";
    }
}
