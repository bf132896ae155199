package org.frameproof.domain;

/**
 * A finding's place in review: its state, the review that confirmed or rejected it, and the
 * reason it was last unsealed. Part of the annotation's audited record, so every change of it is
 * one signed audit entry and travels with the annotation.
 *
 * @param review the confirmation or rejection; null while draft or submitted
 * @param unsealReason why the finding was last unsealed, while it stays unsealed; else null
 */
public record ReviewStatus(ReviewState state, Review review, String unsealReason) {
    /** A finding just made. */
    public static final ReviewStatus DRAFT = new ReviewStatus(ReviewState.DRAFT, null, null);
    /** A finding waiting for its review. */
    public static final ReviewStatus SUBMITTED = new ReviewStatus(ReviewState.SUBMITTED, null, null);

    public ReviewStatus {
        if (state == null) {
            throw new IllegalArgumentException("A review status needs a state");
        }
        boolean reviewed = state == ReviewState.CONFIRMED || state == ReviewState.REJECTED || state == ReviewState.SEALED;
        if (reviewed != (review != null)) {
            throw new IllegalArgumentException("A " + state.label() + " finding " + (reviewed ? "needs" : "has no") + " review");
        }
        if (state == ReviewState.CONFIRMED && review.verdict() != Review.Verdict.CONFIRMED
                || state == ReviewState.REJECTED && review.verdict() != Review.Verdict.REJECTED) {
            throw new IllegalArgumentException("A " + state.label() + " finding's review is " + review.verdict().label());
        }
    }

    /** The finding confirmed or rejected by {@code review}. */
    public static ReviewStatus reviewed(Review review) {
        return new ReviewStatus(review.verdict() == Review.Verdict.CONFIRMED ? ReviewState.CONFIRMED : ReviewState.REJECTED,
                review, null);
    }

    public boolean isSealed() {
        return state == ReviewState.SEALED;
    }

    /** Whether a review decided it (confirmed, rejected, or sealed after either). */
    public boolean isReviewed() {
        return review != null;
    }
}
