package org.frameproof.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.ChainHead;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AuditVerification;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code frameproof audit list [--json]} and {@code audit verify [--head N:HEX]}. */
@Command(name = "audit", description = "List or check the audit log.", mixinStandardHelpOptions = true)
final class AuditCommand {

    @Command(name = "list", description = "List the audit log's entries in order: sequence, time (UTC), actor, role,"
            + " action, entity and the first 16 hex digits of the entry's seal.", mixinStandardHelpOptions = true)
    static final class ListEntries extends StoreCommand {
        @Mixin
        JsonArrayOption format;

        ListEntries(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            if (!format.json) {
                store.audit().forEachEntry(entry -> {
                    out().println(String.format("%d  %s  %s  %s  %s  %s %s  %s", entry.sequence(), entry.occurredAt(),
                            entry.actor(), entry.role().label(), entry.action(), entry.entityType(), entry.entityId(), shortSeal(entry)));
                    return true;
                });
                return 0;
            }
            // One entry at a time: a long log never sits in memory whole.
            try (SequenceWriter array = JSON.writerWithDefaultPrettyPrinter().writeValuesAsArray(out())) {
                store.audit().forEachEntry(entry -> {
                    try {
                        array.write(asJson(entry));
                    } catch (IOException e) {
                        throw new UserFacingException("Could not write JSON: " + e.getMessage(), e);
                    }
                    return true;
                });
            } catch (IOException e) {
                throw new UserFacingException("Could not write JSON: " + e.getMessage(), e);
            }
            out().println();
            return 0;
        }

        private static ObjectNode asJson(AuditEntry entry) {
            return JSON.createObjectNode().put("sequence", entry.sequence()).put("occurredAt", entry.occurredAt().toString())
                    .put("actor", entry.actor()).put("role", entry.role().label()).put("action", entry.action())
                    .put("entityType", entry.entityType()).put("entityId", entry.entityId()).put("hash", shortSeal(entry));
        }

        private static String shortSeal(AuditEntry entry) {
            String seal = entry.entryMac() != null ? entry.entryMac() : entry.entryHash();
            return seal.substring(0, ChainHead.PRINTED_DIGITS);
        }
    }

    @Command(name = "verify", description = {"Recompute the audit log's hash chain, check every entry's seal and the chain"
            + " head the key file keeps, then every signature of signed work (annotation revisions and reviews, footage"
            + " import, provenance and status) against the signer's key among the reviewers and contacts; print how many"
            + " hold, are unverified (an unknown key) or predate signatures, and the head (N:HEX: entry count and the last"
            + " entry's seal); exit 1 naming the first broken link or the work whose signature does not hold.", "With --head, say whether the chain still holds that written-down head; exit 1 if not."},
            mixinStandardHelpOptions = true)
    static final class Verify extends StoreCommand {
        @Option(names = "--head", paramLabel = "N:HEX", description = "A head printed earlier (by verify, an export or a"
                + " report's footer) to look for in the chain.")
        String head;

        Verify(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            ChainHead written = head == null ? null : ChainHead.parse(head);
            AuditVerification verification = store.audit().verify();
            boolean holdsHead = written == null || store.audit().contains(written);
            if (written != null && holdsHead) {
                out().println("Yes: the audit chain still holds entry " + written.count() + " with seal " + written.hash()
                        + "… (current head " + verification.head().printed() + ").");
            } else if (written != null) {
                err().println("frameproof: No: the audit chain does not hold the head " + written.printed() + "; entry "
                        + written.count() + " is missing or was rewritten (current head " + verification.head().printed() + ").");
            }
            if (!verification.intact()) {
                err().println("frameproof: " + verification.describe());
            } else if (written == null) {
                out().println(verification.describe());
            }
            return verification.intact() && holdsHead ? 0 : 1;
        }
    }
}
