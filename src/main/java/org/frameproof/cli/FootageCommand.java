package org.frameproof.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof footage list --case NAME} and {@code footage withdraw ID --reason TEXT}. */
@Command(name = "footage", description = "List footage of a case, or withdraw an item.", mixinStandardHelpOptions = true)
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
