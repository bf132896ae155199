package org.frameproof.media;

/**
 * Where the review engine's pictures go ({@link VideoSurface} in the workstation): exact frames
 * it decoded, and what it needs to know of a picture the player played there. Called on the
 * engine's owner thread.
 */
public interface PictureOutput {
    /** Shows an exact frame in place of whatever is shown. */
    void show(DecodedFrame frame);

    /** Shows no picture: nothing is open. */
    void clear();

    /**
     * The signature of the picture shown if the player played it, or null when it is an exact
     * frame, none, or too small to compare: read before playback stops.
     */
    PictureSignature playedPictureSignature();
}
