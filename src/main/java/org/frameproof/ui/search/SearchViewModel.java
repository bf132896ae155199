package org.frameproof.ui.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.ImageView;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Timecode;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.evidence.FootageService;
import org.frameproof.evidence.SearchHit;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.common.Thumbnails;

/**
 * Full-text search across all cases: the words typed, the hits with where they are (case, footage,
 * frame, time), and opening a hit at its frame. The search runs in the background; a newer search
 * replaces an older one's results.
 */
public final class SearchViewModel {
    static final int MOST_HITS = 500;

    /** One hit as the result list shows it, with its footage item. */
    public record Result(SearchHit hit, String time, Footage footage) {
        public Annotation annotation() {
            return hit.annotation();
        }
    }

    private final AnnotationService service;
    private final FootageService footage;
    private final Thumbnails thumbnails;
    private final AnnotationSession session;
    private final Executor background;
    private final Executor fx;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Result> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Type words to find them in every case.");
    private final AtomicLong latest = new AtomicLong();

    /**
     * @param thumbnails where the results' pictures of their frames come from
     * @param background where the search runs
     * @param fx where its results are shown
     */
    public SearchViewModel(AnnotationService service, FootageService footage, Thumbnails thumbnails, AnnotationSession session,
            Executor background, Executor fx) {
        this.service = service;
        this.footage = footage;
        this.thumbnails = thumbnails;
        this.session = session;
        this.background = background;
        this.fx = fx;
    }

    /** Searches for the words in {@link #queryProperty()}. */
    public void search() {
        String text = query.get();
        long search = latest.incrementAndGet();
        status.set("Searching…");
        background.execute(() -> {
            try {
                List<Result> found = describe(service.search(text, MOST_HITS));
                fx.execute(() -> show(search, found, null));
            } catch (UserFacingException e) {
                fx.execute(() -> show(search, List.of(), e.getMessage()));
            }
        });
    }

    private List<Result> describe(List<SearchHit> hits) throws UserFacingException {
        Map<Long, FrameIndex> indexes = new HashMap<>();
        Map<Long, Footage> items = new HashMap<>();
        List<Result> described = new ArrayList<>();
        for (SearchHit hit : hits) {
            long footageId = hit.annotation().footageId();
            FrameIndex index = indexes.get(footageId);
            if (index == null) {
                index = service.frameIndex(footageId);
                indexes.put(footageId, index);
                items.put(footageId, footage.require(footageId));
            }
            described.add(new Result(hit, Timecode.formatFrame(index, hit.annotation().span().startFrame()), items.get(footageId)));
        }
        return described;
    }

    /** Shows a small picture of the result's first frame, exact (empty until decoded), veiled as its item is. FX thread. */
    public void showPicture(ImageView view, Result result) {
        thumbnails.show(view, result.footage(), result.annotation().span().startFrame());
    }

    private void show(long search, List<Result> found, String problem) {
        if (search != latest.get()) {
            return;
        }
        results.setAll(found);
        status.set(problem != null ? problem : found.isEmpty() ? "Nothing found."
                : found.size() >= MOST_HITS ? "The first " + MOST_HITS + " results." : found.size() == 1 ? "1 result."
                : found.size() + " results.");
    }

    /** Opens the hit's footage at its frame and selects its annotation. */
    public void open(Result result) {
        Annotation annotation = result.annotation();
        session.openFootage(annotation.footageId(), annotation.span().startFrame());
        session.select(annotation);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Result> results() {
        return results;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
