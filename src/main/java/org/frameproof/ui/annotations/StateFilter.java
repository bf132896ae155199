package org.frameproof.ui.annotations;

import java.util.Set;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.ReviewState;
import org.frameproof.evidence.AnnotationQuery;

/**
 * The list's review filter: what waits for the reviewer at this workstation, one review state, or
 * the findings in conflict with revisions received in a bundle (whatever their state).
 */
public enum StateFilter {
    WAITING_FOR_ME("waiting for me", null),
    IN_CONFLICT("in conflict", null),
    DRAFT("draft", ReviewState.DRAFT),
    SUBMITTED("submitted", ReviewState.SUBMITTED),
    CONFIRMED("confirmed", ReviewState.CONFIRMED),
    REJECTED("rejected", ReviewState.REJECTED),
    SEALED("sealed", ReviewState.SEALED);

    private final String label;
    private final ReviewState state;

    StateFilter(String label, ReviewState state) {
        this.label = label;
        this.state = state;
    }

    public String label() {
        return label;
    }

    /** {@code query} narrowed by this filter, for {@code reviewer}; {@link #IN_CONFLICT} narrows the rows read instead. */
    AnnotationQuery narrow(AnnotationQuery query, Reviewer reviewer) {
        return switch (this) {
            case WAITING_FOR_ME -> query.waitingFor(reviewer);
            case IN_CONFLICT -> query;
            default -> query.withStates(Set.of(state));
        };
    }
}
