package org.frameproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.Review;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.WorkSignatures;

/**
 * Who signed a piece of work and whether the signature holds, as the commands print it:
 * {@code signedBy} ({@code name}, {@code fingerprint} in groups of digits, {@code fingerprintSha256})
 * and {@code signatureValid} (true, false, or null for unsigned work from before signatures and
 * for a key this store does not know) in JSON; two lines in words otherwise.
 */
final class SignedByFields {
    private SignedByFields() {
    }

    static void addTo(ObjectNode fields, Optional<WorkSignatures.Status> status) {
        Optional<Fingerprint> signer = status.flatMap(WorkSignatures.Status::signer);
        if (signer.isEmpty()) {
            fields.putNull("signedBy");
        } else {
            ObjectNode signedBy = fields.putObject("signedBy");
            signedBy.put("name", status.get().signerName().orElse(null));
            signedBy.put("fingerprint", signer.get().digits());
            signedBy.put("fingerprintSha256", signer.get().hex());
        }
        Boolean valid = status.map(WorkSignatures.Status::valid).orElse(null);
        if (valid == null) {
            fields.putNull("signatureValid");
        } else {
            fields.put("signatureValid", valid);
        }
        fields.put("signature", status.map(s -> s.state().label()).orElse("no change recorded"));
    }

    /**
     * Adds to the JSON's {@code review} (when there is one) the reviewer's {@code fingerprint} in
     * groups of digits, whether the signature of the review holds ({@code signatureValid},
     * {@code signature}) and whether this store counts it ({@code counts}).
     */
    static void addToReview(ObjectNode fields, Optional<WorkSignatures.ReviewWeight> weight) {
        if (!(fields.get("review") instanceof ObjectNode review)) {
            return;
        }
        JsonNode hex = review.get("reviewerFingerprint");
        review.put("fingerprint", hex == null || hex.isNull() ? null : new Fingerprint(hex.asText()).digits());
        Boolean valid = weight.map(w -> w.signature().valid()).orElse(null);
        if (valid == null) {
            review.putNull("signatureValid");
        } else {
            review.put("signatureValid", valid);
        }
        review.put("signature", weight.map(w -> w.signature().state().label()).orElse("no review recorded"));
        review.put("counts", weight.map(WorkSignatures.ReviewWeight::counts).orElse(false));
    }

    /** The review in words: verdict, reviewer, fingerprint, comment, and whether it counts here. */
    static void printReview(PrintWriter out, Review review, Optional<WorkSignatures.ReviewWeight> weight) {
        if (review == null) {
            return;
        }
        out.printf("%-18s %s%n", "review", VisibleText.escape(review.verdict().label() + " by " + review.reviewer() + " at "
                + review.reviewedAt() + (review.comment() == null ? "" : ": " + review.comment())));
        if (review.reviewerFingerprint() != null) {
            out.printf("%-18s %s%n", "reviewer", "fingerprint " + new Fingerprint(review.reviewerFingerprint()).digits());
        }
        out.printf("%-18s %s%n", "review signature", weight.map(w -> w.signature().state().label()).orElse("no review recorded"));
        out.printf("%-18s %s%n", "review counts", weight.map(WorkSignatures.ReviewWeight::counts).orElse(false)
                ? "counts here" : "does not count here");
    }

    static void print(PrintWriter out, Optional<WorkSignatures.Status> status) {
        Optional<Fingerprint> signer = status.flatMap(WorkSignatures.Status::signer);
        signer.ifPresent(fingerprint -> out.printf("%-18s %s, fingerprint %s%n", "signedBy",
                VisibleText.escape(status.get().signerName().orElse("(not a reviewer or contact here)")), fingerprint.digits()));
        out.printf("%-18s %s%n", "signature", status.map(s -> s.state().label()).orElse("no change recorded"));
    }
}
