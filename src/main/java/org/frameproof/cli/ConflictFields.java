package org.frameproof.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.BundleService;

/**
 * Whether a finding is in conflict with revisions received in a bundle, as the commands print it:
 * {@code conflict} in JSON (null, or the received revisions: {@code revision}, {@code action},
 * {@code actor}, {@code signer}, {@code at}, {@code observation}); a line per revision otherwise.
 */
final class ConflictFields {
    private ConflictFields() {
    }

    static void addTo(ObjectNode fields, List<BundleService.ConflictRevision> revisions) {
        if (revisions == null || revisions.isEmpty()) {
            fields.putNull("conflict");
            return;
        }
        ArrayNode conflict = fields.putArray("conflict");
        for (BundleService.ConflictRevision revision : revisions) {
            conflict.addObject().put("revision", revision.revision()).put("action", revision.action())
                    .put("actor", revision.actor()).put("signer", revision.signer()).put("at", revision.at().toString())
                    .put("observation", revision.observation());
        }
    }

    static void print(PrintWriter out, List<BundleService.ConflictRevision> revisions) {
        if (revisions == null) {
            return;
        }
        for (BundleService.ConflictRevision revision : revisions) {
            out.printf("%-18s %s%n", "conflict", VisibleText.escape("revision " + revision.revision() + ": " + revision.action()
                    + " by " + revision.actor() + " at " + revision.at() + (revision.observation() == null ? ""
                    : ", observation \"" + revision.observation() + "\"") + " (keep it with: annotations resolve ID --keep "
                    + revision.revision() + ")"));
        }
    }
}
