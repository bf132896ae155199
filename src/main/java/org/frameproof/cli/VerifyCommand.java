package org.frameproof.cli;

import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code frameproof verify [--case NAME]}: re-hashes every vault copy, recomputes the audit chain
 * (with the signatures of signed work) and compares the live rows with their last audit entries.
 */
@Command(name = "verify", description = "Re-hash every footage item, check the audit chain and its head and every signature"
        + " of signed work (as audit verify does), and compare every footage, custody and annotation row with what its last audit entry recorded; print the chain head (N:HEX);"
        + " exit 1 naming every failure.", mixinStandardHelpOptions = true)
final class VerifyCommand extends StoreCommand {
    @Option(names = "--case", paramLabel = "NAME", description = "Check only this case's footage.")
    String caseName;

    VerifyCommand(StoreAccess access) {
        super(access);
    }

    @Override
    int run(EvidenceStore store) throws UserFacingException {
        VerificationReport report = store.verify(caseName == null ? null : store.cases().require(caseName), Progress.NONE);
        for (String problem : report.problems()) {
            err().println("frameproof: FAILED " + VisibleText.escape(problem));
        }
        out().println(report.itemsChecked() + " footage items checked; " + report.audit().describe());
        return report.ok() ? 0 : 1;
    }
}
