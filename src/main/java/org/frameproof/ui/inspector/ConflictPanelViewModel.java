package org.frameproof.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.WorkSignatures;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.review.ConflictMarks;

/**
 * The inspector's conflict part: when the selected finding was changed both here and by someone
 * else since their common revision (received in a bundle), this store's revision and each received
 * one side by side, with who made and signed each, when, and the fields in which they differ; and
 * keeping one, which {@link BundleService#resolve} records as the reviewer's signed decision.
 */
public final class ConflictPanelViewModel {
    /** "here": what {@code --keep} takes to keep this store's revision. */
    static final String KEEP_HERE = "here";

    /**
     * One revision of the finding in conflict.
     *
     * @param keep what keeping it passes to the service: {@value #KEEP_HERE} or the received revision's number
     * @param title "This store's revision" or "Revision 12, received from NAME"
     * @param details who made and signed it, their fingerprint's first groups, when
     * @param differences where a received revision differs from this store's (empty for this store's own)
     * @param keepLabel the button's text: "Keep this store's" or "Keep NAME's"
     * @param confirmation the question asked before keeping it
     */
    public record Side(String keep, String title, String details, List<RevisionDifferences.Difference> differences,
                       String keepLabel, String confirmation) {
    }

    private final AnnotationSession session;
    private final ConflictMarks marks;
    private final ReadOnlyBooleanWrapper inConflict = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ObservableList<Side> sides = FXCollections.observableArrayList();

    public ConflictPanelViewModel(AnnotationSession session, ConflictMarks marks) {
        this.session = session;
        this.marks = marks;
        session.selectedProperty().addListener((observable, old, selected) -> {
            if (old == null || selected == null || !old.id().equals(selected.id())) {
                result.set("");
            }
            show(selected);
        });
        // A bundle merged, or a conflict resolved, while the finding is on screen.
        marks.ids().addListener((SetChangeListener<String>) change -> {
            Annotation shown = session.selectedProperty().get();
            if (shown != null && shown.id().equals(change.getElementAdded() != null ? change.getElementAdded()
                    : change.getElementRemoved())) {
                show(shown);
            }
        });
    }

    private void show(Annotation shown) {
        List<BundleService.ConflictRevision> revisions = List.of();
        if (shown != null) {
            try {
                revisions = marks.revisions(shown);
            } catch (UserFacingException e) {
                result.set(e.getMessage());
            }
        }
        inConflict.set(!revisions.isEmpty());
        if (revisions.isEmpty()) {
            notice.set("");
            sides.clear();
            return;
        }
        notice.set(notice(revisions));
        sides.setAll(sides(shown, session.signatures(shown).flatMap(AnnotationService.Signatures::latest), revisions));
    }

    /** What the conflict is, naming whoever changed the finding elsewhere. */
    static String notice(List<BundleService.ConflictRevision> revisions) {
        List<String> others = revisions.stream().map(BundleService.ConflictRevision::actor).distinct().toList();
        return "⚠ In conflict: changed here and by " + String.join(" and ", others) + " since your common revision."
                + " Both are kept until a reviewer keeps one; your choice is recorded and signed by you.";
    }

    /**
     * This store's revision of {@code shown} (signed as {@code latest} says), then each received
     * revision with where it differs from this store's.
     */
    static List<Side> sides(Annotation shown, Optional<WorkSignatures.Status> latest,
                            List<BundleService.ConflictRevision> revisions) {
        List<Side> all = new ArrayList<>();
        all.add(here(shown, latest));
        for (BundleService.ConflictRevision revision : revisions) {
            all.add(received(shown, revision));
        }
        return all;
    }

    private static Side here(Annotation shown, Optional<WorkSignatures.Status> latest) {
        String signed = latest.flatMap(WorkSignatures.Status::signer)
                .map(fingerprint -> " · signed by " + latest.get().signerName().orElse("a key not known here")
                        + " · fingerprint " + shortForm(fingerprint))
                .orElse("");
        return new Side(KEEP_HERE, "This store's revision", "By " + shown.author() + signed + " · "
                + ReviewPanelViewModel.when(shown.modifiedAt() == null ? shown.createdAt() : shown.modifiedAt()),
                List.of(), "Keep this store's", "Keep this store's revision of the finding? The revision received from "
                + "the others is set aside (it stays in the store's records). Your choice is recorded and signed by you.");
    }

    private static Side received(Annotation shown, BundleService.ConflictRevision revision) {
        // Whom the others' revision is by: the actor their store recorded, which its signature covers.
        String author = revision.actor();
        String signer = revision.signerName() == null ? "a key not known here" : revision.signerName();
        String signed = signer + " · fingerprint " + shortForm(revision.signer());
        boolean deletes = revision.proposed() == null;
        return new Side(Long.toString(revision.revision()), "Revision " + revision.revision() + ", received from " + author,
                (deletes ? "Deleted" : "Changed") + " by " + revision.actor() + " · signed by " + signed + " · "
                        + ReviewPanelViewModel.when(revision.at()),
                RevisionDifferences.between(shown, revision.proposed()), "Keep " + author + "'s",
                "Keep " + author + "'s revision of the finding" + (deletes ? ", which deletes it" : "")
                        + "? This store's revision is replaced by it, with " + author + "'s signature. Your choice is"
                        + " recorded and signed by you.");
    }

    /** A fingerprint's first two groups of digits: enough to tell two people apart at a glance, not to compare. */
    static String shortForm(String hex) {
        try {
            return shortForm(new Fingerprint(hex));
        } catch (IllegalArgumentException e) {
            return "(none)";
        }
    }

    static String shortForm(Fingerprint fingerprint) {
        String digits = fingerprint.digits();
        return digits.substring(0, 11) + " …";
    }

    /**
     * Keeps {@code side} as the finding, ending its conflict; the service records it. A refusal
     * (a sealed finding, a conflict already resolved elsewhere) is shown in {@link #resultProperty()}.
     *
     * @return true when kept
     */
    public boolean keep(Side side) {
        Annotation shown = session.selectedProperty().get();
        if (shown == null) {
            return false;
        }
        try {
            Optional<Annotation> kept = marks.resolve(shown, side.keep());
            result.set(KEEP_HERE.equals(side.keep()) ? "Kept this store's revision: the conflict is resolved."
                    : kept.isEmpty() ? "Kept the received revision, which deleted the finding: the conflict is resolved."
                    : "Kept revision " + side.keep() + ": the conflict is resolved.");
            show(kept.orElse(null));
            return true;
        } catch (UserFacingException e) {
            result.set(e.getMessage());
            // What was refused may have changed meanwhile (resolved elsewhere): show the finding as it stands.
            marks.refresh();
            show(shown);
            return false;
        }
    }

    /** Whether the selected finding is in conflict. */
    public ReadOnlyBooleanProperty inConflictProperty() {
        return inConflict.getReadOnlyProperty();
    }

    /** What the conflict is, in the reviewer's words; empty when there is none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** This store's revision first, then each received one. */
    public ObservableList<Side> sides() {
        return sides;
    }

    /** What keeping a revision did, or why it was refused. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
