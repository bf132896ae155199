package org.frameproof.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VerificationBasis;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frameproof footage list --case NAME}, {@code footage withdraw ID --reason TEXT} and
 * {@code footage status ID STATUS}.
 */
@Command(name = "footage", description = "List footage of a case, set an item's status, or withdraw it.",
        mixinStandardHelpOptions = true)
final class FootageCommand {
    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List the footage of a case: id, SHA-256, its"
            + " authenticity (the review status), the last re-hash of its vault copy (copy intact or FAILED VERIFICATION,"
            + " and when: at import, on opening, by verify or by an export) and the original name.",
            "With --json the fields are unchanged: status, and lastCheck.result (matches or FAILED)."})
    static final class ListFootage extends StoreCommand {
        @Option(names = "--case", paramLabel = "NAME", required = true, description = "The case.")
        String caseName;

        @Mixin
        JsonArrayOption format;

        ListFootage(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            List<Footage> items = store.footage().list(store.cases().require(caseName));
            printList(format, items, ListFootage::asJson, item -> String.format("%d  %s  %-24s  %s  %s",
                    item.id(), item.sha256(), item.status().shown(), item.integrityCheckedAt() == null ? "never checked"
                            : item.integrity().shown() + " at " + item.integrityCheckedAt(), item.originalName()));
            return 0;
        }

        private static ObjectNode asJson(Footage item) {
            ObjectNode json = RecordJson.of(item);
            json.putObject("lastCheck").put("result", lastCheck(item)).put("checkedAt",
                    item.integrityCheckedAt() == null ? null : item.integrityCheckedAt().toString());
            return json;
        }

        /** The last re-hash's result in the words exports use. */
        private static String lastCheck(Footage item) {
            return item.integrity() == Integrity.INTACT ? "matches" : "FAILED";
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false, description = {
            "Set a footage item's status: verified with its basis (--source, --date and --place: how each was"
                    + " established), or disputed, rejected or withdrawn with a reason. Each change is signed."})
    static final class Status extends StoreCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The footage item.")
        long id;

        @Parameters(index = "1", paramLabel = "STATUS", description = "verified, disputed, rejected, withdrawn or unverified.")
        String status;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required but for verified).")
        String reason;

        @Option(names = "--source", paramLabel = "TEXT", description = "Verified: how its source was established.")
        String source;

        @Option(names = "--date", paramLabel = "TEXT", description = "Verified: how its date was established.")
        String date;

        @Option(names = "--place", paramLabel = "TEXT", description = "Verified: how its place was established.")
        String place;

        Status(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            FootageStatus wanted = parse(status);
            Footage changed = wanted == FootageStatus.VERIFIED
                    ? store.footage().verify(id, new VerificationBasis(source, date, place), reason)
                    : store.footage().setStatus(id, wanted, reason);
            out().println(VisibleText.escape("Footage " + id + " is now " + changed.status().label()
                    + (wanted == FootageStatus.VERIFIED ? " (" + changed.basis().describe() + ")." : ".")));
            return 0;
        }

        private FootageStatus parse(String text) throws UserFacingException {
            for (FootageStatus one : FootageStatus.values()) {
                if (one.label().equalsIgnoreCase(text.strip())) {
                    if (one != FootageStatus.VERIFIED && (source != null || date != null || place != null)) {
                        throw new UserFacingException("--source, --date and --place are the basis of verified footage.");
                    }
                    return one;
                }
            }
            throw new UserFacingException("'" + text + "' is not a footage status: use verified, disputed, rejected,"
                    + " withdrawn or unverified.");
        }
    }

    @Command(name = "withdraw", description = "Withdraw a footage item (it is never deleted).", mixinStandardHelpOptions = true)
    static final class Withdraw extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "The footage item.")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is withdrawn.")
        String reason;

        Withdraw(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            store.footage().setStatus(id, FootageStatus.WITHDRAWN, reason);
            out().println("Withdrew footage " + id + ".");
            return 0;
        }
    }
}
