package org.frameproof.cli;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ReviewerService;
import org.frameproof.exchange.IdentityFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frameproof identity show|export}: the public identity of the reviewer who unlocked the store. */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = {"Show or export your public identity: name, stated role, public keys, self-signature.",
            "Compare its fingerprint with the other person by phone or in person before they accept it."})
final class IdentityCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print your name, role and fingerprint (12 groups of 5 digits, to be read out and compared).")
    static final class Show extends StoreCommand {
        @Option(names = "--json", description = "Print JSON (with the public keys and the fingerprint's hex form).")
        boolean json;

        Show(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            ReviewerService.Listed own = store.reviewers().own();
            if (json) {
                printJson(asJson(own.identity(), own.fingerprint()));
            } else {
                out().println(VisibleText.escape("Name:        " + own.identity().name()));
                out().println("Role:        " + own.identity().role().label());
                out().println("Created:     " + own.identity().createdAt());
                out().println("Fingerprint: " + own.fingerprint().digits());
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write your public identity to FILE (JSON, RFC 8785 canonical, self-signed with your Ed25519 key).",
                "It holds no secret: send it to the people who will accept you as a contact."})
    static final class Export extends StoreCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the identity file.")
        Path out;

        Export(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            ReviewerService.Listed own = store.reviewers().own();
            IdentityFile.write(own.identity(), out);
            out().println("Wrote the public identity of " + VisibleText.escape(own.identity().name()) + " to " + out + ".");
            out().println("Fingerprint: " + own.fingerprint().digits());
            return 0;
        }
    }

    /** How the commands print an identity as JSON: what it says, its fingerprint in both forms. */
    static Map<String, Object> asJson(PublicIdentity identity, Fingerprint fingerprint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", identity.name());
        json.put("statedRole", identity.role().label());
        json.put("fingerprint", fingerprint.digits());
        json.put("fingerprintSha256", fingerprint.hex());
        json.put("signingKey", Base64.getEncoder().encodeToString(identity.signingKey()));
        json.put("encryptionKey", Base64.getEncoder().encodeToString(identity.encryptionKey()));
        json.put("createdAt", identity.createdAt().toString());
        return json;
    }
}
