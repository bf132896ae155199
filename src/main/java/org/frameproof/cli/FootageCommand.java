package org.frameproof.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof footage list --case NAME} and {@code footage withdraw ID --reason TEXT}. */
@Command(name = "footage", description = "List footage of a case, or withdraw an item.", mixinStandardHelpOptions = true)
final class FootageCommand {

    @Command(name = "list", description = "List the footage of a case.", mixinStandardHelpOptions = true)
    static final class ListFootage extends StoreCommand {
        @Option(names = "--case", paramLabel = "NAME", required = true, description = "The case.")
        String caseName;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        ListFootage(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            List<Footage> items = store.footage().list(store.cases().require(caseName));
            if (json) {
                printJson(items.stream().map(ListFootage::asJson).toList());
            } else {
                for (Footage item : items) {
                    out().printf("%d  %s  %-10s  %s%n", item.id(), item.sha256(), item.status().label(), item.originalName());
                }
            }
            return 0;
        }

        private static Map<String, Object> asJson(Footage item) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", item.id());
            json.put("sha256", item.sha256());
            json.put("md5", item.md5());
            json.put("originalName", item.originalName());
            json.put("originalPath", item.originalPath());
            json.put("sizeBytes", item.sizeBytes());
            json.put("status", item.status().label());
            json.put("statusReason", item.statusReason());
            json.put("integrity", item.integrity().label());
            json.put("duplicateOf", item.duplicateOf());
            json.put("importedBy", item.importedBy().name());
            json.put("importedRole", item.importedBy().role().label());
            json.put("importedAt", item.importedAt().toString());
            json.put("machine", item.machine());
            json.put("appVersion", item.appVersion());
            json.put("graphicViolence", item.provenance().graphicViolence());
            json.put("identifiablePeople", item.provenance().identifiablePeople());
            try {
                json.put("mediaFacts", JSON.readTree(item.mediaFactsJson()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                json.put("mediaFacts", item.mediaFactsJson());
            }
            return json;
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
