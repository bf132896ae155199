package org.frameproof.domain;

/**
 * The frames an annotation names: one frame (start == end) or an inclusive range, always with
 * those frames' own timestamps so the note survives any player's idea of frame rate.
 */
public record FrameSpan(int startFrame, int endFrame, double startPtsMs, double endPtsMs) {
    public FrameSpan {
        if (startFrame < 0 || endFrame < startFrame) {
            throw new IllegalArgumentException("Invalid frame range " + startFrame + ".." + endFrame);
        }
    }

    /** The span of frames {@code start..end} of a frame index. */
    public static FrameSpan of(FrameIndex index, int start, int end) {
        return new FrameSpan(start, end, index.ptsMillis(start), index.ptsMillis(end));
    }

    public boolean isPoint() {
        return startFrame == endFrame;
    }
}
