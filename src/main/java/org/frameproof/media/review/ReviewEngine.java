package org.frameproof.media.review;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Timecode;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FirstFrame;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaSource;
import org.frameproof.media.PictureOutput;
import org.frameproof.media.PictureSignature;
import org.frameproof.media.Playback;

/**
 * The player without its screen: what a reviewer can do with footage and what follows. Every
 * paused picture is FFmpeg's exact frame, and the frame number published is the frame on screen:
 * the readout and the picture change together when a decoded frame arrives. The {@link Playback}
 * only plays; when it pauses, the engine snaps to the exact frame that looks like the last played
 * picture, looked for near the time playback had reached.
 *
 * <p>Threads: every public method runs on the owner's thread (the FX thread in the workstation),
 * and each change is published there as a new {@link PlayerState}. Files are analysed on the
 * analysis executor; frames are decoded by {@link FrameRequests} on the decoding executor.
 */
public final class ReviewEngine {
    /** Playback speeds offered by {@link #faster()}, {@link #slower()} and the speed menu. */
    public static final List<Double> RATES = List.of(0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0);
    public static final double MAX_ZOOM = PictureZoom.MAX;
    private static final long ONE_SECOND_MICROS = 1_000_000;

    /** Where the engine's work runs; see the class comment. */
    public record Threads(Executor analysis, Executor decoding, Executor owner) {
    }

    private final Playback playback;
    private final PictureOutput output;
    private final FileOpenings openings;
    private final FrameRequests frames;
    private final PictureZoom zoom;
    private final LoopRange loop;
    private final Consumer<PlayerState> published;

    private String fileName = "";
    private Readout readout = Readout.NONE;
    private boolean playing;
    private double rate = 1.0;
    private double indexingProgress = -1;
    private String error = "";
    private String positionMessage = "";

    /** The file on screen and ready to move through; null while a new file's first frame is shown before its index. */
    private ReviewedFile session;
    /** The file that was on screen before a newly opened one's first frame replaced it: back if that opening fails. */
    private ReviewedFile replaced;
    /** The frame last asked for; moves start here, so repeated keys add up before frames arrive. */
    private int target;
    /** Moves made while a pause waits for playback to stop and for the frame it snaps to, applied to that frame. */
    private IntUnaryOperator afterSnap;

    /**
     * @param published receives every new state, on the owner's thread
     */
    public ReviewEngine(MediaAnalyzer analyzer, Playback playback, PictureOutput output, Threads threads,
            long frameCacheBytes, Consumer<PlayerState> published) {
        this.playback = playback;
        this.output = output;
        this.published = published;
        this.zoom = new PictureZoom(playback);
        this.loop = new LoopRange(playback);
        this.openings = new FileOpenings(analyzer, threads.analysis(), threads.decoding(), threads.owner(), new OpeningSteps());
        this.frames = new FrameRequests(threads.decoding(), threads.owner(), frameCacheBytes, new ShownFrames());
        playback.setListener(new PlaybackEvents());
    }

    /** The state as last published. */
    public PlayerState state() {
        return new PlayerState(fileName, session, readout, playing, rate, loop.start(), loop.end(), zoom.factor(), indexingProgress,
                error, positionMessage);
    }

    private void publish() {
        published.accept(state());
    }

    // ---- opening a file

    /**
     * Shows the file's first frame at once and reads its index in the background; moving through
     * the frames starts when the index is ready. If the file cannot be read, the file on screen
     * before stays.
     *
     * @param source a file, or a vault copy named as the reviewer knows it (its original name)
     */
    public void open(MediaSource source) {
        error = "";
        indexingProgress = 0;
        openings.open(source);
        publish();
    }

    /** Stops reading a file that is being opened; the file on screen before it comes back. */
    public void cancelOpening() {
        if (openings.cancel()) {
            indexingProgress = -1;
            putBackReplaced();
            publish();
        }
    }

