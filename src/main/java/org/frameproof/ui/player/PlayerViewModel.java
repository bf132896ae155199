package org.frameproof.ui.player;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.image.WritableImage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Timecode;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaSource;
import org.frameproof.media.Playback;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.review.MediaFactRows;
import org.frameproof.media.review.PlayerState;
import org.frameproof.media.review.Readout;
import org.frameproof.media.review.ReviewEngine;
import org.frameproof.media.review.ReviewedFile;

/**
 * The player as the screen binds to it: the {@link ReviewEngine}'s published state as JavaFX
 * properties, and the reviewer's actions handed to the engine. Every paused picture is FFmpeg's
 * exact frame, and the frame number printed is the frame on screen (see the engine). All methods
 * run on the FX thread.
 */
public final class PlayerViewModel {
    private final VideoSurface surface;
    private final ReviewEngine engine;

    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MediaSource> openFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper currentFrame = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper frameCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper lastFrameTime = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ptsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keyFrame = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper readoutExact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(1.0);
    private final IntegerProperty volume = new SimpleIntegerProperty(100);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1.0);
    private final ReadOnlyIntegerWrapper loopStart = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper loopEnd = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<MediaFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper indexingProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper positionMessage = new ReadOnlyStringWrapper("");

    private PlayerState state;
    /** The file whose facts the file's properties show, so they are worked out once per file. */
    private ReviewedFile shownFile;

    public PlayerViewModel(MediaAnalyzer analyzer, Playback playback, VideoSurface surface,
            ReviewEngine.Threads threads, long frameCacheBytes) {
        this.surface = surface;
        this.engine = new ReviewEngine(analyzer, playback, surface, threads, frameCacheBytes, this::show);
        show(engine.state());
        volume.addListener((observable, old, value) -> engine.setVolume(value.intValue()));
        muted.addListener((observable, old, value) -> engine.setMuted(value));
    }

    /** Puts a state the engine published into the properties; the open file last, so its listeners see the rest. */
    private void show(PlayerState published) {
        state = published;
        ReviewedFile file = published.file();
        fileName.set(published.fileName());
        if (file != shownFile) {
            shownFile = file;
            loaded.set(file != null);
            facts.set(published.facts());
            frameCount.set(file == null ? 0 : file.index().frameCount());
            lastFrameTime.set(file == null ? "" : Timecode.formatFrame(file.index(), file.index().lastFrame()));
        }
        Readout readout = published.readout();
        readoutExact.set(readout.exact());
        currentFrame.set(readout.frame());
        positionText.set(readout.position());
        timeText.set(readout.time());
        ptsText.set(readout.pts());
        keyFrame.set(readout.keyFrame());
        playing.set(published.playing());
        rate.set(published.rate());
        zoom.set(published.zoom());
        loopStart.set(published.loopStart());
        loopEnd.set(published.loopEnd());
        indexingProgress.set(published.indexingProgress());
        errorMessage.set(published.error());
        positionMessage.set(published.positionMessage());
        openFile.set(file == null ? null : file.source());
    }

    /** Opens a file named by its own file name (File > Open, the command line). */
    public void open(Path file) {
        engine.open(MediaSource.of(file));
    }

    /**
     * Shows the file's first frame at once and reads its index in the background; if the file
     * cannot be read, the file on screen before stays.
     *
     * @param source a file, or a vault copy named as the reviewer knows it (its original name)
     */
    public void open(MediaSource source) {
        engine.open(source);
    }

    /** Stops reading a file that is being opened; the file on screen before it comes back. */
    public void cancelOpening() {
        engine.cancelOpening();
    }

    public void stepFrames(int frames) {
        engine.stepFrames(frames);
    }

    /** One second forward or back by the frames' own timestamps. */
    public void stepSeconds(int direction) {
        engine.stepSeconds(direction);
    }

    public void goToFirst() {
        engine.goToFirst();
    }

    public void goToLast() {
        engine.goToLast();
    }

    public void goTo(int frame) {
        engine.goTo(frame);
    }

    /** Jumps to a position typed as a frame number, HH:MM:SS.mmm or SMPTE HH:MM:SS:FF; bad text sets {@link #positionMessageProperty()}. */
    public boolean goTo(String position) {
        return engine.goTo(position);
    }

    /** Moves to the frame at a fraction (0..1) of the footage's time span, as a click or drag on the timeline does. */
    public void scrubTo(double fraction) {
        engine.scrubTo(fraction);
    }

    /** Where a frame lies on the timeline, 0..1 of the footage's time span. */
    public double fractionOf(int frame) {
        return state.fractionOf(frame);
    }

    public void togglePlay() {
        engine.togglePlay();
    }

    public void play() {
        engine.play();
    }

    public void pause() {
        engine.pause();
    }

    public void faster() {
        engine.faster();
    }

    public void slower() {
        engine.slower();
    }

    public void setRate(double newRate) {
        engine.setRate(newRate);
    }

    public void toggleMute() {
        muted.set(!muted.get());
    }

    /** Marks the current frame as the start (A) of the looped range. */
    public void markLoopStart() {
        engine.markLoopStart();
    }

    /** Marks the current frame as the end (B) of the looped range. */
    public void markLoopEnd() {
        engine.markLoopEnd();
    }

    public void clearLoop() {
        engine.clearLoop();
    }

    /** The device pixels the picture area has; see {@link ReviewEngine#setPictureArea}. */
    public void setPictureArea(double deviceWidth, double deviceHeight) {
        engine.setPictureArea(deviceWidth, deviceHeight);
    }

    /** Multiplies the zoom, kept within 1x..8x. */
    public void zoomBy(double factor) {
        engine.zoomBy(factor);
    }

    public void resetZoom() {
        engine.resetZoom();
    }

    /** The media facts as label/value rows for the facts panel, in the order a reviewer reads them. */
    public List<Map.Entry<String, String>> factRows() {
        return MediaFactRows.of(fileName.get(), facts.get());
    }

    /** Stops playback and releases the decoder; the view model is not used afterwards. */
    public void close() {
        engine.close();
    }

    // ---- properties

    public ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return surface.imageProperty();
    }

    /** Changes with every frame drawn, also when a frame replaces the last one in the same image. */
    public ReadOnlyLongProperty pictureVersionProperty() {
        return surface.pictureVersionProperty();
    }

    /** The name the reviewer knows the file on screen by (a vault copy's original name); empty when none. */
    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /**
     * The file open and ready to move through (its index read), null while none is; set after the
     * first frame was asked for, so a listener may move on from it.
     */
    public ReadOnlyObjectProperty<MediaSource> openFileProperty() {
        return openFile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The frame on screen, -1 before a file is open. */
    public ReadOnlyIntegerProperty currentFrameProperty() {
        return currentFrame.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty frameCountProperty() {
        return frameCount.getReadOnlyProperty();
    }

    /** {@code Frame N / total}. */
    public ReadOnlyStringProperty positionTextProperty() {
        return positionText.getReadOnlyProperty();
    }

    /** Time since the first frame, {@code HH:MM:SS.mmm}. */
    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    /** Time of the last frame since the first, {@code HH:MM:SS.mmm}: where the timeline ends. */
    public ReadOnlyStringProperty lastFrameTimeProperty() {
        return lastFrameTime.getReadOnlyProperty();
    }

    /** The frame's own timestamp as FFmpeg reports it. */
    public ReadOnlyStringProperty ptsTextProperty() {
        return ptsText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keyFrameProperty() {
        return keyFrame.getReadOnlyProperty();
    }

    /** False while the readout is libVLC's approximate time (playing, or until a pause has snapped to the exact frame). */
    public ReadOnlyBooleanProperty readoutExactProperty() {
        return readoutExact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** Volume in percent, 0..100. */
    public IntegerProperty volumeProperty() {
        return volume;
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** First frame of the looped range, -1 when none is marked. */
    public ReadOnlyIntegerProperty loopStartProperty() {
        return loopStart.getReadOnlyProperty();
    }

    /** Last frame of the looped range, -1 when none is marked. */
    public ReadOnlyIntegerProperty loopEndProperty() {
        return loopEnd.getReadOnlyProperty();
    }

    /** The open file's frame index, or null while none is open. FX thread. */
    public FrameIndex frameIndex() {
        return state.index();
    }

    public ReadOnlyObjectProperty<MediaFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** Fraction of the index built while a file opens (0..1), -1 when nothing is being opened. */
    public ReadOnlyDoubleProperty indexingProgressProperty() {
        return indexingProgress.getReadOnlyProperty();
    }

    /** Why the last file could not be opened or a frame shown; empty when all is well. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** What is wrong with the text typed in the position field; empty when nothing is. */
    public ReadOnlyStringProperty positionMessageProperty() {
        return positionMessage.getReadOnlyProperty();
    }
}
