package org.frameproof.ui.annotations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.frameproof.domain.Finding;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Timecode;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationQuery;
import org.frameproof.evidence.AnnotationService;

/**
 * The table of annotations: of the footage on screen or of its whole case, narrowed by kind,
 * author, tag, confidence and review status. It reads again, on a background thread, whenever the
 * session's annotations change or a filter does.
 */
public final class AnnotationListViewModel {
    /** One table row. */
    public record Row(Annotation annotation, String time, String review) {
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
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty wholeCase = new SimpleBooleanProperty();
    private final ObservableList<AnnotationKind> kinds = FXCollections.observableArrayList();
    private final ObservableList<Confidence> confidences = FXCollections.observableArrayList();
    private final StringProperty author = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final ObjectProperty<AnnotationQuery.ReviewStatus> status = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Executor background;
    private final Executor fx;
    /** The newest read: an older one that finishes later is dropped. */
    private long latest;

    /**
     * @param background where the store is read (a case may hold a hundred thousand annotations)
     * @param fx where the rows are shown
     */
    public AnnotationListViewModel(AnnotationService service, AnnotationSession session, Executor background, Executor fx) {
        this.service = service;
        this.session = session;
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
    }

    /** Reads the rows again with the current filters, off the FX thread; FX thread. */
    public void reload() {
        long read = ++latest;
        Footage item = session.footageProperty().get();
        if (item == null) {
            rows.clear();
            summary.set("Open footage from a case to list its annotations.");
            return;
        }
        AnnotationQuery query = (wholeCase.get() ? AnnotationQuery.inCase(item.caseId()) : AnnotationQuery.footage(item.id()))
                .withKinds(Set.copyOf(kinds)).withConfidences(Set.copyOf(confidences))
                .withAuthor(blankToNull(author.get())).withTag(blankToNull(tag.get())).withReviewStatus(status.get());
        background.execute(() -> {
            try {
                List<Row> found = rows(service, query);
                fx.execute(() -> show(read, found, found.size() == 1 ? "1 annotation" : found.size() + " annotations"));
            } catch (UserFacingException e) {
                fx.execute(() -> show(read, null, e.getMessage()));
            }
        });
    }

    /** The rows of a query, each with its frame's time: what the list screen shows (and its benchmark measures). */
    public static List<Row> rows(AnnotationService service, AnnotationQuery query) throws UserFacingException {
        List<Row> found = new ArrayList<>();
        Map<Long, FrameIndex> indexes = new HashMap<>();
        for (Annotation annotation : service.list(query)) {
            FrameIndex index = indexes.get(annotation.footageId());
            if (index == null) {
                index = service.frameIndex(annotation.footageId());
                indexes.put(annotation.footageId(), index);
            }
            found.add(new Row(annotation, Timecode.formatFrame(index, annotation.span().startFrame()), review(annotation)));
        }
        return found;
    }

    private void show(long read, List<Row> found, String text) {
        if (read != latest) {
            return;
        }
        if (found != null) {
            rows.setAll(found);
        }
        summary.set(text);
    }

    private static String review(Annotation annotation) {
        if (!(annotation.finding() instanceof Finding.Injury injury)) {
            return "";
        }
        return injury.review() == null ? "unreviewed" : injury.review().verdict().name().toLowerCase(Locale.ROOT);
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

    public ObjectProperty<AnnotationQuery.ReviewStatus> statusProperty() {
        return status;
    }

    /** How many rows, or why there are none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