    /** What the opening of a file comes to, on the owner's thread. */
    private final class OpeningSteps implements FileOpenings.Steps {
        @Override
        public void firstFrame(String name, FirstFrame first) {
            stopPlaying();
            if (session != null) {
                replaced = session;
                session = null;
            }
            fileName = name;
            output.show(first.picture());
            readout = Readout.firstFrame(first.ptsMillis());
            publish();
        }

        @Override
        public void progress(double fraction) {
            indexingProgress = fraction;
            publish();
        }

        @Override
        public void opened(ReviewedFile file) {
            indexingProgress = -1;
            replaced = null;
            loop.forget();
            show(file, 0);
            publish();
        }

        @Override
        public void failed(String message) {
            indexingProgress = -1;
            error = message;
            putBackReplaced();
            publish();
        }
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
            loop.applyTo(previous.index());
        } else if (!fileName.isEmpty()) {
            fileName = "";
            output.clear();
            readout = Readout.NONE;
        }
    }

    private void show(ReviewedFile opened, int frame) {
        stopPlaying();
        session = opened;
        playback.load(opened.source(), opened.analysis().facts());
        fileName = opened.name();
        request(frame);
    }

    private void stopPlaying() {
        afterSnap = null;
        if (playing) {
            playing = false;
            playback.stop();
        }
    }

    // ---- moving through the frames

    public void stepFrames(int count) {
        move(frame -> frame + count);
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

    /**
     * Jumps to a position typed as a frame number, HH:MM:SS.mmm or SMPTE HH:MM:SS:FF, and says
     * whether it could; what is wrong with bad text is published as the position message.
     */
    public boolean goTo(String position) {
        if (session == null) {
            return refusePosition("Open a video first.");
        }
        int frame;
        try {
            frame = Timecode.parsePosition(position, session.index());
        } catch (UserFacingException e) {
            return refusePosition(e.getMessage());
        }
        positionMessage = "";
        move(any -> frame);
        return true;
    }

    private boolean refusePosition(String message) {
        positionMessage = message;
        publish();
        return false;
    }

    /** Moves to the frame at a fraction (0..1) of the footage's time span, as a click or drag on the timeline does. */
    public void scrubTo(double fraction) {
        move(frame -> {
            FrameIndex index = session.index();
            double clamped = Math.max(0, Math.min(1, fraction));
            return index.frameAtRelativeMicros(Math.round(clamped * index.spanMicros()));
        });
    }

    private void move(IntUnaryOperator step) {
        if (session == null) {
            return;
        }
        error = "";
        if (playing) {
            pauseThen(step);
        } else if (afterSnap != null) {
            afterSnap = afterSnap.andThen(step);
        } else {
            request(step.applyAsInt(target));
        }
        publish();
    }

    private void request(int frame) {
        int clamped = Math.max(0, Math.min(session.index().lastFrame(), frame));
        target = clamped;
        frames.want(FrameRequest.exact(session, clamped));
    }

    /** Frames the decoder found, on the owner's thread. */
    private final class ShownFrames implements FrameRequests.Results {
        @Override
        public void decoded(FrameRequest request, DecodedFrame frame) {
            present(request.file(), frame);
            publish();
        }

        @Override
        public void found(FrameRequest request, DecodedFrame frame, boolean clockOff) {
            if (clockOff && request.file() == session) {
                FrameIndex index = request.file().index();
                playback.calibrate(index.relativeMicros(request.frame()), index.relativeMicros(frame.frame()));
            }
            snapped(request.file(), frame.frame(), frame);
            publish();
        }

        @Override
        public void failed(String message) {
            error = message;
            publish();
        }
    }

    private void present(ReviewedFile from, DecodedFrame frame) {
        if (from != session || playing) {
            return;
        }
        output.show(frame);
        readout = Readout.exact(session.index(), frame.frame());
    }

    // ---- playback

    public void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (session == null || playing || afterSnap != null) {
            return;
        }
        FrameIndex index = session.index();
        int from = loop.startFor(target >= index.lastFrame() ? 0 : target);
        // libVLC starts a few frames early, a GOP early in some MOVs: playback shows from the frame on
        // screen when that is where it starts, so the picture does not step back first.
        boolean startsOnScreen = readout.exact() && readout.frame() == from;
        playing = true;
        error = "";
        playback.play(index.relativeMicros(from), startsOnScreen, from - index.keyFrameAtOrBefore(from));
        publish();
    }

    public void pause() {
        if (playing) {
            pauseThen(frame -> frame);
            publish();
        }
    }

    /** Stops playback, then shows the exact frame it had reached, moved by {@code step}. */
    private void pauseThen(IntUnaryOperator step) {
        playing = false;
        if (!readout.exact()) {
            readout = Readout.estimate(session.index(), readout.frame(), "pausing");
        }
        afterSnap = step;
        ReviewedFile paused = session;
        PictureSignature onScreen = output.playedPictureSignature();
        playback.pause(micros -> {
            if (paused != session || afterSnap == null) {
                return;
            }
            int estimate = paused.index().frameNearestRelativeMicros(micros);
            if (onScreen == null) {
                snapped(paused, estimate, null);
                publish();
            } else {
                // Playback's time is within a few frames: the exact frame is the one that looks like the picture.
                frames.want(new FrameRequest(paused, estimate, onScreen,
                        FrameRequests.SNAP_REACH * (int) Math.ceil(Math.max(1, rate))));
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

    /** What playback reports, on the owner's thread. */
    private final class PlaybackEvents implements Playback.Listener {
        @Override
        public void playbackTime(long micros) {
            // The time of the frame just drawn as libVLC's clock reads it when the frame is due, a
            // little before or after its own time: the exact frame is shown as soon as playback pauses.
            if (playing && session != null) {
                int frame = session.index().frameNearestRelativeMicros(micros);
                target = frame;
                readout = Readout.estimate(session.index(), frame, "playing");
                publish();
            }
        }

        @Override
        public void playbackFinished() {
            if (playing) {
                playing = false;
                request(session.index().lastFrame());
                publish();
            }
        }

        @Override
        public void playbackFailed(String message) {
            playing = false;
            error = message;
            // A pause under way still snaps to the frame it stopped on; a new request would replace its search.
            if (session != null && afterSnap == null) {
                request(target);
            }
            publish();
        }
    }

    public void faster() {
        RATES.stream().filter(r -> r > rate + 1e-9).findFirst().ifPresent(this::setRate);
    }

    public void slower() {
        RATES.stream().filter(r -> r < rate - 1e-9).reduce((first, second) -> second).ifPresent(this::setRate);
    }

    public void setRate(double newRate) {
        rate = Math.max(Playback.MIN_RATE, Math.min(Playback.MAX_RATE, newRate));
        playback.setRate(rate);
        publish();
    }

    /** Volume in percent, 0 to 100. */
    public void setVolume(int percent) {
        playback.setVolume(percent);
    }

    public void setMuted(boolean muted) {
        playback.setMuted(muted);
    }

    // ---- loop

    /** Marks the current frame as the start (A) of the looped range. */
    public void markLoopStart() {
        if (session != null) {
            loop.markStart(target, session.index());
            publish();
        }
    }

    /** Marks the current frame as the end (B) of the looped range. */
    public void markLoopEnd() {
        if (session != null) {
            loop.markEnd(target, session.index());
            publish();
        }
    }

    public void clearLoop() {
        loop.forget();
        publish();
    }

    // ---- zoom

    /** The device pixels the picture area has: playback draws at most that large while the whole picture shows. */
    public void setPictureArea(double deviceWidth, double deviceHeight) {
        zoom.area(deviceWidth, deviceHeight);
    }

    /** Multiplies the zoom, kept within 1x..{@value #MAX_ZOOM}x. */
    public void zoomBy(double factor) {
        zoom.by(factor);
        publish();
    }

    public void resetZoom() {
        zoom.reset();
        publish();
    }

    /** Stops playback and releases the decoder; the engine is not used afterwards. */
    public void close() {
        openings.cancel();
        playing = false;
        playback.stop();
        session = null;
        frames.close();
    }
}
