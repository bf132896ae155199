package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.frameproof.domain.FrameIndex;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of move lands on the asked frame, read back from the pixels each clip draws. */
class FrameDecoderTest {

    private static FrameIndex index(Clip clip) throws Exception {
        return FrameIndexer.index(clip.path(), fraction -> { }, () -> false);
    }

    private static void assertShows(int expected, DecodedFrame frame) {
        assertEquals(expected, frame.frame());
        assertEquals(expected, FramePattern.read(frame.argb(), frame.width(), frame.height()),
                "pixels of frame " + expected);
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void everyForwardStepLandsOnTheNextFrameUpright(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            assertEquals(clip.facts().width(), decoder.displayWidth());
            assertEquals(clip.facts().height(), decoder.displayHeight());
            for (int frame = 0; frame < index.frameCount(); frame++) {
                DecodedFrame decoded = decoder.frame(frame);
                assertShows(frame, decoded);
                assertEquals(index.pts(frame), decoded.pts());
                assertEquals(clip.facts().width(), decoded.width());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void thirtyBackwardStepsFromDeepInAGopLandEachTime(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        int start = index.lastFrame();
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            for (int frame = start; frame >= Math.max(0, start - 30); frame--) {
                assertShows(frame, decoder.frame(frame));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void randomJumpsLandOnTheAskedFrame(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        Random random = new Random(clip.ordinal());
        // A small cache, so most jumps really seek and decode.
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, 4L * 640 * 360 * 4)) {
            for (int jump = 0; jump < 40; jump++) {
                int frame = random.nextInt(index.frameCount());
                assertShows(frame, decoder.frame(frame));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Clip.class, names = {"H264_BFRAMES_LONGGOP", "HEVC", "MPEG2_TS_LATE_START"})
    void theCacheStaysWithinItsBoundAndStillServesSteppingBack(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        long frameBytes;
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            decoder.frame(0);
            frameBytes = decoder.cachedBytes();
        }
        assertTrue(frameBytes > 0);
        long bound = 3 * frameBytes + frameBytes / 2;
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, bound)) {
            int deep = index.lastFrame() - 5;
            for (int frame = deep; frame >= deep - 20; frame--) {
                assertShows(frame, decoder.frame(frame));
                assertTrue(decoder.cachedBytes() <= bound, decoder.cachedBytes() + " > " + bound);
            }
            // The three frames up to the last one decoded are what the bound holds.
            assertEquals(3 * frameBytes, decoder.cachedBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Clip.class, names = {"H264_BFRAMES_LONGGOP", "HEVC", "MPEG4_PART2", "VP9"})
    void aJumpKeepsOnlyItsFrameAndTheFirstStepBackKeepsTheGopBehindIt(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        int target = index.lastFrame() - 3;
        int key = index.keyFrameAtOrBefore(target);
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            assertShows(target, decoder.frame(target));
            long frameBytes = decoder.cachedBytes();
            assertTrue(frameBytes > 0);
            assertShows(target - 1, decoder.frame(target - 1));
            // Everything from the key frame on is now decoded and kept: the target, and key..target-1.
            assertEquals((target - key + 1) * frameBytes, decoder.cachedBytes());
            for (int frame = target + 1; frame <= index.lastFrame(); frame++) {
                assertShows(frame, decoder.frame(frame));
            }
            for (int frame = index.lastFrame(); frame >= key; frame--) {
                assertShows(frame, decoder.frame(frame));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Clip.class, names = "H264_BFRAMES_LONGGOP")
    void aFrameOutsideTheIndexIsRefused(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            assertThrows(IndexOutOfBoundsException.class, () -> decoder.frame(index.frameCount()));
            assertThrows(IndexOutOfBoundsException.class, () -> decoder.frame(-1));
        }
    }
}
