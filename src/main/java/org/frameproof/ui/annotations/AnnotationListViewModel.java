package org.frameproof.ui.annotations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Review;
import org.frameproof.domain.Timecode;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationQuery;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.ui.review.StateGlyph;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.review.ConflictMarks;

/**
 * The table of annotations: of the footage on screen or of its whole case, narrowed by kind,
 * author, tag, confidence and review status. It reads again, on a background thread, whenever the
 * session's annotations change or a filter does. A new query (other footage, the whole case, a
 * filter) first shows its first page, read alone, then all its rows; a change to the session's
 * annotations under the same query reads all rows at once, so the table never shrinks to a page.
 */
public final class AnnotationListViewModel {
    /** Rows read first for a new query: a screenful and then some, without reading all of a hundred thousand. */
    public static final int FIRST_PAGE = 200;

    /**
     * One table row.
     *
     * @param inConflict whether the finding is in conflict with revisions received in a bundle
     */
    public record Row(Annotation annotation, String time, boolean inConflict) {
        /** The review state's glyph, the same as the timeline's and the inspector's, and the conflict's after it. */
        public String glyph() {
            return StateGlyph.of(annotation.status().state()) + (inConflict ? " " + StateGlyph.CONFLICT : "");
        }

        /** The review state in words, with its reviewer once reviewed ("confirmed by Dr X"), and "in conflict". */
        public String state() {
            Review review = annotation.review();
            String by = review == null ? "" : review.verdict().label() + " by " + review.reviewer();
            String state = switch (annotation.status().state()) {
                case DRAFT, SUBMITTED -> annotation.status().state().label();
                case CONFIRMED, REJECTED -> by;
                case SEALED -> "sealed, " + by;
            };
            return inConflict ? state + "; in conflict with revisions received" : state;
        }

        public int frame() {
            return annotation.span().startFrame();
        }

        public String frames() {
            return annotation.span().isPoint() ? Integer.toString(annotation.span().startFrame())
                    : annotation.span().startFrame() + "–" + annotation.span().endFrame();
        }
    }

    private final AnnotationService service;
    private final AnnotationSession session;
    private final ConflictMarks conflicts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty wholeCase = new SimpleBooleanProperty();
    private final ObservableList<AnnotationKind> kinds = FXCollections.observableArrayList();
    private final ObservableList<Confidence> confidences = FXCollections.observableArrayList();
    private final StringProperty author = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final ObjectProperty<StateFilter> status = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    /** Whether something changed while the list was not shown. */
    private boolean stale;
    private final Executor background;
    private final Executor fx;
    /**
     * The newest read: an older one that finishes later is dropped, and one not yet begun when a
     * newer one is asked for is skipped. Written on the FX thread, read on the background one.
     */
    private volatile long latest;
    /** The query of the newest read, or null when nothing is open. */
    private AnnotationQuery query;
    /**
     * The read that began the current query, while its first page may still be shown; 0 once all
     * the query's rows are. A later read of the same query does not hide that first page, as
     * opening footage changes the footage and then the session's annotations, one read each.
     */
    private long firstPageRead;

    /**
     * @param background where the store is read (a case may hold a hundred thousand annotations)
     * @param fx where the rows are shown
     */
    public AnnotationListViewModel(AnnotationService service, AnnotationSession session, ConflictMarks conflicts,
                                   Executor background, Executor fx) {
        this.service = service;
        this.session = session;
        this.conflicts = conflicts;
        this.background = background;
        this.fx = fx;
        InvalidationListener reload = observable -> reload();
        session.annotations().addListener(reload);
        session.footageProperty().addListener(reload);
        wholeCase.addListener(reload);
        kinds.addListener(reload);
        confidences.addListener(reload);
        author.addListener(reload);
        tag.addListener(reload);
        status.addListener(reload);
        conflicts.ids().addListener(reload);
        shown.addListener((observable, was, now) -> {
            if (now && stale) {
                reload();
            }
        });
    }

    /** Reads the rows again with the current filters, off the FX thread; FX thread. Waits while the list is not shown. */
    public void reload() {
        if (!shown.get()) {
            stale = true;
            return;
        }
        stale = false;
        long read = ++latest;
        Footage item = session.footageProperty().get();
        if (item == null) {
            query = null;
            firstPageRead = 0;
            rows.clear();
            summary.set("Open footage from a case to list its annotations.");
            return;
        }
        AnnotationQuery filtered = (wholeCase.get() ? AnnotationQuery.inCase(item.caseId()) : AnnotationQuery.footage(item.id()))
                .withKinds(Set.copyOf(kinds)).withConfidences(Set.copyOf(confidences))
                .withAuthor(blankToNull(author.get())).withTag(blankToNull(tag.get()));
        AnnotationQuery wanted = status.get() == null ? filtered : status.get().narrow(filtered, service.reviewer());
        Set<String> inConflict = Set.copyOf(conflicts.ids());
        boolean conflictsOnly = status.get() == StateFilter.IN_CONFLICT;
        if (wanted.equals(query) || conflictsOnly) {
            // The findings in conflict are picked from all rows: a first page might hold none of them.
            query = wanted;
            background.execute(() -> readAll(read, wanted, inConflict, conflictsOnly));
        } else {
            query = wanted;
            firstPageRead = read;
            background.execute(() -> readFirstPage(read, wanted, inConflict));
        }
    }

