package org.frameproof.cli;

import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AuditVerification;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine.Command;

/** {@code frameproof audit verify}. */
@Command(name = "audit", description = "Check the audit log.", mixinStandardHelpOptions = true)
final class AuditCommand {

    @Command(name = "verify", description = "Recompute the audit log's hash chain; exit 1 naming the first broken link.",
            mixinStandardHelpOptions = true)
    static final class Verify extends StoreCommand {
        Verify(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            AuditVerification verification = store.audit().verify();
            if (verification.intact()) {
                out().println(verification.describe());
                return 0;
            }
            err().println("frameproof: " + verification.describe());
            return 1;
        }
    }
}
