package org.frameproof.ui.player;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntUnaryOperator;
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
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FirstFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaSource;
import org.frameproof.media.PictureSignature;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.media.review.FrameRequest;
import org.frameproof.media.review.FrameRequests;
import org.frameproof.media.review.MediaFactRows;
import org.frameproof.media.review.ReviewedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's state and what a reviewer can do with it. Every paused picture is FFmpeg's exact
 * frame, and the frame number printed is the frame on screen: the number, times and pixels change
 * together when a decoded frame arrives. libVLC only plays; when it pauses, the player snaps to the
 * exact frame that looks like libVLC's last picture, looked for near the time libVLC had reached.
 *
 * <p>Frames are decoded by {@link FrameRequests}, newest request first. All methods run on the FX
 * thread.
 */
public final class PlayerViewModel implements VlcPlayback.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(PlayerViewModel.class);

    /** Playback speeds offered by {@link #faster()}, {@link #slower()} and the speed menu. */
    public static final List<Double> RATES = List.of(0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0);
    public static final double MAX_ZOOM = 8;
    private static final long ONE_SECOND_MICROS = 1_000_000;

    private final MediaAnalyzer analyzer;
    private final VlcPlayback playback;
    private final VideoSurface surface;
    private final PlayerThreads threads;
    private final FrameRequests frames;

    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MediaSource> openFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper currentFrame = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper frameCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper("Frame — / —");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("--:--:--.---");
    private final ReadOnlyStringWrapper lastFrameTime = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ptsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keyFrame = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper readoutExact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(1.0);
    private final IntegerProperty volume = new SimpleIntegerProperty(100);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1.0);
    private int pictureAreaWidth;
    private int pictureAreaHeight;
    private final ReadOnlyIntegerWrapper loopStart = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper loopEnd = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<MediaFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper indexingProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper positionMessage = new ReadOnlyStringWrapper("");

    /** The file on screen and ready to move through; null while a new file's first frame is shown before its index. */
    private ReviewedFile session;
    /** The file that was on screen before a newly opened one's first frame replaced it: back if that opening fails. */
    private ReviewedFile replaced;
    /** The frame last asked for; moves start here, so repeated keys add up before frames arrive. */
    private int target;
    /** Moves made while a pause waits for libVLC to stop and for the frame it snaps to, applied to that frame. */
    private IntUnaryOperator afterSnap;
    private Opening opening;

    public PlayerViewModel(MediaAnalyzer analyzer, VlcPlayback playback, VideoSurface surface,
            PlayerThreads threads, long frameCacheBytes) {
        this.analyzer = analyzer;
        this.playback = playback;
        this.surface = surface;
        this.threads = threads;
        this.frames = new FrameRequests(threads.decoding(), threads.fx(), frameCacheBytes, new ShownFrames());
        playback.setListener(this);
        volume.addListener((observable, old, value) -> playback.setVolume(value.intValue()));
        muted.addListener((observable, old, value) -> playback.setMuted(value));
        zoom.addListener((observable, old, value) -> limitPlaybackPicture());
    }

    /** Opens a file named by its own file name (File > Open, the command line). */
    public void open(Path file) {
        open(MediaSource.of(file));
    }

    /**
     * Shows the file's first frame at once and reads its index in the background; moving through
     * the frames starts when the index is ready. If the file cannot be read, the file on screen
     * before stays.
     *
     * @param source a file, or a vault copy named as the reviewer knows it (its original name)
     */
    public void open(MediaSource source) {
        abandonOpening();
        Opening started = new Opening(source, source.name(), new AtomicBoolean());
        opening = started;
        errorMessage.set("");
        indexingProgress.set(0);
        AtomicBoolean cancelled = started.cancelled();
        threads.decoding().execute(() -> decodeFirstFrame(started));
        threads.analysis().execute(() -> analyze(started, cancelled));
    }

    /** Stops reading a file that is being opened; the file on screen before it comes back. */
    public void cancelOpening() {
        if (abandonOpening()) {
            indexingProgress.set(-1);
            putBackReplaced();
        }
    }

    /** Stops the opening under way, if any, and says whether there was one. */
    private boolean abandonOpening() {
        if (opening == null) {
            return false;
        }
        opening.cancelled().set(true);
        opening = null;
        return true;
    }

    /** Decoder thread: frame 0 without the index, skipped when the index came first. */
    private void decodeFirstFrame(Opening wanted) {
        if (wanted.cancelled().get()) {
            return;
        }
        try {
            FirstFrame first = FrameDecoder.firstFrameWithTime(wanted.source());
            threads.fx().execute(() -> showFirstFrame(wanted, first));
        } catch (UserFacingException | RuntimeException e) {
            // The analysis meets the same problem and reports it in the reviewer's words.
            LOG.debug("The first frame could not be decoded ahead of the analysis", e);
        }
    }

    private void showFirstFrame(Opening shown, FirstFrame first) {
        if (shown != opening) {
            return;
        }
        stopPlaying();
        if (session != null) {
            replaced = session;
            session = null;
        }
        loaded.set(false);
        openFile.set(null);
        facts.set(null);
        fileName.set(shown.name());
        frameCount.set(0);
        lastFrameTime.set("");
        surface.show(first.picture());
        currentFrame.set(0);
        positionText.set("Frame 0 / …");
        timeText.set(Timecode.format(0));
        ptsText.set(ptsText(first.ptsMillis()));
        // Unknown until the index says; the key label is shown only for a known key frame.
        keyFrame.set(false);
    }

    /** After a failed or cancelled opening: the file on screen before, at the frame it was on; or nothing. */
    private void putBackReplaced() {
        if (session != null) {
            return;
        }
        if (replaced != null) {
            ReviewedFile previous = replaced;
            replaced = null;
            show(previous, target);
            applyLoop();
        } else if (!fileName.get().isEmpty()) {
            fileName.set("");
            surface.clear();
            currentFrame.set(-1);
            positionText.set("Frame — / —");
            timeText.set("--:--:--.---");
            ptsText.set("");
        }
    }

    private void analyze(Opening analyzed, AtomicBoolean cancelled) {
        MediaSource source = analyzed.source();
        double[] shown = {0};
        try {
            MediaAnalysis analysis = analyzer.analyze(source, fraction -> {
                // Hand on whole percents only, so a fast indexer does not flood the FX thread.
                if (fraction - shown[0] >= 0.01) {
                    shown[0] = fraction;
                    threads.fx().execute(() -> {
                        if (!cancelled.get()) {
                            indexingProgress.set(fraction);
                        }
                    });
                }
            }, cancelled::get);
            threads.fx().execute(() -> {
                if (!cancelled.get()) {
                    // Also tells a first frame still being decoded that it is not needed.
                    cancelled.set(true);
                    opening = null;
                    indexingProgress.set(-1);
                    replaced = null;
                    clearLoop();
                    show(new ReviewedFile(source, analyzed.name(), analysis), 0);
                }
            });
        } catch (CancellationException e) {
            // The reviewer cancelled or opened another file; nothing to report.
            LOG.debug("Opening a video was cancelled");
        } catch (UserFacingException e) {
            failOpening(cancelled, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Opening a video failed unexpectedly", e);
            failOpening(cancelled, "Could not open " + source.name() + ": " + e.getMessage());
        }
    }

    private void failOpening(AtomicBoolean cancelled, String message) {
        threads.fx().execute(() -> {
            if (!cancelled.get()) {
                opening = null;
                indexingProgress.set(-1);
                errorMessage.set(message);
                putBackReplaced();
            }
        });
    }

    private void show(ReviewedFile opened, int frame) {
        stopPlaying();
        session = opened;
        MediaFacts openedFacts = opened.analysis().facts();
        playback.load(opened.source(), openedFacts);
        facts.set(openedFacts);
        fileName.set(opened.name());
        frameCount.set(opened.index().frameCount());
        lastFrameTime.set(Timecode.formatFrame(opened.index(), opened.index().lastFrame()));
        loaded.set(true);
        request(frame);
        openFile.set(opened.source());
    }

    private void stopPlaying() {
        afterSnap = null;
        if (playing.get()) {
            playing.set(false);
            playback.stop();
        }
    }

    // ---- moving through the frames

    public void stepFrames(int frames) {
        move(frame -> frame + frames);
    }

    /** One second forward or back by the frames' own timestamps (variable-rate footage has no fixed count per second). */
    public void stepSeconds(int direction) {
        move(frame -> {
            FrameIndex index = session.index();
            long micros = index.relativeMicros(frame) + direction * ONE_SECOND_MICROS;
            return micros < 0 ? 0 : index.frameAtRelativeMicros(micros);
        });
    }

    public void goToFirst() {
        move(frame -> 0);
    }

    public void goToLast() {
        move(frame -> session.index().lastFrame());
    }

    public void goTo(int frame) {
        move(any -> frame);
    }

    /** Jumps to a position typed as a frame number, HH:MM:SS.mmm or SMPTE HH:MM:SS:FF; bad text sets {@link #positionMessageProperty()}. */
    public boolean goTo(String position) {
        if (session == null) {
            positionMessage.set("Open a video first.");
            return false;
        }
        try {
            int frame = Timecode.parsePosition(position, session.index());
            positionMessage.set("");
            goTo(frame);
            return true;
        } catch (UserFacingException e) {
            positionMessage.set(e.getMessage());
            return false;
        }
    }

    /** Moves to the frame at a fraction (0..1) of the footage's time span, as a click or drag on the timeline does. */
    public void scrubTo(double fraction) {
        move(frame -> {
            FrameIndex index = session.index();
            double clamped = Math.max(0, Math.min(1, fraction));
            return index.frameAtRelativeMicros(Math.round(clamped * index.spanMicros()));
        });
    }

    /** Where a frame lies on the timeline, 0..1 of the footage's time span. */
    public double fractionOf(int frame) {
        if (session == null || frame < 0) {
            return 0;
        }
        FrameIndex index = session.index();
        return index.spanMicros() == 0 ? 0 : (double) index.relativeMicros(frame) / index.spanMicros();
    }

    private void move(IntUnaryOperator step) {
        if (session == null) {
            return;
        }
        if (playing.get()) {
            pauseThen(step);
        } else if (afterSnap != null) {
            afterSnap = afterSnap.andThen(step);
        } else {
            request(step.applyAsInt(target));
        }
    }

    private void request(int frame) {
        int clamped = Math.max(0, Math.min(session.index().lastFrame(), frame));
        target = clamped;
        frames.want(FrameRequest.exact(session, clamped));
    }

    /** Frames the decoder found, on the FX thread. */
    private final class ShownFrames implements FrameRequests.Results {
        @Override
        public void decoded(FrameRequest request, DecodedFrame frame) {
            present(request.file(), frame);
        }

        @Override
        public void found(FrameRequest request, DecodedFrame frame, boolean clockOff) {
            if (clockOff && request.file() == session) {
                FrameIndex index = request.file().index();
                playback.calibrate(index.relativeMicros(request.frame()), index.relativeMicros(frame.frame()));
            }
            snapped(request.file(), frame.frame(), frame);
        }

        @Override
        public void failed(String message) {
            errorMessage.set(message);
        }
    }

    // ---- FX thread again


    private void present(ReviewedFile from, DecodedFrame frame) {
        if (from != session || playing.get()) {
            return;
        }
        surface.show(frame);
        errorMessage.set("");
        printPosition(frame.frame());
    }

    private void printPosition(int frame) {
        FrameIndex index = session.index();
        readoutExact.set(true);
        currentFrame.set(frame);
        positionText.set("Frame " + frame + " / " + index.frameCount());
        timeText.set(Timecode.formatFrame(index, frame));
        ptsText.set(ptsText(index.ptsMillis(frame)));
        keyFrame.set(index.isKeyFrame(frame));
    }

    private static String ptsText(double millis) {
        return String.format(Locale.ROOT, "pts %.3f ms", millis);
    }

    // ---- playback

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (session == null || playing.get() || afterSnap != null) {
            return;
        }
        FrameIndex index = session.index();
        int from = target >= index.lastFrame() ? 0 : target;
        if (loopStart.get() >= 0 && (from < loopStart.get() || from >= loopEnd.get())) {
            from = loopStart.get();
        }
        // libVLC starts a few frames early, a GOP early in some MOVs: playback shows from the frame on
        // screen when that is where it starts, so the picture does not step back first.
        boolean startsOnScreen = readoutExact.get() && currentFrame.get() == from;
        playing.set(true);
        playback.play(index.relativeMicros(from), startsOnScreen, from - index.keyFrameAtOrBefore(from));
    }

    public void pause() {
        if (playing.get()) {
            pauseThen(frame -> frame);
        }
    }

    /** Stops libVLC, then shows the exact frame it had reached, moved by {@code step}. */
    private void pauseThen(IntUnaryOperator step) {
        playing.set(false);
        if (!readoutExact.get()) {
            printEstimate(currentFrame.get(), "pausing");
        }
        afterSnap = step;
        ReviewedFile paused = session;
        PictureSignature onScreen = surface.playedPictureSignature();
        playback.pause(micros -> {
            if (paused != session || afterSnap == null) {
                return;
            }
            int estimate = paused.index().frameNearestRelativeMicros(micros);
            if (onScreen == null) {
                snapped(paused, estimate, null);
            } else {
                // libVLC's time is within a few frames: the exact frame is the one that looks like the picture.
                frames.want(new FrameRequest(paused, estimate, onScreen,
                        FrameRequests.SNAP_REACH * (int) Math.ceil(Math.max(1, rate.get()))));
            }
        });
    }

    /**
     * The exact frame playback stopped on is known: the moves made meanwhile apply from it. When
     * none were made, {@code decoded} is that frame, shown as it is.
     */
    private void snapped(ReviewedFile paused, int frame, DecodedFrame decoded) {
        if (paused != session || afterSnap == null) {
            return;
        }
        IntUnaryOperator moves = afterSnap;
        afterSnap = null;
        int moved = moves.applyAsInt(frame);
        if (decoded != null && moved == frame) {
            target = frame;
            present(paused, decoded);
        } else {
            request(moved);
        }
    }

    @Override
    public void playbackTime(long micros) {
        // The time of the frame just drawn as libVLC's clock reads it when the frame is due, a little
        // before or after its own time: the nearest frame was the one on screen in 390 of 436 draws
        // measured on nine test clips, the last one not after it in about a quarter. The exact frame
        // is shown as soon as playback pauses.
        if (playing.get() && session != null) {
            int frame = session.index().frameNearestRelativeMicros(micros);
            target = frame;
            printEstimate(frame, "playing");
        }
    }

    /** A readout that cannot be taken for an exact one: libVLC does not say which frame it shows. */
    private void printEstimate(int frame, String state) {
        FrameIndex index = session.index();
        readoutExact.set(false);
        currentFrame.set(frame);
        positionText.set("≈ frame " + frame + " / " + index.frameCount() + ", " + state);
        timeText.set("≈ " + Timecode.formatFrame(index, frame));
        ptsText.set("≈ " + ptsText(index.ptsMillis(frame)));
        keyFrame.set(false);
    }

    @Override
    public void playbackFinished() {
        if (playing.get()) {
            playing.set(false);
            request(session.index().lastFrame());
        }
    }

    @Override
    public void playbackFailed(String message) {
        playing.set(false);
        errorMessage.set(message);
        if (session != null) {
            request(target);
        }
    }

    public void faster() {
        RATES.stream().filter(r -> r > rate.get() + 1e-9).findFirst().ifPresent(this::setRate);
    }

    public void slower() {
        RATES.stream().filter(r -> r < rate.get() - 1e-9).reduce((first, second) -> second).ifPresent(this::setRate);
    }

    public void setRate(double newRate) {
        double clamped = Math.max(VlcPlayback.MIN_RATE, Math.min(VlcPlayback.MAX_RATE, newRate));
        rate.set(clamped);
        playback.setRate(clamped);
    }

    public void toggleMute() {
        muted.set(!muted.get());
    }

    // ---- loop

    /** Marks the current frame as the start (A) of the looped range. */
    public void markLoopStart() {
        if (session != null) {
            loopStart.set(target);
            applyLoop();
        }
    }

    /** Marks the current frame as the end (B) of the looped range. */
    public void markLoopEnd() {
        if (session != null) {
            loopEnd.set(target);
            applyLoop();
        }
    }

    public void clearLoop() {
        loopStart.set(-1);
        loopEnd.set(-1);
        playback.clearLoop();
    }

    private void applyLoop() {
        FrameIndex index = session.index();
        if (loopStart.get() >= 0 && loopEnd.get() > loopStart.get()) {
            playback.setLoop(index.relativeMicros(loopStart.get()), index.relativeMicros(loopEnd.get()));
        } else {
            playback.clearLoop();
        }
    }

    // ---- zoom

    /**
     * The device pixels the picture area has: playback draws at most that large (full size while
     * zoomed in), so a reduced picture does not cost full-size copies and scaling on every frame.
     */
    public void setPictureArea(double deviceWidth, double deviceHeight) {
        pictureAreaWidth = (int) Math.ceil(deviceWidth);
        pictureAreaHeight = (int) Math.ceil(deviceHeight);
        limitPlaybackPicture();
    }

    private void limitPlaybackPicture() {
        boolean zoomedIn = zoom.get() > 1;
        playback.limitPictureSize(zoomedIn ? 0 : pictureAreaWidth, zoomedIn ? 0 : pictureAreaHeight);
    }

    /** Multiplies the zoom, kept within 1x..8x. */
    public void zoomBy(double factor) {
        zoom.set(Math.max(1, Math.min(MAX_ZOOM, zoom.get() * factor)));
    }

    public void resetZoom() {
        zoom.set(1);
    }

    // ---- facts

    /** The media facts as label/value rows for the facts panel, in the order a reviewer reads them. */
    public List<Map.Entry<String, String>> factRows() {
        return MediaFactRows.of(fileName.get(), facts.get());
    }

    /** Stops playback and releases the decoder; the view model is not used afterwards. */
    public void close() {
        abandonOpening();
        playing.set(false);
        playback.stop();
        session = null;
        frames.close();
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
        return session == null ? null : session.index();
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

    private record Opening(MediaSource source, String name, AtomicBoolean cancelled) {
    }
}
