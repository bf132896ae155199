package org.frameproof.domain;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Every frame of a video stream in presentation order: its own timestamp and whether it is a key
 * frame. Frame N is the N-th frame shown (0-based); its time is its own timestamp, never N / fps,
 * because phone footage has a variable frame rate.
 *
 * <p>Timestamps are kept as FFmpeg reports them (integer ticks of the stream's time base) so that
 * nothing is rounded until it is shown.
 */
public final class FrameIndex {
    private final long[] pts;
    private final BitSet keyFrames;
    private final long timeBaseNumerator;
    private final long timeBaseDenominator;

    /**
     * @param pts presentation timestamps in stream time-base ticks, strictly increasing
     * @param keyFrames bit N set when frame N is a key frame
     */
    public FrameIndex(long[] pts, BitSet keyFrames, long timeBaseNumerator, long timeBaseDenominator) {
        if (pts.length == 0) {
            throw new IllegalArgumentException("A frame index needs at least one frame");
        }
        if (timeBaseNumerator <= 0 || timeBaseDenominator <= 0) {
            throw new IllegalArgumentException("Invalid time base " + timeBaseNumerator + "/" + timeBaseDenominator);
        }
        for (int i = 1; i < pts.length; i++) {
            if (pts[i] <= pts[i - 1]) {
                throw new IllegalArgumentException("Timestamps must increase: frame " + i + " has " + pts[i]
                        + " after " + pts[i - 1]);
            }
        }
        this.pts = pts.clone();
        this.keyFrames = (BitSet) keyFrames.clone();
        this.timeBaseNumerator = timeBaseNumerator;
        this.timeBaseDenominator = timeBaseDenominator;
    }

    public int frameCount() {
        return pts.length;
    }

    public int lastFrame() {
        return pts.length - 1;
    }

    /** The frame's own timestamp in stream ticks, as FFmpeg reports it. */
    public long pts(int frame) {
        return pts[checked(frame)];
    }

    /** The frame whose own timestamp is {@code pts} (stream ticks), or -1 when no frame has it. */
    public int frameWithPts(long pts) {
        int frame = Arrays.binarySearch(this.pts, pts);
        return frame < 0 ? -1 : frame;
    }

    public long timeBaseNumerator() {
        return timeBaseNumerator;
    }

    public long timeBaseDenominator() {
        return timeBaseDenominator;
    }

    /** The frame's own timestamp in milliseconds (a transport stream may start at 11.4 s). */
    public double ptsMillis(int frame) {
        return ticksToMillis(pts(frame));
    }

    /** Time since the first frame, in microseconds, rounded to the nearest microsecond. */
    public long relativeMicros(int frame) {
        return Math.round(ticksToMillis(pts(frame) - pts[0]) * 1000.0);
    }

    public boolean isKeyFrame(int frame) {
        return keyFrames.get(checked(frame));
    }

    /** The key frame a decoder must start from to reach {@code frame}. */
    public int keyFrameAtOrBefore(int frame) {
        int key = keyFrames.previousSetBit(checked(frame));
        // Streams whose first frame is not flagged key (open-GOP starts) decode from the beginning.
        return Math.max(key, 0);
    }

    /**
     * The frame on screen at a time since the first frame: the last one whose time, as
     * {@link #relativeMicros} prints it, is not after it. Comparing the printed times keeps a
     * round trip exact: {@code frameAtRelativeMicros(relativeMicros(n)) == n}.
     */
    public int frameAtRelativeMicros(long micros) {
        int low = 0;
        int high = lastFrame();
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (relativeMicros(middle) <= micros) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /**
     * The frame whose time since the first frame is nearest to {@code micros}: for a clock that
     * reads a frame's time when it is due, give or take a little either way.
     */
    public int frameNearestRelativeMicros(long micros) {
        int before = frameAtRelativeMicros(micros);
        if (before == lastFrame()) {
            return before;
        }
        return micros - relativeMicros(before) < relativeMicros(before + 1) - micros ? before : before + 1;
    }

    /** Duration from the first frame's timestamp to the last frame's, in microseconds. */
    public long spanMicros() {
        return relativeMicros(lastFrame());
    }

    /** Frames per second over the whole stream (first to last timestamp). */
    public double averageFrameRate() {
        if (pts.length < 2) {
            return 0;
        }
        return lastFrame() / (spanMicros() / 1_000_000.0);
    }

    /**
     * Whether frame durations differ by more than 1% of the median duration; such footage has no
     * meaningful SMPTE frame count per second.
     */
    public boolean variableFrameRate() {
        if (pts.length < 3) {
            return false;
        }
        long[] durations = new long[pts.length - 1];
        for (int i = 1; i < pts.length; i++) {
            durations[i - 1] = pts[i] - pts[i - 1];
        }
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        // Allow one tick of jitter: rescaled timestamps alternate between neighbouring values.
        long tolerance = Math.max(1, median / 100);
        return sorted[0] < median - tolerance || sorted[sorted.length - 1] > median + tolerance;
    }

    private double ticksToMillis(long ticks) {
        return ticks * 1000.0 * timeBaseNumerator / timeBaseDenominator;
    }

    private int checked(int frame) {
        if (frame < 0 || frame >= pts.length) {
            throw new IndexOutOfBoundsException("Frame " + frame + " is outside 0.." + lastFrame());
        }
        return frame;
    }
}
