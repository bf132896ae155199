package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.CountingBytes;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FFmpeg reads footage it cannot open as a file (a vault copy decrypted on the fly) through its I/O
 * callbacks, and finds the same frames as in the file.
 */
@NativeTier
class CallbackInputTest {

    @ParameterizedTest
    @EnumSource(Clip.class)
    void theSameExactFramesComeFromTheBytesAsFromTheFile(Clip clip) throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MediaSource bytes = CountingBytes.source(clip.path(), reads);
        FrameIndex fromFile = FrameIndexer.index(clip.path(), fraction -> { }, () -> false);
        FrameIndex fromBytes = FrameIndexer.index(bytes, fraction -> { }, () -> false);
        assertEquals(fromFile.frameCount(), fromBytes.frameCount());
        for (int frame = 0; frame < fromFile.frameCount(); frame++) {
            assertEquals(fromFile.pts(frame), fromBytes.pts(frame));
            assertEquals(fromFile.isKeyFrame(frame), fromBytes.isKeyFrame(frame));
        }
        assertTrue(reads.get() > 0, "FFmpeg read through the callbacks");

        int[] order = new int[2 * fromFile.frameCount()];
        for (int i = 0; i < fromFile.frameCount(); i++) {
            order[i] = i;
            // Then backwards, every frame, through the GOPs.
            order[fromFile.frameCount() + i] = fromFile.lastFrame() - i;
        }
        Random random = new Random(clip.ordinal());
        try (FrameDecoder file = FrameDecoder.open(clip.path(), fromFile, 4L * 640 * 360 * 4);
                FrameDecoder callbacks = FrameDecoder.open(bytes, fromBytes, 4L * 640 * 360 * 4)) {
            for (int frame : order) {
                assertSame(frame, file.frame(frame), callbacks.frame(frame));
            }
            for (int jump = 0; jump < 20; jump++) {
                int frame = random.nextInt(fromFile.frameCount());
                assertSame(frame, file.frame(frame), callbacks.frame(frame));
            }
        }
        DecodedFrame first = FrameDecoder.firstFrameWithTime(bytes).picture();
        assertEquals(0, FramePattern.read(first.argb(), first.width(), first.height()));
    }

    @Test
    void theProbeOfTheBytesFindsTheFactsAndTheHashOfTheFile() throws Exception {
        Clip clip = Clip.MPEG2_TS_LATE_START;
        MediaAnalysis fromBytes = MediaProbe.analyze(CountingBytes.source(clip.path(), new AtomicInteger()), f -> { }, () -> false);
        assertEquals(MediaProbe.analyze(clip.path(), f -> { }, () -> false).facts(), fromBytes.facts());
    }

    @Test
    void bytesThatFailToReadGiveAMessageNotACrashNorAShortVideo() throws Exception {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        long size = Files.size(clip.path());
        AtomicInteger reads = new AtomicInteger();
        UserFacingException atOpen = assertThrows(UserFacingException.class,
                () -> FrameIndexer.index(CountingBytes.failingFrom(clip.path(), reads, 0), f -> { }, () -> false));
        assertEquals(clip.fileName() + ": cannot be read (chunk at 0 failed its authentication)", atOpen.getMessage());

        // Failing half-way through: FFmpeg would take it for the end of a truncated file.
        MediaSource halfWay = CountingBytes.failingFrom(clip.path(), reads, size / 2);
        UserFacingException whileIndexing = assertThrows(UserFacingException.class,
                () -> FrameIndexer.index(halfWay, f -> { }, () -> false));
        assertTrue(whileIndexing.getMessage().startsWith(clip.fileName() + ": cannot be read (chunk at "),
                whileIndexing.getMessage());

        FrameIndex index = FrameIndexer.index(clip.path(), f -> { }, () -> false);
        try (FrameDecoder decoder = FrameDecoder.open(halfWay, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            assertEquals(0, decoder.frame(0).frame());
            UserFacingException whileDecoding = assertThrows(UserFacingException.class,
                    () -> decoder.frame(index.lastFrame()));
            assertTrue(whileDecoding.getMessage().contains("cannot be read (chunk at "), whileDecoding.getMessage());
        }
    }

    private static void assertSame(int frame, DecodedFrame fromFile, DecodedFrame fromBytes) {
        assertEquals(frame, FramePattern.read(fromBytes.argb(), fromBytes.width(), fromBytes.height()), "pixels of frame " + frame);
        assertEquals(fromFile.pts(), fromBytes.pts());
        assertTrue(Arrays.equals(fromFile.argb(), fromBytes.argb()), "frame " + frame + " pixel for pixel");
    }
}
