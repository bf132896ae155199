package org.frameproof.ui.timeline;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import org.frameproof.domain.Annotation;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.review.ConflictMarks;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.player.PlayerViewModel;

/**
 * Keeps the lanes in step with the session and the player, and turns what the reviewer does on
 * them into moves and audited changes: a click jumps and selects, an edge drag retimes.
 */
public final class TimelineController implements TimelineLanes.Listener {
    /** A change to this many annotations or more (another footage's, a fresh read) rebuilds the lanes. */
    private static final int REDRAWN_IN_FULL_FROM = 100;
    private final AnnotationSession session;
    private final PlayerViewModel player;
    private final TimelineLanes lanes = new TimelineLanes();

    public TimelineController(AnnotationSession session, ConflictMarks conflicts) {
        this.session = session;
        this.player = session.player();
        lanes.setListener(this);
        player.frameCountProperty().addListener((observable, old, count) -> lanes.setFrameCount(count.intValue()));
        player.currentFrameProperty().addListener((observable, old, frame) -> lanes.setPlayHead(frame.intValue()));
        session.annotations().addListener((ListChangeListener<Annotation>) change -> {
            while (change.next()) {
                if (change.getRemovedSize() + change.getAddedSize() > REDRAWN_IN_FULL_FROM) {
                    lanes.setAnnotations(session.annotations());
                    return;
                }
                lanes.changeAnnotations(change.getRemoved(), change.getAddedSubList());
            }
        });
        conflicts.ids().addListener((InvalidationListener) observable -> lanes.setInConflict(conflicts.ids()));
        lanes.setInConflict(conflicts.ids());
        session.selectedProperty().addListener((observable, old, selected) ->
                lanes.setSelectedId(selected == null ? null : selected.id()));
        InvalidationListener range = observable ->
                lanes.setRange(session.inFrameProperty().get(), session.outFrameProperty().get());
        session.inFrameProperty().addListener(range);
        session.outFrameProperty().addListener(range);
        lanes.setFrameCount(player.frameCountProperty().get());
        lanes.setAnnotations(session.annotations());
        Filmstrip filmstrip = new Filmstrip(TaskExecutor.daemonThread("frameproof-filmstrip"), Platform::runLater,
                lanes::requestLayout);
        player.openFileProperty().addListener((observable, old, file) -> {
            filmstrip.show(file, player.frameIndex());
            lanes.requestLayout();
        });
        filmstrip.show(player.openFileProperty().get(), player.frameIndex());
        lanes.setFilmstrip(filmstrip);
        InvalidationListener pictures = observable ->
                lanes.setPictures(session.veiledProperty().get(), session.grayscaleProperty().get());
        session.veiledProperty().addListener(pictures);
        session.grayscaleProperty().addListener(pictures);
        pictures.invalidated(null);
    }

    public TimelineLanes lanes() {
        return lanes;
    }

    @Override
    public void seek(int frame) {
        player.goTo(frame);
    }

    @Override
    public void select(Annotation annotation) {
        session.select(annotation);
    }

    @Override
    public void retime(Annotation annotation, int startFrame, int endFrame) {
        session.retime(annotation.id(), startFrame, endFrame);
    }
}
