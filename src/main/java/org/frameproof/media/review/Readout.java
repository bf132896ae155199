package org.frameproof.media.review;

import java.util.Locale;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Timecode;

/**
 * What the player prints beside the picture: which frame it is, its time since the first frame and
 * its own timestamp. An exact readout names the frame on screen; an estimate (while libVLC plays,
 * and until a pause has found the exact frame) is marked with "≈", because libVLC does not say
 * which frame it shows.
 *
 * @param frame the frame, -1 when nothing is open
 * @param exact whether {@code frame} is the frame on screen for certain
 * @param position {@code Frame N / total}, or the estimate and what the player is doing
 * @param time time since the first frame, {@code HH:MM:SS.mmm}
 * @param pts the frame's own timestamp as FFmpeg reports it
 * @param keyFrame whether the frame is known to be a key frame
 */
public record Readout(int frame, boolean exact, String position, String time, String pts, boolean keyFrame) {
    /** Nothing is open. */
    public static final Readout NONE = new Readout(-1, true, "Frame — / —", "--:--:--.---", "", false);

    /** A file's first frame, shown before its index says how many frames follow or which are key frames. */
    public static Readout firstFrame(double ptsMillis) {
        return new Readout(0, true, "Frame 0 / …", Timecode.format(0), pts(ptsMillis), false);
    }

    /** The frame on screen. */
    public static Readout exact(FrameIndex index, int frame) {
        return new Readout(frame, true, "Frame " + frame + " / " + index.frameCount(), Timecode.formatFrame(index, frame),
                pts(index.ptsMillis(frame)), index.isKeyFrame(frame));
    }

    /** About the frame on screen while the player is {@code doing} something ("playing", "pausing"). */
    public static Readout estimate(FrameIndex index, int frame, String doing) {
        return new Readout(frame, false, "≈ frame " + frame + " / " + index.frameCount() + ", " + doing,
                "≈ " + Timecode.formatFrame(index, frame), "≈ " + pts(index.ptsMillis(frame)), false);
    }

    private static String pts(double millis) {
        return String.format(Locale.ROOT, "pts %.3f ms", millis);
    }
}
