package org.frameproof.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class FrameIndexTest {
    /** 25 fps in a 1/90000 time base, starting at 11.4 s like a late transport stream; key frames 0 and 5. */
    private static FrameIndex lateStream() {
        long[] pts = new long[10];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = 1_026_000 + i * 3600L;
        }
        BitSet keys = new BitSet();
        keys.set(0);
        keys.set(5);
        return new FrameIndex(pts, keys, 1, 90_000);
    }

    @Test
    void timesAreTheFramesOwnTimestamps() {
        FrameIndex index = lateStream();
        assertEquals(11_400.0, index.ptsMillis(0), 1e-9);
        assertEquals(11_440.0, index.ptsMillis(1), 1e-9);
        assertEquals(0, index.relativeMicros(0));
        assertEquals(360_000, index.relativeMicros(9));
        assertEquals(25.0, index.averageFrameRate(), 1e-9);
        assertFalse(index.variableFrameRate());
    }

    @Test
    void findsAFrameByItsOwnTimestamp() {
        FrameIndex index = lateStream();
        assertEquals(0, index.frameWithPts(1_026_000));
        assertEquals(9, index.frameWithPts(1_026_000 + 9 * 3600L));
        assertEquals(-1, index.frameWithPts(1_026_001));
    }

    @Test
    void findsTheKeyFrameToDecodeFrom() {
        FrameIndex index = lateStream();
        assertEquals(0, index.keyFrameAtOrBefore(4));
        assertEquals(5, index.keyFrameAtOrBefore(5));
        assertEquals(5, index.keyFrameAtOrBefore(9));
        assertTrue(index.isKeyFrame(5));
        assertFalse(index.isKeyFrame(6));
    }

    @Test
    void theFrameOnScreenAtATimeIsTheLastOneNotAfterIt() {
        FrameIndex index = lateStream();
        assertEquals(0, index.frameAtRelativeMicros(-5));
        assertEquals(0, index.frameAtRelativeMicros(39_999));
        assertEquals(1, index.frameAtRelativeMicros(40_000));
        assertEquals(1, index.frameAtRelativeMicros(79_999));
        assertEquals(9, index.frameAtRelativeMicros(10_000_000));
    }

    @Test
    void theFrameNearestATimeIsTheOneDueClosestToIt() {
        FrameIndex index = lateStream();
        assertEquals(0, index.frameNearestRelativeMicros(-5));
        assertEquals(0, index.frameNearestRelativeMicros(19_999));
        assertEquals(1, index.frameNearestRelativeMicros(20_001));
        assertEquals(1, index.frameNearestRelativeMicros(39_000));
        assertEquals(9, index.frameNearestRelativeMicros(350_000));
        assertEquals(9, index.frameNearestRelativeMicros(10_000_000));
    }

    @Test
    void everyFramesPrintedTimeLeadsBackToIt() {
        long[] pts = new long[500];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = 1001L * i; // 29.97 fps in a 1/30000 time base: times fall between microseconds
        }
        FrameIndex index = new FrameIndex(pts, new BitSet(), 1, 30_000);
        for (int frame = 0; frame < index.frameCount(); frame++) {
            assertEquals(frame, index.frameAtRelativeMicros(index.relativeMicros(frame)));
        }
    }

    @Test
    void irregularDurationsAreAVariableFrameRate() {
        long[] pts = {0, 33, 66, 120, 153, 250};
        FrameIndex index = new FrameIndex(pts, new BitSet(), 1, 1000);
        assertTrue(index.variableFrameRate());
        assertEquals(0, index.keyFrameAtOrBefore(3));
    }

    @Test
    void refusesTimestampsThatDoNotIncrease() {
        assertThrows(IllegalArgumentException.class, () -> new FrameIndex(new long[] {0, 10, 10}, new BitSet(), 1, 1000));
        assertThrows(IndexOutOfBoundsException.class, () -> lateStream().pts(10));
    }
}
