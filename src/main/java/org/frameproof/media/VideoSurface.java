package org.frameproof.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
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
 * <p>libVLC delivers frames on its video output thread; they are copied to a staging array and
 * handed to the FX thread, where only the newest one is drawn (a slow FX thread skips frames
 * instead of queuing them); each carries libVLC's time for it, reported when it is drawn. Exact
 * frames are drawn on the FX thread directly.
 */
public final class VideoSurface {
    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper pictureVersion = new ReadOnlyLongWrapper();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Object stagingLock = new Object();
    // FX thread only
    private PixelBuffer<IntBuffer> pixels;
    private LongConsumer playbackFrameDrawn = micros -> { };
    // guarded by stagingLock
    private int[] staged = new int[0];
    private int stagedWidth;
    private int stagedHeight;
    private long stagedMicros;
    private boolean stagedFresh;
    private boolean acceptingPlayback;
    private long playbackFramesDelivered;
    private long playbackFramesDrawn;

    /** The picture, replaced by a new image when the frame size changes; null before the first frame. */
    public ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Changes with every frame drawn, also when the pixels change in place in the same image. */
    public ReadOnlyLongProperty pictureVersionProperty() {
        return pictureVersion.getReadOnlyProperty();
    }

    /** Draws an exact frame. FX thread; frames libVLC delivers from now on are dropped until {@link #acceptPlaybackFrames}. */
    public void show(DecodedFrame frame) {
        ignorePlaybackFrames();
        draw(frame.argb(), frame.width(), frame.height());
    }

    /** Shows no picture: nothing is open. FX thread. */
    public void clear() {
        ignorePlaybackFrames();
        pixels = null;
        image.set(null);
    }

    /** Lets libVLC draw again: playback has started. */
    void acceptPlaybackFrames() {
        synchronized (stagingLock) {
            acceptingPlayback = true;
        }
    }

    /** Stops libVLC's frames from reaching the screen, including one already on its way. */
    void ignorePlaybackFrames() {
        synchronized (stagingLock) {
            acceptingPlayback = false;
            stagedFresh = false;
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
            if (staged.length != count) {
                staged = new int[count];
            }
            // RV32 is B,G,R,A in memory: one native-order int is 0xAARRGGBB on little-endian machines.
            nativePixels.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer().get(staged, 0, count);
            stagedWidth = width;
            stagedHeight = height;
            stagedMicros = micros;
            stagedFresh = true;
        }
        if (!flushScheduled.getAndSet(true)) {
            Platform.runLater(this::flushPlaybackFrame);
        }
    }

    private void flushPlaybackFrame() {
        flushScheduled.set(false);
        long drawnMicros;
        synchronized (stagingLock) {
            if (!stagedFresh) {
                return;
            }
            stagedFresh = false;
            draw(staged, stagedWidth, stagedHeight);
            playbackFramesDrawn++;
            drawnMicros = stagedMicros;
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
