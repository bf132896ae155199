package org.frameproof.ui.inspector;

import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewRules;
import org.frameproof.domain.Reviewer;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.evidence.WorkSignatures;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.review.StateGlyph;

/**
 * The inspector's review part for the selected finding: its state, who signed it and whether the
 * signature holds, its review and whether that counts here, and the steps the reviewer at this
 * workstation may take (each enabled only when {@link ReviewRules} allows it, with the reason
 * when it does not). After a step, {@link #resultProperty()} says what happened.
 */
public final class ReviewPanelViewModel {
    private final AnnotationSession session;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper signer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canReview = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSeal = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUnseal = new ReadOnlyBooleanWrapper();

    public ReviewPanelViewModel(AnnotationSession session) {
        this.session = session;
        session.selectedProperty().addListener((observable, old, selected) -> {
            if (old == null || selected == null || !old.id().equals(selected.id())) {
                result.set("");
            }
            show(selected);
        });
    }

    private void show(Annotation shown) {
        Reviewer me = session.reviewer();
        if (shown == null) {
            state.set("");
            signer.set("");
            review.set("");
            hint.set("");
            canSubmit.set(false);
            canReview.set(false);
            canSeal.set(false);
            canUnseal.set(false);
            return;
        }
        state.set(StateGlyph.of(shown.status().state()) + " " + capitalised(shown.status().state().label())
                + (shown.status().unsealReason() == null ? "" : " · unsealed because: " + shown.status().unsealReason()));
        Optional<AnnotationService.Signatures> signatures = session.signatures(shown);
        signer.set(signatures.flatMap(AnnotationService.Signatures::latest).map(ReviewPanelViewModel::signed).orElse(""));
        review.set(reviewText(shown, signatures.flatMap(AnnotationService.Signatures::review)));
        Optional<String> whyNotReview = ReviewRules.whyNotReview(shown, me, Review.Verdict.CONFIRMED, null);
        canSubmit.set(ReviewRules.whyNotSubmit(shown, me).isEmpty());
        canReview.set(whyNotReview.isEmpty());
        canSeal.set(ReviewRules.whyNotSeal(shown, me).isEmpty());
        canUnseal.set(ReviewRules.whyNotUnseal(shown, me, "a reason").isEmpty());
        hint.set(whyNotReview.orElse(""));
    }

    /** "Signed by NAME · fingerprint 12345 … · the signature holds". */
    private static String signed(WorkSignatures.Status status) {
        Optional<Fingerprint> fingerprint = status.signer();
        return (fingerprint.isEmpty() ? "Latest change " : "Signed by " + status.signerName().orElse("a key not known here")
                + " · fingerprint " + fingerprint.get().digits() + " · ") + status.state().label();
    }

    private static String reviewText(Annotation shown, Optional<WorkSignatures.ReviewWeight> weight) {
        Review done = shown.review();
        if (done == null) {
            return "Not reviewed by a " + ReviewRules.reviewingRole(shown.kind()).label() + ".";
        }
        return capitalised(done.verdict().label()) + " by " + done.reviewer() + " on " + when(done.reviewedAt())
                + (done.comment() == null ? "" : ": " + done.comment())
                + (weight.map(WorkSignatures.ReviewWeight::counts).orElse(false) ? " · counts here" : " · does not count here");
    }

    /** "2026-03-01 14:03:12 UTC": a time as the inspector shows it, to the second. */
    static String when(Instant at) {
        return at.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z").replace("Z", " UTC");
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public boolean submit() {
        return done(session.submit(), "Submitted for review.");
    }

    /** Confirms the selected finding, with an optional comment (blank for none). */
    public boolean confirm(String comment) {
        return done(session.review(Review.Verdict.CONFIRMED, comment == null || comment.isBlank() ? null : comment),
                "Confirmed.");
    }

    /** Rejects the selected finding; the comment is required (the service refuses a blank one). */
    public boolean reject(String comment) {
        return done(session.review(Review.Verdict.REJECTED, comment), "Rejected.");
    }

    public boolean seal() {
        return done(session.seal(), "Sealed: read-only until unsealed.");
    }

    public boolean unseal(String reason) {
        return done(session.unseal(reason), "Unsealed.");
    }

    private boolean done(boolean succeeded, String what) {
        result.set(succeeded ? what : session.messageProperty().get());
        return succeeded;
    }

    /** The state with its glyph, e.g. "✓ Confirmed". */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Who signed the latest revision, their fingerprint and whether the signature holds. */
    public ReadOnlyStringProperty signerProperty() {
        return signer.getReadOnlyProperty();
    }

    /** The review, or that there is none yet, and whether it counts here. */
    public ReadOnlyStringProperty reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** Why this reviewer cannot confirm or reject the finding; empty when they can. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** What the last step did, or why it was refused. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }

    /** Whether this reviewer may confirm or reject the finding. */
    public ReadOnlyBooleanProperty canReviewProperty() {
        return canReview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSealProperty() {
        return canSeal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUnsealProperty() {
        return canUnseal.getReadOnlyProperty();
    }
}
