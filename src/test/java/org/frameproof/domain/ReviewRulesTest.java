package org.frameproof.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {
    private static final Reviewer ANA = new Reviewer("Ana Researcher", Role.RESEARCHER);
    private static final Reviewer BEN = new Reviewer("Ben Researcher", Role.RESEARCHER);
    private static final Reviewer MIRA = new Reviewer("Dr Mira Expert", Role.MEDICAL_EXPERT);
    private static final Reviewer SAMI = new Reviewer("Sami Field", Role.FIELD_STAFF);
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private static Annotation finding(Finding finding, Reviewer author, ReviewStatus status, Annotation.Imported imported) {
        return new Annotation("id-1", 1, "ab".repeat(32), new FrameSpan(1, 1, 0, 0), "seen", null, null, List.of(), null,
                finding, author.name(), author.role(), AT, null, imported, status);
    }

    private static Annotation injury(ReviewStatus status) {
        return finding(new Finding.Injury(null, "burn", 1, null, null), ANA, status, null);
    }

    private static Annotation location(ReviewStatus status) {
        return finding(new Finding.Location("Ridge", null, null, null, null, List.of()), ANA, status, null);
    }

    private static ReviewStatus reviewed(Review.Verdict verdict, Reviewer by) {
        return ReviewStatus.reviewed(new Review(verdict, by.name(), "cd".repeat(32), AT, verdict == Review.Verdict.REJECTED
                ? "why" : null));
    }

    @Test
    void injuriesAreForAMedicalExpertAndEveryOtherKindForAResearcher() {
        assertEquals(Role.MEDICAL_EXPERT, ReviewRules.reviewingRole(AnnotationKind.INJURY));
        for (AnnotationKind kind : List.of(AnnotationKind.LOCATION, AnnotationKind.UNIFORM, AnnotationKind.NOTE)) {
            assertEquals(Role.RESEARCHER, ReviewRules.reviewingRole(kind), kind.code());
        }
        Annotation submitted = injury(ReviewStatus.SUBMITTED);
        assertEquals(Optional.empty(), ReviewRules.whyNotReview(submitted, MIRA, Review.Verdict.CONFIRMED, null));
        assertEquals(Optional.of("Only a medical expert can confirm an injury; Ben Researcher works here as researcher."),
                ReviewRules.whyNotReview(submitted, BEN, Review.Verdict.CONFIRMED, null));
        assertEquals(Optional.empty(), ReviewRules.whyNotReview(location(ReviewStatus.SUBMITTED), BEN, Review.Verdict.CONFIRMED, null));
        assertTrue(ReviewRules.whyNotReview(location(ReviewStatus.SUBMITTED), MIRA, Review.Verdict.CONFIRMED, null).isPresent());
        assertTrue(ReviewRules.whyNotReview(location(ReviewStatus.SUBMITTED), SAMI, Review.Verdict.CONFIRMED, null).isPresent());
    }

    @Test
    void nobodyReviewsTheirOwnFindingNorOneTheyImported() {
        Annotation own = location(ReviewStatus.SUBMITTED);
        assertEquals(Optional.of("Annotation id-1 is Ana Researcher's own; nobody can confirm their own finding."),
                ReviewRules.whyNotReview(own, new Reviewer(" ana researcher ", Role.RESEARCHER), Review.Verdict.CONFIRMED, null));
        Annotation imported = finding(new Finding.Note("event"), BEN, ReviewStatus.SUBMITTED,
                new Annotation.Imported(ANA.name(), "notes.json", "ef".repeat(32), AT, null));
        assertTrue(ReviewRules.whyNotReview(imported, ANA, Review.Verdict.CONFIRMED, null).isPresent(),
                "the importer answers for an imported finding; its file's author is only a claim");
        assertEquals(Optional.empty(), ReviewRules.whyNotReview(imported, BEN, Review.Verdict.CONFIRMED, null));
        assertFalse(ReviewRules.waitsFor(own, ANA));
        assertTrue(ReviewRules.waitsFor(own, BEN));
    }

    @Test
    void onlyASubmittedFindingIsReviewedAndARejectionNeedsAComment() {
        assertEquals(Optional.of("Annotation id-1 is a draft; it is confirmed or rejected once its author submits it."),
                ReviewRules.whyNotReview(injury(ReviewStatus.DRAFT), MIRA, Review.Verdict.CONFIRMED, null));
        assertFalse(ReviewRules.waitsFor(injury(ReviewStatus.DRAFT), MIRA));
        assertEquals(Optional.of("A rejection needs a comment saying why."),
                ReviewRules.whyNotReview(injury(ReviewStatus.SUBMITTED), MIRA, Review.Verdict.REJECTED, " "));
        assertEquals(Optional.empty(), ReviewRules.whyNotReview(injury(ReviewStatus.SUBMITTED), MIRA, Review.Verdict.REJECTED,
                "a shadow"));
        Annotation confirmed = injury(reviewed(Review.Verdict.CONFIRMED, MIRA));
        assertEquals(Optional.of("Annotation id-1 is already confirmed by Dr Mira Expert; withdraw that review first."),
                ReviewRules.whyNotReview(confirmed, new Reviewer("Dr Other", Role.MEDICAL_EXPERT), Review.Verdict.REJECTED, "no"));
    }

    @Test
    void onlyTheAuthorSubmitsTheirDraft() {
        assertEquals(Optional.empty(), ReviewRules.whyNotSubmit(injury(ReviewStatus.DRAFT), ANA));
        assertEquals(Optional.of("Annotation id-1 is Ana Researcher's; only they submit it."),
                ReviewRules.whyNotSubmit(injury(ReviewStatus.DRAFT), BEN));
        assertTrue(ReviewRules.whyNotSubmit(injury(ReviewStatus.SUBMITTED), ANA).isPresent());
    }

    @Test
    void aSealedFindingIsReadOnlyAndUnsealingNeedsTheRoleAndAReason() {
        Annotation confirmed = injury(reviewed(Review.Verdict.CONFIRMED, MIRA));
        assertEquals(Optional.empty(), ReviewRules.whyNotSeal(confirmed, MIRA));
        assertTrue(ReviewRules.whyNotSeal(confirmed, ANA).isPresent(), "an injury is sealed by a medical expert");
        assertTrue(ReviewRules.whyNotSeal(injury(ReviewStatus.SUBMITTED), MIRA).isPresent());
        Annotation sealed = injury(new ReviewStatus(ReviewState.SEALED, confirmed.review(), null));
        for (boolean text : List.of(true, false)) {
            assertEquals(Optional.of("Annotation id-1 is sealed and read-only; unseal it (with a reason) to change it."),
                    ReviewRules.whyNotChange(sealed, ANA, text));
        }
        assertTrue(ReviewRules.whyNotReview(sealed, MIRA, Review.Verdict.REJECTED, "late").isPresent());
        assertTrue(ReviewRules.whyNotWithdraw(sealed, MIRA).isPresent());
        assertEquals(Optional.of("Unsealing needs a reason (--reason TEXT)."), ReviewRules.whyNotUnseal(sealed, MIRA, ""));
        assertTrue(ReviewRules.whyNotUnseal(sealed, BEN, "a typo").isPresent());
        assertEquals(Optional.empty(), ReviewRules.whyNotUnseal(sealed, MIRA, "a typo in the body region"));
        assertTrue(ReviewRules.whyNotUnseal(confirmed, MIRA, "why").isPresent(), "only a sealed finding is unsealed");
    }

    @Test
    void theAuthorsTextIsTheAuthorsAndAReviewedFindingIsTheirsAlone() {
        Annotation submitted = location(ReviewStatus.SUBMITTED);
        assertEquals(Optional.empty(), ReviewRules.whyNotChange(submitted, ANA, true));
        assertEquals(Optional.empty(), ReviewRules.whyNotChange(submitted, BEN, false), "another may retime or draw");
        assertEquals(Optional.of("Annotation id-1 is Ana Researcher's; only they change its observation and interpretation"
                + " (comment through a review instead)."), ReviewRules.whyNotChange(submitted, BEN, true));
        Annotation rejected = location(reviewed(Review.Verdict.REJECTED, BEN));
        assertEquals(Optional.empty(), ReviewRules.whyNotChange(rejected, ANA, true));
        assertTrue(ReviewRules.whyNotChange(rejected, BEN, false).isPresent());
    }

    @Test
    void aStatusHoldsAReviewExactlyWhenItsStateSaysSo() {
        Review confirmation = new Review(Review.Verdict.CONFIRMED, "Dr", null, AT, null);
        assertThrows(IllegalArgumentException.class, () -> new ReviewStatus(ReviewState.SUBMITTED, confirmation, null));
        assertThrows(IllegalArgumentException.class, () -> new ReviewStatus(ReviewState.SEALED, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ReviewStatus(ReviewState.REJECTED, confirmation, null));
        assertEquals(ReviewState.CONFIRMED, ReviewStatus.reviewed(confirmation).state());
    }
}
