package org.frameproof.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The one picture the player shows: a JavaFX image over a {@link PixelBuffer} that both libVLC
 * (while playing) and FFmpeg (every paused frame) draw into, so a paused frame replaces the last
 * played one in place.
 *
 * <p>libVLC delivers frames on its video output thread; they are copied into a short queue and
 * drawn on the FX thread one per pulse, oldest first, so that two frames arriving between the same
 * two pulses are both shown (drawing each on arrival lost frames: decision record 0009). A queue that
 * grows past a few frames (a slow FX thread) drops its oldest. Each frame carries libVLC's time
 * for it, reported when it is drawn. Exact frames are drawn on the FX thread directly.
 */
public final class VideoSurface implements PictureOutput {
    /** Frames waiting for a pulse: two absorb the jitter between libVLC's clock and the pulses. */
    private static final int MOST_QUEUED = 3;

    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper pictureVersion = new ReadOnlyLongWrapper();
    private final Object stagingLock = new Object();
    private final AnimationTimer pacer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawNextPlaybackFrame();
        }
    };
    // FX thread only
    private PixelBuffer<IntBuffer> pixels;
    private LongConsumer playbackFrameDrawn = micros -> { };
    /** Whether the picture is one libVLC played (not an exact frame of FFmpeg's). */
    private boolean showingPlayedFrame;
    // guarded by stagingLock
    private final Deque<PlayedFrame> queued = new ArrayDeque<>();
    private final Deque<int[]> spare = new ArrayDeque<>();
    private boolean acceptingPlayback;
    private long playbackFramesDelivered;
    private long playbackFramesDrawn;

    /** A played frame waiting to be drawn. */
    private record PlayedFrame(int[] argb, int width, int height, long micros) {
    }

    /** The picture, replaced by a new image when the frame size changes; null before the first frame. */
    public ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Changes with every frame drawn, also when the pixels change in place in the same image. */
    public ReadOnlyLongProperty pictureVersionProperty() {
        return pictureVersion.getReadOnlyProperty();
    }

    /** Draws an exact frame. FX thread; frames libVLC delivers from now on are dropped until {@link #acceptPlaybackFrames}. */
    @Override
    public void show(DecodedFrame frame) {
        ignorePlaybackFrames();
        draw(frame.argb(), frame.width(), frame.height());
        showingPlayedFrame = false;
    }

    /**
     * The signature of the picture on screen if libVLC played it, or null when it is an exact frame,
     * none, or smaller than the signature's grid (a window shrunk to almost nothing). FX thread:
     * read it before playback stops, to find the exact frame that looks like it.
     */
    @Override
    public PictureSignature playedPictureSignature() {
        boolean large = pixels != null && pixels.getWidth() >= PictureSignature.COLUMNS && pixels.getHeight() >= PictureSignature.ROWS;
        return showingPlayedFrame && large ? PictureSignature.of(pixels.getBuffer(), pixels.getWidth(), pixels.getHeight()) : null;
    }

    /** The signature of the picture on screen on a grid of {@code columns x rows}, or null when there is none. FX thread. */
    PictureSignature pictureSignature(int columns, int rows) {
        return pixels == null ? null
                : PictureSignature.of(pixels.getBuffer(), pixels.getWidth(), pixels.getHeight(), columns, rows);
    }

    /** Shows no picture: nothing is open. FX thread. */
    @Override
    public void clear() {
        ignorePlaybackFrames();
        pixels = null;
        showingPlayedFrame = false;
        image.set(null);
    }

    /** Lets libVLC draw again: playback has started. */
    void acceptPlaybackFrames() {
        synchronized (stagingLock) {
            acceptingPlayback = true;
        }
        if (Platform.isFxApplicationThread()) {
            pacer.start();
        } else {
            Platform.runLater(this::startPacerIfAccepting);
        }
    }

    /** Stops libVLC's frames from reaching the screen, including those already queued. Any thread. */
    void ignorePlaybackFrames() {
        synchronized (stagingLock) {
            acceptingPlayback = false;
            while (!queued.isEmpty()) {
                spare.push(queued.poll().argb());
            }
        }
        // From another thread the pacer stops itself at its next pulse: stopping it later from a
        // queued task could stop a playback started in between.
        if (Platform.isFxApplicationThread()) {
            pacer.stop();
        }
    }

    /** Receives, on the FX thread, the time of each played frame right after it is drawn. */
    void onPlaybackFrameDrawn(LongConsumer drawn) {
        playbackFrameDrawn = drawn;
    }

    /**
     * Called on libVLC's video output thread with a frame of exactly {@code width x height} RV32
     * pixels, and its time in microseconds since the first frame.
     */
    void offerPlaybackFrame(ByteBuffer nativePixels, int width, int height, long micros) {
        synchronized (stagingLock) {
            if (!acceptingPlayback) {
                return;
            }
            playbackFramesDelivered++;
            int count = width * height;
            int[] staged = spare.isEmpty() ? null : spare.pop();
            if (staged == null || staged.length != count) {
                staged = new int[count];
            }
            // RV32 is B,G,R,A in memory: one native-order int is 0xAARRGGBB on little-endian machines.
            nativePixels.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer().get(staged, 0, count);
            queued.add(new PlayedFrame(staged, width, height, micros));
            if (queued.size() > MOST_QUEUED) {
                spare.push(queued.poll().argb());
            }
        }
    }

    private void startPacerIfAccepting() {
        synchronized (stagingLock) {
            if (acceptingPlayback) {
                pacer.start();
            }
        }
    }

    /** One pulse: draws the oldest queued played frame, if any; stops pulsing once playback frames are refused. */
    private void drawNextPlaybackFrame() {
        long drawnMicros;
        synchronized (stagingLock) {
            PlayedFrame next = queued.poll();
            if (next == null) {
                if (!acceptingPlayback) {
                    pacer.stop();
                }
                return;
            }
            draw(next.argb(), next.width(), next.height());
            showingPlayedFrame = true;
            spare.push(next.argb());
            playbackFramesDrawn++;
            drawnMicros = next.micros();
        }
        playbackFrameDrawn.accept(drawnMicros);
    }

    /** Played frames libVLC handed over since this surface was made (the playback benchmark reads it). */
    public long playbackFramesDelivered() {
        synchronized (stagingLock) {
            return playbackFramesDelivered;
        }
    }

    /** Played frames drawn into the picture: fewer than delivered when the FX thread fell behind and skipped some. */
    public long playbackFramesDrawn() {
        synchronized (stagingLock) {
            return playbackFramesDrawn;
        }
    }

    private void draw(int[] argb, int width, int height) {
        // Absolute puts: the GPU pipeline uploads the buffer's remaining() pixels, so its position must stay at 0.
        if (pixels == null || pixels.getWidth() != width || pixels.getHeight() != height) {
            IntBuffer buffer = ByteBuffer.allocateDirect(4 * width * height).order(ByteOrder.nativeOrder()).asIntBuffer();
            buffer.put(0, argb, 0, width * height);
            pixels = new PixelBuffer<>(width, height, buffer, PixelFormat.getIntArgbPreInstance());
            image.set(new WritableImage(pixels));
        } else {
            pixels.updateBuffer(updated -> {
                updated.getBuffer().put(0, argb, 0, width * height);
                return null;
            });
        }
        pictureVersion.set(pictureVersion.get() + 1);
    }
}
