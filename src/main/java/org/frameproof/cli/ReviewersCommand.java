package org.frameproof.cli;

import java.util.Map;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ReviewerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof reviewers add NAME --role ROLE|list}: the people who work on this store, each with a passphrase. */
@Command(name = "reviewers", mixinStandardHelpOptions = true,
        description = {"Add or list the reviewers of this store (a shared laptop): each has a passphrase of their own",
            "that unlocks the store, their own signing and encryption keys, and every change is recorded as",
            "the reviewer who unlocked. FRAMEPROOF_USER names the reviewer to unlock as; the passphrase must be theirs."})
final class ReviewersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add the reviewer NAME with their own keys and passphrase (recorded as your work).",
                "Your passphrase is asked again (or FRAMEPROOF_PASSPHRASE); theirs comes from",
                "FRAMEPROOF_NEW_PASSPHRASE or is typed twice. No two reviewers may share a passphrase."})
    static final class Add extends StoreCommand {
        @Parameters(paramLabel = "NAME", description = "The new reviewer's name, as they will unlock with it.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "researcher, medical expert or field staff.")
        String role;

        private final StoreAccess access;

        Add(StoreAccess access) {
            super(access);
            this.access = access;
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            Reviewer reviewer = Reviewer.typed(name, Role.parse(role));
            access.addReviewer(store, reviewer);
            ReviewerService.Listed added = store.reviewers().list().stream()
                    .filter(listed -> listed.reviewer().isNamed(reviewer.name())).findFirst().orElseThrow();
            out().println(VisibleText.escape("Added " + reviewer.name() + " (" + reviewer.role().label() + "), fingerprint "
                    + added.fingerprint().digits() + "."));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the reviewers of this store: name, role and fingerprint.")
    static final class ListReviewers extends StoreCommand {
        @Mixin
        JsonArrayOption format;

        ListReviewers(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            printList(format, store.reviewers().list(), listed -> {
                Map<String, Object> json = IdentityCommand.asJson(listed.identity(), listed.fingerprint());
                json.put("role", listed.reviewer().role().label());
                json.put("unlocked", listed.reviewer().isNamed(store.reviewer().name()));
                return json;
            }, listed -> listed.reviewer().name() + "  " + listed.reviewer().role().label() + "  " + listed.fingerprint().digits()
                    + (listed.reviewer().isNamed(store.reviewer().name()) ? "  (you)" : ""));
            return 0;
        }
    }
}
