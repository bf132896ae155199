package org.frameproof.ui.review;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.BundleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which findings are in conflict with revisions received in a bundle (docs/decisions/0013-bundles.md),
 * for the list, the timeline and the inspector to mark them alike, and ending a conflict through
 * {@link BundleService#resolve}. The ids are read again off the FX thread whenever the session's
 * annotations change (an edit, other footage, a bundle merged) and after a conflict is resolved.
 */
public final class ConflictMarks {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictMarks.class);

    private final BundleService bundles;
    private final AnnotationSession session;
    private final Executor background;
    private final Executor fx;
    private final ObservableSet<String> ids = FXCollections.observableSet();

    /**
     * @param background where the ids are read
     * @param fx where they are shown
     */
    public ConflictMarks(BundleService bundles, AnnotationSession session, Executor background, Executor fx) {
        this.bundles = bundles;
        this.session = session;
        this.background = background;
        this.fx = fx;
        session.annotations().addListener((InvalidationListener) observable -> refresh());
        refresh();
    }

    /** Reads the ids in conflict again, off the FX thread; FX thread. */
    public void refresh() {
        background.execute(() -> {
            try {
                Set<String> read = bundles.inConflict();
                fx.execute(() -> {
                    ids.retainAll(read);
                    ids.addAll(read);
                });
            } catch (UserFacingException e) {
                // The marks stay as they were; the inspector reads a finding's conflict itself when it shows it.
                LOG.warn("Could not read which findings are in conflict", e);
            }
        });
    }

    /** The received revisions {@code finding} is in conflict with; empty when it is in none. */
    public List<BundleService.ConflictRevision> revisions(Annotation finding) throws UserFacingException {
        return bundles.conflicts(List.of(finding.id())).getOrDefault(finding.id(), List.of());
    }

    /**
     * Ends {@code finding}'s conflict by keeping {@code keep} ("here" or a received revision's
     * number; recorded and signed by the service), then reads the annotations and the marks again.
     *
     * @return the finding as kept, empty when the kept revision deleted it
     */
    public Optional<Annotation> resolve(Annotation finding, String keep) throws UserFacingException {
        Optional<Annotation> kept = bundles.resolve(finding.id(), keep);
        session.reload();
        refresh();
        return kept;
    }

    /** The ids of the findings in conflict in this store; FX thread. */
    public ObservableSet<String> ids() {
        return ids;
    }

    public boolean contains(Annotation finding) {
        return finding != null && ids.contains(finding.id());
    }
}
