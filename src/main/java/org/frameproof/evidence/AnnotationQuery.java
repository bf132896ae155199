package org.frameproof.evidence;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.ReviewRules;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.Reviewer;

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
 * @param states only findings in these review states (empty: all)
 * @param waitingFor only the submitted findings this reviewer may confirm or reject (not their
 *     own, of a kind their role reviews), or null
 * @param limit only this many, the first in that order, or null for all
 */
public record AnnotationQuery(Long footageId, Long caseId, Set<AnnotationKind> kinds, String author, String tag,
        Set<Confidence> confidences, Set<ReviewState> states, Reviewer waitingFor, Integer limit) {

    public AnnotationQuery {
        if ((footageId == null) == (caseId == null)) {
            throw new IllegalArgumentException("Query one footage item or one case");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("A limit lists at least one annotation: " + limit);
        }
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        confidences = confidences == null ? Set.of() : Set.copyOf(confidences);
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** Every annotation of one footage item. */
    public static AnnotationQuery footage(long footageId) {
        return new AnnotationQuery(footageId, null, Set.of(), null, null, Set.of(), Set.of(), null, null);
    }

    /** Every annotation of every footage item of one case. */
    public static AnnotationQuery inCase(long caseId) {
        return new AnnotationQuery(null, caseId, Set.of(), null, null, Set.of(), Set.of(), null, null);
    }

    public AnnotationQuery withKinds(Set<AnnotationKind> only) {
        return new AnnotationQuery(footageId, caseId, only, author, tag, confidences, states, waitingFor, limit);
    }

    public AnnotationQuery withAuthor(String only) {
        return new AnnotationQuery(footageId, caseId, kinds, only, tag, confidences, states, waitingFor, limit);
    }

    public AnnotationQuery withTag(String only) {
        return new AnnotationQuery(footageId, caseId, kinds, author, only, confidences, states, waitingFor, limit);
    }

    public AnnotationQuery withConfidences(Set<Confidence> only) {
        return new AnnotationQuery(footageId, caseId, kinds, author, tag, only, states, waitingFor, limit);
    }

    public AnnotationQuery withStates(Set<ReviewState> only) {
        return new AnnotationQuery(footageId, caseId, kinds, author, tag, confidences, only, waitingFor, limit);
    }

    /** Only what waits for {@code reviewer}'s review (see {@link ReviewRules#waitsFor}), or everything with null. */
    public AnnotationQuery waitingFor(Reviewer reviewer) {
        return new AnnotationQuery(footageId, caseId, kinds, author, tag, confidences, states, reviewer, limit);
    }

    /**
     * The kinds and states this query reads, with "waiting for" turned into them: submitted, of
     * the kinds the reviewer's role reviews. Empty when nothing can match.
     */
    Optional<AnnotationQuery> narrowed() {
        if (waitingFor == null) {
            return Optional.of(this);
        }
        Set<AnnotationKind> reviewable = EnumSet.noneOf(AnnotationKind.class);
        for (AnnotationKind kind : kinds.isEmpty() ? EnumSet.allOf(AnnotationKind.class) : kinds) {
            if (ReviewRules.reviewingRole(kind) == waitingFor.role()) {
                reviewable.add(kind);
            }
        }
        if (reviewable.isEmpty() || !states.isEmpty() && !states.contains(ReviewState.SUBMITTED)) {
            return Optional.empty();
        }
        return Optional.of(new AnnotationQuery(footageId, caseId, reviewable, author, tag, confidences,
                Set.of(ReviewState.SUBMITTED), waitingFor, limit));
    }

    /** The first {@code most} of these annotations (a screen's first page), read without the rest. */
    public AnnotationQuery withLimit(int most) {
        return new AnnotationQuery(footageId, caseId, kinds, author, tag, confidences, states, waitingFor, most);
    }
}
