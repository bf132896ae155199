package org.frameproof.media;

import java.util.function.LongConsumer;
import org.frameproof.domain.MediaFacts;

/**
 * What the review engine asks of the player that plays footage in real time ({@link VlcPlayback}
 * in the workstation). Every call is made on the engine's owner thread, and the {@link Listener}
 * is called back on it.
 */
public interface Playback {
    /** Rates a reviewer can play at. */
    double MIN_RATE = 0.1;
    double MAX_RATE = 4.0;

    /** What playback reports back, on the owner's thread. */
    interface Listener {
        /**
         * A played frame was drawn; {@code micros} is its time since the first frame as the
         * player's clock puts it, within a frame or two: libVLC does not say which frame it delivers.
         */
        void playbackTime(long micros);

        /** Playback reached the end of the file (and no loop is set). */
        void playbackFinished();

        /** The file could not be played. */
        void playbackFailed(String message);
    }

    void setListener(Listener listener);

    /** Loads a file for playback without playing it. */
    void load(MediaSource media, MediaFacts facts);

    /**
     * A paused picture was found to be the frame at {@code actualMicros} since the first frame,
     * where the player's time had said {@code reportedMicros}: its later reports are read shifted.
     */
    void calibrate(long reportedMicros, long actualMicros);

    /** The device pixels the whole picture is shown in, or 0 for no limit (zoomed in). */
    void limitPictureSize(int width, int height);

    /**
     * Starts playing at a time since the first frame.
     *
     * @param fromPictureOnScreen whether the picture on screen is the exact frame at {@code fromMicros}
     * @param framesAfterKeyFrame how many frames the start is after the key frame before it
     */
    void play(long fromMicros, boolean fromPictureOnScreen, int framesAfterKeyFrame);

    /**
     * Stops playing; {@code whenStopped} receives the time of the played frame that was on screen
     * (microseconds since the first frame), on the owner's thread.
     */
    void pause(LongConsumer whenStopped);

    /** Stops without reporting where: another file is coming, or the player closes. */
    void stop();

    void setRate(double rate);

    /** Volume in percent, 0 to 100. */
    void setVolume(int percent);

    void setMuted(boolean muted);

    /** Plays from {@code startMicros} again whenever playback reaches {@code endMicros}. */
    void setLoop(long startMicros, long endMicros);

    void clearLoop();
}
