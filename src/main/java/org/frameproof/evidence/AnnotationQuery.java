package org.frameproof.evidence;

import java.util.Set;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;

/**
 * Which annotations to list: those of one footage item or of a whole case, narrowed by filters.
 * A null or empty filter lets everything through. Results come sorted by footage, then by frame.
 *
 * @param footageId the footage item, or null for every item of {@code caseId}
 * @param caseId the case, or null when {@code footageId} is given
 * @param kinds only these kinds (empty: all)
 * @param author only this author's (exact name), or null
 * @param tag only those carrying this tag (exact, after NFC), or null
 * @param confidences only these confidences (empty: all, including none stated)
 * @param reviewStatus only injuries in this medical review status, or null
 * @param limit only this many, the first in that order, or null for all
 */
public record AnnotationQuery(Long footageId, Long caseId, Set<AnnotationKind> kinds, String author, String tag,
        Set<Confidence> confidences, ReviewStatus reviewStatus, Integer limit) {

    /** Where an injury's medical review stands. */
    public enum ReviewStatus { UNREVIEWED, CONFIRMED, REJECTED }

    public AnnotationQuery {
        if ((footageId == null) == (caseId == null)) {
            throw new IllegalArgumentException("Query one footage item or one case");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("A limit lists at least one annotation: " + limit);
        }
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        confidences = confidences == null ? Set.of() : Set.copyOf(confidences);
    }

    /** Every annotation of one footage item. */
    public static AnnotationQuery footage(long footageId) {
        return new AnnotationQuery(footageId, null, Set.of(), null, null, Set.of(), null, null);
    }

    /** Every annotation of every footage item of one case. */
    public static AnnotationQuery inCase(long caseId) {
        return new AnnotationQuery(null, caseId, Set.of(), null, null, Set.of(), null, null);
    }

    public AnnotationQuery withKinds(Set<AnnotationKind> only) {
        return new AnnotationQuery(footageId, caseId, only, author, tag, confidences, reviewStatus, limit);
    }

    public AnnotationQuery withAuthor(String only) {
        return new AnnotationQuery(footageId, caseId, kinds, only, tag, confidences, reviewStatus, limit);
    }

    public AnnotationQuery withTag(String only) {
        return new AnnotationQuery(footageId, caseId, kinds, author, only, confidences, reviewStatus, limit);
    }

    public AnnotationQuery withConfidences(Set<Confidence> only) {
        return new AnnotationQuery(footageId, caseId, kinds, author, tag, only, reviewStatus, limit);
    }

    public AnnotationQuery withReviewStatus(ReviewStatus only) {
        return new AnnotationQuery(footageId, caseId, kinds, author, tag, confidences, only, limit);
    }

    /** The first {@code most} of these annotations (a screen's first page), read without the rest. */
    public AnnotationQuery withLimit(int most) {
        return new AnnotationQuery(footageId, caseId, kinds, author, tag, confidences, reviewStatus, most);
    }
}
