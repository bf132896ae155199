package org.frameproof.media.review;

import org.frameproof.domain.FrameIndex;
import org.frameproof.media.Playback;

/**
 * The looped range a reviewer marks (A and B, in frames), and what playback is told of it: a loop
 * only once B lies after A. Where playback starts follows it too, so a start outside the range
 * starts at A.
 */
final class LoopRange {
    private final Playback playback;
    private int start = -1;
    private int end = -1;

    LoopRange(Playback playback) {
        this.playback = playback;
    }

    /** The first frame, -1 when none is marked. */
    int start() {
        return start;
    }

    /** The last frame, -1 when none is marked. */
    int end() {
        return end;
    }

    void markStart(int frame, FrameIndex index) {
        start = frame;
        applyTo(index);
    }

    void markEnd(int frame, FrameIndex index) {
        end = frame;
        applyTo(index);
    }

    void forget() {
        start = -1;
        end = -1;
        playback.clearLoop();
    }

    /** Tells playback the range again, in {@code index}'s times: another file came back on screen. */
    void applyTo(FrameIndex index) {
        if (start >= 0 && end > start) {
            playback.setLoop(index.relativeMicros(start), index.relativeMicros(end));
        } else {
            playback.clearLoop();
        }
    }

    /** Where playback asked to start at {@code from} starts: at A when A is marked and {@code from} lies outside the range. */
    int startFor(int from) {
        return start >= 0 && (from < start || from >= end) ? start : from;
    }
}
