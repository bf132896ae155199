package org.frameproof.domain;

import java.util.Optional;

/**
 * Who may move a finding through review, and when a finding may change
 * (docs/decisions/0012-review-states.md). Each check returns the refusal in the reviewer's words,
 * or empty when allowed, so the services refuse and the screens disable with the same sentence.
 *
 * <ul>
 *   <li>The reviewer who answers for a finding (its author; for an imported one, its importer)
 *       submits a draft.</li>
 *   <li>A submitted finding is confirmed or rejected by a reviewer of the role its kind needs (a
 *       medical expert for an injury, a researcher for every other kind), never by the one who
 *       answers for it; a rejection needs a comment.</li>
 *   <li>A reviewer of that role seals a confirmed or rejected finding, and unseals it with a
 *       reason; a sealed finding is read-only.</li>
 *   <li>Only the one who answers for a finding changes its observation and interpretation; once it
 *       is confirmed or rejected, only they change it at all, and the change sends it back to draft.</li>
 * </ul>
 */
public final class ReviewRules {
    private ReviewRules() {
    }

    /** The role that confirms and rejects findings of {@code kind}. */
    public static Role reviewingRole(AnnotationKind kind) {
        return kind == AnnotationKind.INJURY ? Role.MEDICAL_EXPERT : Role.RESEARCHER;
    }

    /** Whether {@code reviewer} answers for {@code finding} (made it, or imported it). */
    public static boolean answersFor(Reviewer reviewer, Annotation finding) {
        return reviewer.isNamed(finding.answerableReviewer());
    }

    public static Optional<String> whyNotSubmit(Annotation finding, Reviewer reviewer) {
        if (finding.status().state() != ReviewState.DRAFT) {
            return refusal(finding, "is " + finding.status().state().label() + "; only a draft is submitted");
        }
        if (!answersFor(reviewer, finding)) {
            return refusal(finding, "is " + finding.answerableReviewer() + "'s; only they submit it");
        }
        return Optional.empty();
    }

    /** Why {@code reviewer} may not give {@code verdict} (with {@code comment}, null for none); empty when they may. */
    public static Optional<String> whyNotReview(Annotation finding, Reviewer reviewer, Review.Verdict verdict, String comment) {
        Optional<String> role = whyNotReviewer(finding, reviewer, verdict == Review.Verdict.CONFIRMED ? "confirm" : "reject");
        if (role.isPresent()) {
            return role;
        }
        ReviewState state = finding.status().state();
        if (state == ReviewState.DRAFT) {
            return refusal(finding, "is a draft; it is confirmed or rejected once its author submits it");
        }
        if (state != ReviewState.SUBMITTED) {
            return refusal(finding, "is already " + state.label() + " by " + finding.review().reviewer()
                    + (state == ReviewState.SEALED ? "" : "; withdraw that review first"));
        }
        if (verdict == Review.Verdict.REJECTED && (comment == null || comment.isBlank())) {
            return Optional.of("A rejection needs a comment saying why.");
        }
        return Optional.empty();
    }

    /** Whether the finding waits for {@code reviewer}: submitted, not theirs, and of a kind their role reviews. */
    public static boolean waitsFor(Annotation finding, Reviewer reviewer) {
        return finding.status().state() == ReviewState.SUBMITTED && whyNotReviewer(finding, reviewer, "review").isEmpty();
    }

    /** Why {@code reviewer} may not withdraw the finding's review (back to submitted); empty when they may. */
    public static Optional<String> whyNotWithdraw(Annotation finding, Reviewer reviewer) {
        ReviewState state = finding.status().state();
        if (state != ReviewState.CONFIRMED && state != ReviewState.REJECTED) {
            return refusal(finding, "is " + state.label() + "; only a confirmed or rejected finding's review is withdrawn");
        }
        if (!reviewer.isNamed(finding.review().reviewer())) {
            return refusal(finding, "was reviewed by " + finding.review().reviewer() + "; only they withdraw that review");
        }
        return Optional.empty();
    }

    public static Optional<String> whyNotSeal(Annotation finding, Reviewer reviewer) {
        ReviewState state = finding.status().state();
        if (state != ReviewState.CONFIRMED && state != ReviewState.REJECTED) {
            return refusal(finding, "is " + state.label() + "; only a confirmed or rejected finding is sealed");
        }
        return whyNotOfRole(finding, reviewer, "seal");
    }

    public static Optional<String> whyNotUnseal(Annotation finding, Reviewer reviewer, String reason) {
        if (!finding.status().isSealed()) {
            return refusal(finding, "is " + finding.status().state().label() + ", not sealed");
        }
        Optional<String> role = whyNotOfRole(finding, reviewer, "unseal");
        if (role.isPresent()) {
            return role;
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("Unsealing needs a reason (--reason TEXT).");
        }
        return Optional.empty();
    }

    /**
     * Why {@code reviewer} may not change the finding (edit, retime, draw, delete); empty when they
     * may.
     *
     * @param authorsText whether the change touches the observation or the interpretation
     */
    public static Optional<String> whyNotChange(Annotation finding, Reviewer reviewer, boolean authorsText) {
        ReviewStatus status = finding.status();
        if (status.isSealed()) {
            return refusal(finding, "is sealed and read-only; unseal it (with a reason) to change it");
        }
        boolean answerable = answersFor(reviewer, finding);
        if (status.isReviewed() && !answerable) {
            return refusal(finding, "was " + status.state().label() + " by " + finding.review().reviewer() + "; only "
                    + finding.answerableReviewer() + " changes it now (which sends it back to draft)");
        }
        if (authorsText && !answerable) {
            return refusal(finding, "is " + finding.answerableReviewer() + "'s; only they change its observation and"
                    + " interpretation (comment through a review instead)");
        }
        return Optional.empty();
    }

    private static Optional<String> whyNotReviewer(Annotation finding, Reviewer reviewer, String verb) {
        Optional<String> role = whyNotOfRole(finding, reviewer, verb);
        if (role.isPresent()) {
            return role;
        }
        if (answersFor(reviewer, finding)) {
            return refusal(finding, "is " + finding.answerableReviewer() + "'s own; nobody can " + verb + " their own finding");
        }
        return Optional.empty();
    }

    private static Optional<String> whyNotOfRole(Annotation finding, Reviewer reviewer, String verb) {
        Role needed = reviewingRole(finding.kind());
        if (reviewer.role() != needed) {
            return Optional.of("Only a " + needed.label() + " can " + verb + " " + article(finding.kind()) + "; "
                    + reviewer.name() + " works here as " + reviewer.role().label() + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(Annotation finding, String why) {
        return Optional.of("Annotation " + finding.id() + " " + why + ".");
    }

    /** "an injury", "a location", ... */
    public static String article(AnnotationKind kind) {
        return kind == AnnotationKind.INJURY ? "an injury" : "a " + kind.code();
    }
}
