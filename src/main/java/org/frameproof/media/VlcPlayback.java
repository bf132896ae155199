package org.frameproof.media;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import org.frameproof.domain.MediaFacts;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.InfoApi;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * Real-time playback through libVLC: sound, speed, volume, a looped range. libVLC cannot say which
 * frame it shows once paused, so it only plays; every paused picture comes from FFmpeg.
 *
 * <p>One instance serves the whole app (one libVLC instance, one player, one surface), loading
 * each opened file in turn. Every call into libVLC goes through the player's own task queue, in
 * the order the calls were made, and never from one of libVLC's event threads. Listener calls
 * arrive on the FX thread.
 *
 * <p>Threads: the public methods run on the FX thread ({@link #pictureCounts} and {@link #close}
 * on any); libVLC's video output thread delivers frames ({@link SurfaceRenderer}), asking the
 * {@link StartHoldBack} whether to show each and the {@link PlaybackClock} for its time; libVLC's
 * event thread reports times, the end and errors ({@link Events}); libVLC itself is called only in
 * the player's task queue.
 */
public final class VlcPlayback implements Playback, AutoCloseable {
    /** libVLC starts H.264 with B-frames, HEVC and MPEG-4 part 2 up to this many frames before the time asked. */
    private static final int MOST_FRAMES_EARLY = 4;

    /** libVLC's own counts for the file it plays (they restart with each start): pictures decoded, displayed, lost. */
    public record PictureCounts(int decoded, int displayed, int lost) {
    }

    /** Where the sound goes. */
    public enum AudioOutput {
        /** The system's default device. */
        SYSTEM,
        /** Nowhere: for machines without a sound device, and tests. */
        NONE;

        /** NONE when the system property {@code frameproof.audio} says {@code none}, or no sound device is found. */
        public static AudioOutput detect() {
            if ("none".equalsIgnoreCase(System.getProperty("frameproof.audio", ""))) {
                return NONE;
            }
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            boolean soundServer = System.getenv("PULSE_SERVER") != null
                    || runtime != null && (Files.exists(Path.of(runtime, "pulse", "native"))
                    || Files.exists(Path.of(runtime, "pipewire-0")));
            return soundServer || Files.isDirectory(Path.of("/dev/snd")) ? SYSTEM : NONE;
        }
    }

    // Strong references: libVLC calls back into these; if they were collected the JVM would crash.
    private final MediaPlayerFactory factory;
    private final EmbeddedMediaPlayer player;
    private final CallbackVideoSurface callbackSurface;
    private final VideoSurface surface;
    private volatile Listener listener;
    private final PlaybackClock clock = new PlaybackClock(System::nanoTime);
    private final StartHoldBack holdBack = new StartHoldBack();

    // Written by the caller's thread, read in the player's task queue.
    private volatile MediaSource source;
    /**
     * The callback media libVLC reads a non-file source through, strongly referenced while libVLC may
     * call it; written in the player's task queue, read on libVLC's event thread.
     */
    private volatile SourceMedia callbackMedia;
    /**
     * The demuxer libVLC is told to use on media callbacks, or null for its own choice. Its
     * transport-stream demuxer seeks by time only in input that says it seeks fast, which callbacks
     * cannot say, so it would ignore the start time; FFmpeg's demuxer inside libVLC seeks there.
     */
    private volatile String callbackDemuxer;
    private volatile int visibleWidth;
    private volatile int visibleHeight;
    /** Whether libVLC starts from the key frame before the time asked (a MOV whose edit list delays its first frame). */
    private volatile boolean startsFromKeyFrame;
    private volatile int areaWidth;
    private volatile int areaHeight;
    private volatile long loopStartMicros = -1;
    private volatile long loopEndMicros = -1;
    private volatile int volumePercent = 100;
    private volatile boolean muted;
    // Set while a jump back to the loop's start is queued, so later frames do not queue more.
    private volatile boolean rewinding;

    public VlcPlayback(VideoSurface surface, AudioOutput audio) {
        this.surface = surface;
        List<String> options = new ArrayList<>(List.of(
                // Without it a paused step or seek shows nothing.
                "--no-drop-late-frames",
                // VA-API probing on every start costs time and prints noise; FFmpeg's software decoder is exact.
                "--avcodec-hw=none",
                "--no-video-title-show",
                "--no-snapshot-preview",
                "--quiet"));
        if (audio == AudioOutput.NONE) {
            options.add("--aout=adummy");
        }
        factory = new MediaPlayerFactory(options);
        player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        callbackSurface = factory.videoSurfaces().newVideoSurface(new VisibleSizeFormat(), new SurfaceRenderer(), true);
        player.videoSurface().set(callbackSurface);
        player.events().addMediaPlayerEventListener(new Events());
        surface.onPlaybackFrameDrawn(this::frameDrawn);
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /**
     * Loads a file for playback without playing it. Its facts give the size FFmpeg displays
     * (libVLC offers a padded buffer and would stretch the picture into it) and where libVLC's
     * reported time starts: for MP4 and MOV at the movie's start, so a first frame an edit list
     * delays is reported at its delay (start times still count from the first frame, and playback
     * starts from the key frame before); elsewhere at the first frame, as far as known (a transport
     * stream's may count from before it: {@link #calibrate} learns that at the first pause). The
     * measurements: {@code docs/decisions/0009-measurements-behind-tuned-constants.md}. A plain file libVLC reads itself; other sources through its media
     * callbacks, so their bytes never reach a file.
     */
    @Override
    public void load(MediaSource media, MediaFacts facts) {
        stop();
        source = media;
        visibleWidth = facts.width();
        visibleHeight = facts.height();
        callbackDemuxer = "mpegts".equals(facts.container()) ? ":demux=avformat" : null;
        long reportOffsetMicros = facts.container().startsWith("mov,mp4") ? Math.round(facts.startTimeMs() * 1000) : 0;
        clock.load(reportOffsetMicros);
        // It seeks such a file by the media's own times and drops what is before the start by the movie's.
        startsFromKeyFrame = reportOffsetMicros > 0;
        clearLoop();
    }

    /**
     * A paused picture was found to be the frame at {@code actualMicros} since the first frame,
     * where libVLC's time had said {@code reportedMicros}: its later reports are read shifted by
     * the difference, until another file is loaded.
     */
    @Override
    public void calibrate(long reportedMicros, long actualMicros) {
        clock.calibrate(reportedMicros, actualMicros);
    }

    /**
     * The device pixels the whole picture is shown in, or 0 for no limit (zoomed in): the next
     * playback has libVLC scale its frames down to fit, so a picture shown reduced costs neither
     * copies of full-size frames nor JavaFX's software scaling of them. Paused frames are FFmpeg's
     * at full size whatever this says.
     */
    @Override
    public void limitPictureSize(int width, int height) {
        areaWidth = Math.max(0, width);
        areaHeight = Math.max(0, height);
    }

    /** Starts playing at a time since the first frame. */
    public void play(long fromMicros) {
        play(fromMicros, false, 0);
    }

    /**
     * Starts playing at a time since the first frame, showing nothing before the frame on screen
     * now: libVLC starts up to {@value #MOST_FRAMES_EARLY} frames early, and from the key frame
     * before in a MOV whose edit list delays its first frame (decision record 0009). See
     * {@link StartHoldBack}.
     *
     * @param fromPictureOnScreen whether the picture on screen is the exact frame at
     *     {@code fromMicros}; when not, every frame libVLC plays is shown
     * @param framesAfterKeyFrame how many frames the start is after the key frame before it
     */
    @Override
    public void play(long fromMicros, boolean fromPictureOnScreen, int framesAfterKeyFrame) {
        MediaSource media = source;
        if (media == null) {
            return;
        }
        surface.acceptPlaybackFrames();
        clock.start(fromMicros);
        // Compared on a grid as coarse as libVLC's picture will need (see PictureSignature.columnsFor).
        int[] played = playedSize(visibleWidth, visibleHeight);
        int columns = PictureSignature.columnsFor(played[0]);
        int rows = PictureSignature.rowsFor(played[1]);
        holdBack.await(fromPictureOnScreen ? surface.pictureSignature(columns, rows) : null, columns, rows,
                MOST_FRAMES_EARLY + (startsFromKeyFrame ? framesAfterKeyFrame : 0));
        player.submit(() -> startAt(media, fromMicros));
    }

    /**
     * Stops playing; {@code whenStopped} receives the time of the played frame that was on screen
     * (microseconds since the first frame), on the FX thread. Call on the FX thread. No played
     * frame reaches the surface after this call.
     */
    @Override
    public void pause(LongConsumer whenStopped) {
        surface.ignorePlaybackFrames();
        clock.paused();
        long shown = clock.drawnMicros();
        player.submit(() -> {
            long libVlcMillis = player.status().time();
            player.controls().stop();
            long at = clock.stoppedAt(libVlcMillis, shown);
            Platform.runLater(() -> whenStopped.accept(at));
        });
    }

    /** Stops without reporting where: another file is coming, or the app closes. */
    @Override
    public void stop() {
        surface.ignorePlaybackFrames();
        player.submit(() -> player.controls().stop());
    }

    @Override
    public void setRate(double newRate) {
        float rate = (float) Math.max(MIN_RATE, Math.min(MAX_RATE, newRate));
        clock.setRate(rate);
        player.submit(() -> player.controls().setRate(rate));
    }

    /** Volume in percent, 0 to 100. */
    @Override
    public void setVolume(int percent) {
        volumePercent = Math.max(0, Math.min(100, percent));
        player.submit(this::applyAudioSettings);
    }

    @Override
    public void setMuted(boolean mute) {
        muted = mute;
        player.submit(this::applyAudioSettings);
    }

    /** Plays from {@code startMicros} again whenever playback reaches {@code endMicros}. */
    @Override
    public void setLoop(long startMicros, long endMicros) {
        if (endMicros <= startMicros) {
            throw new IllegalArgumentException("A loop must end after it starts");
        }
        loopStartMicros = startMicros;
        loopEndMicros = endMicros;
    }

    @Override
    public void clearLoop() {
        loopStartMicros = -1;
        loopEndMicros = -1;
    }

    /** libVLC's picture counts for the current playback; waits for the player's task queue. */
    public PictureCounts pictureCounts() {
        CompletableFuture<PictureCounts> counts = new CompletableFuture<>();
        player.submit(() -> {
            InfoApi info = player.media().info();
            MediaStatistics statistics = info == null ? null : info.statistics();
            counts.complete(statistics == null ? new PictureCounts(0, 0, 0)
                    : new PictureCounts(statistics.decodedVideo(), statistics.picturesDisplayed(), statistics.picturesLost()));
        });
        return counts.join();
    }

    @Override
    public void close() {
        listener = null;
        surface.ignorePlaybackFrames();
        player.controls().stop();
        player.release();
        factory.release();
    }

    private void startAt(MediaSource media, long fromMicros) {
        // A fresh start at the wanted time: libVLC's own seeks while paused land early on B-frames.
        String startTime = String.format(Locale.ROOT, ":start-time=%.3f", fromMicros / 1_000_000.0);
        player.controls().setRate(clock.rate());
        boolean started;
        if (media.file().isPresent()) {
            started = player.media().play(media.file().get().toString(), startTime);
        } else {
            // libVLC may still close the media it played before while it takes this one.
            SourceMedia previous = callbackMedia;
            SourceMedia callbacks = new SourceMedia(media);
            callbackMedia = callbacks;
            started = callbackDemuxer == null ? player.media().play(callbacks, startTime)
                    : player.media().play(callbacks, startTime, callbackDemuxer);
            Reference.reachabilityFence(previous);
        }
        if (!started) {
            Platform.runLater(() -> notifyFailed(cannotPlay(media)));
        }
    }

    /** Why libVLC could not play {@code media}, in the reviewer's words. */
    private String cannotPlay(MediaSource media) {
        SourceMedia callbacks = callbackMedia;
        if (media == null) {
            return "libVLC could not play this file.";
        }
        if (media.file().isEmpty() && callbacks != null && callbacks.failure() != null) {
            return media.name() + ": cannot be read (" + callbacks.failure().getMessage() + ")";
        }
        return "libVLC could not play " + media.name() + ".";
    }

    private void rewindToLoopStart() {
        clock.restartAt(loopStartMicros);
        player.controls().setTime(loopStartMicros / 1000);
        rewinding = false;
    }

    private void frameDrawn(long micros) {
        clock.frameDrawn(micros);
        Listener current = listener;
        if (current != null) {
            current.playbackTime(micros);
        }
    }

    private void applyAudioSettings() {
        player.audio().setMute(muted);
        player.audio().setVolume(volumePercent);
    }

    private void notifyFailed(String message) {
        Listener current = listener;
        if (current != null) {
            current.playbackFailed(message);
        }
    }

    /** The size libVLC is asked to deliver frames of {@code width x height} at: reduced to fit the picture's area. */
    private int[] playedSize(int width, int height) {
        int limitWidth = areaWidth;
        int limitHeight = areaHeight;
        if (limitWidth > 0 && limitHeight > 0 && (width > limitWidth || height > limitHeight)) {
            double scale = Math.min((double) limitWidth / width, (double) limitHeight / height);
            // Rows of whole 32-byte units and an even height keep libVLC's scaler on its fast paths;
            // the view stretches the picture back to the frame's own aspect.
            return new int[] {Math.max(8, (int) Math.round(width * scale) & ~7), Math.max(2, (int) Math.round(height * scale) & ~1)};
        }
        return new int[] {width, height};
    }

    /**
     * Asks libVLC for the size FFmpeg displays, not the padded one it offers, reduced to fit the
     * area the picture is shown in ({@link #limitPictureSize}).
     */
    private final class VisibleSizeFormat implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int offeredWidth, int offeredHeight) {
            int[] size = playedSize(visibleWidth > 0 ? visibleWidth : offeredWidth,
                    visibleHeight > 0 ? visibleHeight : offeredHeight);
            return new RV32BufferFormat(size[0], size[1]);
        }

        @Override
        public void newFormatSize(int bufferWidth, int bufferHeight, int displayWidth, int displayHeight) {
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
        }
    }

    private final class SurfaceRenderer implements RenderCallback {
        @Override
        public void lock(MediaPlayer mediaPlayer) {
        }

        @Override
        public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat format,
                int displayWidth, int displayHeight) {
            // libVLC calls this when the picture is due on screen; it does not say which frame it is.
            IntBuffer pixels = nativeBuffers[0].duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
            StartHoldBack.Verdict verdict = holdBack.judge(pixels, format.getWidth(), format.getHeight());
            if (verdict == StartHoldBack.Verdict.HOLD) {
                return;
            }
            if (verdict == StartHoldBack.Verdict.START) {
                // A report of libVLC's may have come while frames were held back: this frame is the start.
                clock.restartAtStart();
            }
            long micros = clock.frameDeliveredMicros();
            long loopEnd = loopEndMicros;
            if (loopEnd > 0 && micros > loopEnd) {
                // Frames after the loop's end are not shown, and the jump back is queued once.
                if (!rewinding) {
                    rewinding = true;
                    mediaPlayer.submit(VlcPlayback.this::rewindToLoopStart);
                }
                return;
            }
            surface.offerPlaybackFrame(nativeBuffers[0], format.getWidth(), format.getHeight(), micros);
        }

        @Override
        public void unlock(MediaPlayer mediaPlayer) {
        }
    }

    /** libVLC's event thread: record, hand on to the FX thread or the task queue, never call libVLC here. */
    private final class Events extends MediaPlayerEventAdapter {
        @Override
        public void playing(MediaPlayer mediaPlayer) {
            mediaPlayer.submit(VlcPlayback.this::applyAudioSettings);
        }

        @Override
        public void timeChanged(MediaPlayer mediaPlayer, long newTimeMillis) {
            // libVLC reports its time seldom, each time true for the frame then on screen (decision record 0009).
            long micros = clock.sinceFirstFrame(newTimeMillis);
            long loopEnd = loopEndMicros;
            // A time past the loop's end is from before the jump back to its start.
            if (!rewinding && (loopEnd <= 0 || micros <= loopEnd)) {
                clock.reported(micros);
            }
        }

        @Override
        public void finished(MediaPlayer mediaPlayer) {
            long loopEnd = loopEndMicros;
            if (loopEnd > 0) {
                MediaSource media = source;
                long loopStart = loopStartMicros;
                clock.restartAt(loopStart);
                mediaPlayer.submit(() -> startAt(media, loopStart));
                return;
            }
            surface.ignorePlaybackFrames();
            Platform.runLater(() -> {
                Listener current = listener;
                if (current != null) {
                    current.playbackFinished();
                }
            });
        }

        @Override
        public void error(MediaPlayer mediaPlayer) {
            surface.ignorePlaybackFrames();
            String message = cannotPlay(source);
            Platform.runLater(() -> notifyFailed(message));
        }
    }
}
