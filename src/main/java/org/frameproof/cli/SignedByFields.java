package org.frameproof.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import org.frameproof.domain.Fingerprint;
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

    static void print(PrintWriter out, Optional<WorkSignatures.Status> status) {
        Optional<Fingerprint> signer = status.flatMap(WorkSignatures.Status::signer);
        signer.ifPresent(fingerprint -> out.printf("%-18s %s, fingerprint %s%n", "signedBy",
                VisibleText.escape(status.get().signerName().orElse("(not a reviewer or contact here)")), fingerprint.digits()));
        out.printf("%-18s %s%n", "signature", status.map(s -> s.state().label()).orElse("no change recorded"));
    }
}