    /** Background thread: the first page, then (a separate task, so a newer read can go first) the rest. */
    private void readFirstPage(long read, AnnotationQuery wanted, Set<String> inConflict) {
        try {
            List<Row> page = rows(service, wanted.withLimit(FIRST_PAGE), inConflict);
            if (page.size() < FIRST_PAGE) { // the whole list
                fx.execute(() -> showAll(read, page));
            } else {
                fx.execute(() -> showFirstPage(read, page));
                background.execute(() -> readAll(read, wanted, inConflict, false));
            }
        } catch (UserFacingException e) {
            fx.execute(() -> showFailure(read, e.getMessage()));
        }
    }

    /** Background thread; {@code conflictsOnly} keeps only the rows of findings in conflict. */
    private void readAll(long read, AnnotationQuery wanted, Set<String> inConflict, boolean conflictsOnly) {
        if (read != latest) {
            return;
        }
        try {
            List<Row> all = rows(service, wanted, inConflict);
            List<Row> shown = conflictsOnly ? all.stream().filter(Row::inConflict).toList() : all;
            fx.execute(() -> showAll(read, shown));
        } catch (UserFacingException e) {
            fx.execute(() -> showFailure(read, e.getMessage()));
        }
    }

    /** The rows of a query, each with its frame's time: what the list screen shows (and its benchmark measures). */
    public static List<Row> rows(AnnotationService service, AnnotationQuery query) throws UserFacingException {
        return rows(service, query, Set.of());
    }

    /** As {@link #rows(AnnotationService, AnnotationQuery)}, marking the findings of {@code inConflict}. */
    static List<Row> rows(AnnotationService service, AnnotationQuery query, Set<String> inConflict) throws UserFacingException {
        List<Row> found = new ArrayList<>();
        Map<Long, FrameIndex> indexes = new HashMap<>();
        for (Annotation annotation : service.list(query)) {
            FrameIndex index = indexes.get(annotation.footageId());
            if (index == null) {
                index = service.frameIndex(annotation.footageId());
                indexes.put(annotation.footageId(), index);
            }
            found.add(new Row(annotation, Timecode.formatFrame(index, annotation.span().startFrame()),
                    inConflict.contains(annotation.id())));
        }
        return found;
    }

    private void showFirstPage(long read, List<Row> page) {
        if (read != firstPageRead) {
            return;
        }
        rows.setAll(page);
        summary.set("first " + FIRST_PAGE + " shown, reading the rest…");
    }

    private void showAll(long read, List<Row> all) {
        if (read != latest) {
            return;
        }
        firstPageRead = 0;
        // Replaced in place: the table keeps the selected row and its scroll position when the rows before them are the same.
        rows.setAll(all);
        summary.set(all.size() == 1 ? "1 annotation" : all.size() + " annotations");
    }

    private void showFailure(long read, String message) {
        if (read == latest) {
            summary.set(message);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Opens the row's footage (when another item of the case) at its first frame, and selects it. */
    public void open(Row row) {
        Annotation annotation = row.annotation();
        Footage open = session.footageProperty().get();
        if (open != null && open.id() == annotation.footageId()) {
            session.jumpTo(annotation);
        } else {
            session.openFootage(annotation.footageId(), annotation.span().startFrame());
            session.select(annotation);
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * Whether the list is on screen. While it is not, changes only mark it out of date and it reads
     * when shown again: reading and laying out its rows at every save behind the inspector slowed
     * the first key press of a session (docs/decisions/0009-measurements-behind-tuned-constants.md).
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** True to list the whole case's annotations, false for the footage on screen. */
    public BooleanProperty wholeCaseProperty() {
        return wholeCase;
    }

    /** Only these kinds (none chosen: all). */
    public ObservableList<AnnotationKind> kinds() {
        return kinds;
    }

    public ObservableList<Confidence> confidences() {
        return confidences;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    /** Only findings in one review state, waiting for this reviewer, or in conflict; null for all. */
    public ObjectProperty<StateFilter> statusProperty() {
        return status;
    }

    /** How many rows, or why there are none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
