package org.frameproof.media.review;

import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.MediaFacts;

/**
 * Everything the player shows, as one immutable snapshot: the {@link ReviewEngine} publishes a new
 * one after each change, so a screen never reads half of a change.
 *
 * @param fileName the name the reviewer knows the file on screen by (a vault copy's original name); empty when none
 * @param file the file open and ready to move through (its index read), null while none is
 * @param readout the frame on screen and what is printed beside it
 * @param playing whether libVLC plays
 * @param rate the playback speed
 * @param loopStart first frame of the looped range, -1 when none is marked
 * @param loopEnd last frame of the looped range, -1 when none is marked
 * @param zoom how far the picture is enlarged, 1 to {@link ReviewEngine#MAX_ZOOM}
 * @param indexingProgress fraction of the index built while a file opens (0..1), -1 when nothing is being opened
 * @param error why the reviewer's last action failed (a file not opened, a frame not decoded, playback
 *     stopped), until the next opening, move or start; empty when all is well
 * @param positionMessage what is wrong with the position last typed; empty when nothing is
 */
public record PlayerState(String fileName, ReviewedFile file, Readout readout, boolean playing, double rate,
        int loopStart, int loopEnd, double zoom, double indexingProgress, String error, String positionMessage) {

    /** The open file's frame index, or null while none is open. */
    public FrameIndex index() {
        return file == null ? null : file.index();
    }

    /** The open file's media facts, or null while none is open. */
    public MediaFacts facts() {
        return file == null ? null : file.analysis().facts();
    }

    /** Where a frame lies on the timeline, 0..1 of the footage's time span (0 while none is open). */
    public double fractionOf(int frame) {
        FrameIndex index = index();
        if (index == null || frame < 0 || index.spanMicros() == 0) {
            return 0;
        }
        return (double) index.relativeMicros(frame) / index.spanMicros();
    }
}
