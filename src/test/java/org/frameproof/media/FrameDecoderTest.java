package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.frameproof.domain.FrameIndex;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of move lands on the asked frame, read back from the pixels each clip draws. */
@NativeTier
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

    @ParameterizedTest
    @EnumSource(Clip.class)
    void aPlayedPictureIsFoundAmongTheFramesNearItsTime(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        try (FrameDecoder reference = FrameDecoder.open(clip.path(), index, 0);
                FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            for (int[] frameAndEstimate : new int[][] {{0, 2}, {index.lastFrame() / 2, index.lastFrame() / 2 - 3},
                    {index.lastFrame() / 2 + 1, index.lastFrame() / 2 + 4}, {index.lastFrame(), index.lastFrame() - 1}}) {
                PictureSignature played = PictureSignature.of(asPlayed(reference.frame(frameAndEstimate[0])));
                FrameDecoder.LookAlike found = decoder.frameLike(played, frameAndEstimate[1], 6);
                assertShows(frameAndEstimate[0], found.frame());
                assertTrue(found.standsOut(), "its own frame, scaled, stands out at " + found.distance());
            }
        }
    }

    /**
     * A played picture beyond the frames searched must not stand out, so that the caller looks
     * wider: a test clip's frames two apart can differ in a single cell of the drawn pattern.
     */
    @ParameterizedTest
    @EnumSource(Clip.class)
    void aPictureBeyondTheFramesSearchedDoesNotStandOut(Clip clip) throws Exception {
        FrameIndex index = index(clip);
        try (FrameDecoder reference = FrameDecoder.open(clip.path(), index, 0);
                FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            for (int frame = 20; frame <= Math.min(index.lastFrame() - 20, 60); frame++) {
                PictureSignature played = PictureSignature.of(asPlayed(reference.frame(frame)));
                for (int lag = 7; lag <= 9; lag++) {
                    for (int estimate : new int[] {frame - lag, frame + lag}) {
                        FrameDecoder.LookAlike found = decoder.frameLike(played, estimate, 6);
                        assertFalse(found.standsOut(), "frame " + frame + " searched around " + estimate
                                + " took frame " + found.frame().frame() + " at " + found.distance());
                    }
                }
            }
        }
    }

    @Test
    void framesThatLookAlikeGoToTheOneNearestTheEstimate(@TempDir Path folder) throws Exception {
        Path still = folder.resolve("still.mp4");
        Tools.run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=c=gray:size=160x120:rate=25:duration=2",
                "-c:v", "libx264", "-g", "50", "-pix_fmt", "yuv420p", still.toString());
        FrameIndex index = FrameIndexer.index(still, fraction -> { }, () -> false);
        try (FrameDecoder decoder = FrameDecoder.open(still, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            PictureSignature played = PictureSignature.of(decoder.frame(10));
            FrameDecoder.LookAlike found = decoder.frameLike(played, 20, 6);
            assertEquals(20, found.frame().frame());
            assertEquals(0, found.distance(), 1e-9);
            assertFalse(found.standsOut(), "a still scene: every frame is the picture");
        }
    }

    /** A frame as libVLC plays it into a window of half its size: each 2x2 block averaged. */
    private static DecodedFrame asPlayed(DecodedFrame frame) {
        int width = frame.width() / 2;
        int height = frame.height() / 2;
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = 0;
                int green = 0;
                int blue = 0;
                for (int[] offset : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                    int pixel = frame.argb()[(2 * y + offset[1]) * frame.width() + 2 * x + offset[0]];
                    red += pixel >> 16 & 0xff;
                    green += pixel >> 8 & 0xff;
                    blue += pixel & 0xff;
                }
                argb[y * width + x] = 0xff000000 | red / 4 << 16 | green / 4 << 8 | blue / 4;
            }
        }
        return new DecodedFrame(frame.frame(), frame.pts(), width, height, argb);
    }
}
