package org.frameproof.cli;

import org.frameproof.domain.Annotation;
import org.frameproof.domain.Review;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code annotations submit|confirm|reject|seal|unseal}: a finding's steps through review
 * (docs/decisions/0012-review-states.md), each one signed audit entry; a refused step changes
 * nothing and says why.
 */
final class ReviewCommands {
    private ReviewCommands() {
    }

    static void register(CommandLine annotations, StoreAccess access) {
        annotations.addSubcommand("submit", Step.command(access, "Submitted", AnnotationService::submit,
                        "Submit your draft finding for review."))
                .addSubcommand("confirm", new Verdict(access, Review.Verdict.CONFIRMED))
                .addSubcommand("reject", new Verdict(access, Review.Verdict.REJECTED))
                .addSubcommand("seal", Step.command(access, "Sealed", AnnotationService::seal,
                        "Seal a confirmed or rejected finding: read-only until unsealed."))
                .addSubcommand(new Unseal(access));
    }

    /** "Submitted ID: now submitted." */
    private static String result(String verb, Annotation finding) {
        return verb + " " + finding.id() + ": now " + finding.status().state().label() + ".";
    }

    /** One step of review on one finding, taking nothing but its id. */
    @FunctionalInterface
    interface OneStep {
        Annotation take(AnnotationService annotations, String id) throws UserFacingException;
    }

    /** {@code annotations submit ID} and {@code annotations seal ID}: a step that needs no text. */
    @Command(mixinStandardHelpOptions = true)
    static final class Step extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "The annotation's id.")
        String id;

        private final String done;
        private final OneStep step;

        private Step(StoreAccess access, String done, OneStep step) {
            super(access);
            this.done = done;
            this.step = step;
        }

        /** The command, with its description. */
        static CommandLine command(StoreAccess access, String done, OneStep step, String description) {
            CommandLine command = new CommandLine(new Step(access, done, step));
            command.getCommandSpec().usageMessage().description(description);
            return command;
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            out().println(result(done, step.take(store.annotations(), id)));
            return 0;
        }
    }

    @Command(description = {"Confirm or reject a submitted finding: an injury as a medical expert, any other finding"
            + " as a researcher; never your own. A rejection needs --comment."}, mixinStandardHelpOptions = true)
    static final class Verdict extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "The annotation's id.")
        String id;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Your comment (required to reject).")
        String comment;

        private final Review.Verdict verdict;

        Verdict(StoreAccess access, Review.Verdict verdict) {
            super(access);
            this.verdict = verdict;
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            Annotation reviewed = store.annotations().review(id, verdict, comment);
            Review review = reviewed.review();
            out().println(VisibleText.escape((verdict == Review.Verdict.CONFIRMED ? "Confirmed " : "Rejected ") + id
                    + " as " + review.reviewer() + " at " + review.reviewedAt() + "."));
            return 0;
        }
    }

    @Command(name = "unseal", description = "Unseal a sealed finding, back to confirmed or rejected; the reason is recorded.",
            mixinStandardHelpOptions = true)
    static final class Unseal extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "The annotation's id.")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is unsealed.")
        String reason;

        Unseal(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            out().println(result("Unsealed", store.annotations().unseal(id, reason)));
            return 0;
        }
    }
}
