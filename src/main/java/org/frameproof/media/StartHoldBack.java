package org.frameproof.media;

import java.nio.IntBuffer;

/**
 * Holds back the frames libVLC plays before the one playback should start on. libVLC starts a few
 * frames early, and from the key frame before in a MOV whose edit list delays its first frame, so
 * a start from the paused picture would first step back. The frames it plays are held back until
 * one looks like the picture that was on screen, for at most as many frames as it can start
 * early: it starts a transport stream, and WebM at times, a few frames late.
 *
 * <p>Threads: {@link #await} runs on the thread that starts playback (the FX thread), before
 * libVLC is asked to start; {@link #judge} runs on libVLC's video output thread.
 */
final class StartHoldBack {
    /**
     * A played picture this close to an exact frame's ({@link PictureSignature#distance}) is taken
     * for that frame: libVLC's picture of a frame lies well within it, the neighbours of moving
     * footage beyond it (docs/decisions/0009-measurements-behind-tuned-constants.md).
     * A neighbour nearer than this differs from the frame by less than two levels of brightness on
     * average: starting on it cannot be seen.
     */
    static final double SAME_PICTURE = 2.0;

    /** What to do with a frame libVLC delivered. */
    enum Verdict {
        /** Not shown: it is from before the start. */
        HOLD,
        /** Shown: nothing is awaited (any more), or no more frames may be held. */
        SHOW,
        /** Shown, and it is the frame playback was asked to start on. */
        START
    }

    /** The picture playback should start on; null once one looked like it (or none is awaited). */
    private volatile PictureSignature awaited;
    /** How many more frames may be held back while {@link #awaited} is awaited. */
    private volatile int framesLeftToHold;
    /** The grid {@link #awaited} is on. */
    private volatile int columns;
    private volatile int rows;

    /**
     * The next frames are held back until one looks like {@code picture} (a signature on a grid of
     * {@code columns x rows}), at most {@code mostFrames} of them; a null picture holds none.
     */
    void await(PictureSignature picture, int columns, int rows, int mostFrames) {
        framesLeftToHold = mostFrames;
        this.columns = columns;
        this.rows = rows;
        awaited = picture;
    }

    /** The verdict on a delivered frame of {@code width x height} pixels, one {@code 0xAARRGGBB} int each. */
    Verdict judge(IntBuffer pixels, int width, int height) {
        PictureSignature picture = awaited;
        if (picture == null || width < columns || height < rows) {
            // Nothing awaited, or the picture area shrank to less than the grid since the start.
            return Verdict.SHOW;
        }
        PictureSignature played = PictureSignature.of(pixels, width, height, columns, rows);
        boolean isTheStart = played.distance(picture) <= SAME_PICTURE;
        if (!isTheStart && framesLeftToHold-- > 0) {
            return Verdict.HOLD;
        }
        awaited = null;
        return isTheStart ? Verdict.START : Verdict.SHOW;
    }
}
