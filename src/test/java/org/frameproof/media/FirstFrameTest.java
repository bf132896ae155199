package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.FfmpegCli;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The first frame without an index is frame 0 of the index, pixel for pixel, on every kind of clip. */
@NativeTier
class FirstFrameTest {
    @TempDir
    Path cacheFolder;

    @ParameterizedTest
    @EnumSource(Clip.class)
    void isFrameZeroOfTheFullIndexPixelForPixel(Clip clip) throws Exception {
        DecodedFrame first = FrameDecoder.firstFrame(clip.path());
        FrameIndex index = FrameIndexer.index(clip.path(), fraction -> { }, () -> false);
        DecodedFrame indexed;
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            indexed = decoder.frame(0);
        }
        assertEquals(0, first.frame());
        assertEquals(index.pts(0), first.pts());
        assertEquals(clip.facts().width(), first.width());
        assertEquals(clip.facts().height(), first.height());
        assertEquals(0, FramePattern.read(first.argb(), first.width(), first.height()));
        assertArrayEquals(indexed.argb(), first.argb());
    }

    @Test
    void anEditListThatTrimsTheStartHidesTheFramesBeforeIt() throws Exception {
        FfmpegCli.requireInstalled();
        Path trimmed = cacheFolder.resolve("trimmed.mov");
        // A stream copy from 0.52 s keeps the GOP from its key frame and hides frames 0-12 by an edit list.
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-ss", "0.52",
                "-i", Clip.H264_BFRAMES_LONGGOP.path().toString(), "-c", "copy", "-an", trimmed.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, ffmpeg.waitFor(), new String(ffmpeg.getInputStream().readAllBytes()));
        FrameIndex index = FrameIndexer.index(trimmed, fraction -> { }, () -> false);
        DecodedFrame indexed;
        try (FrameDecoder decoder = FrameDecoder.open(trimmed, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            indexed = decoder.frame(0);
        }
        int shownFirst = FramePattern.read(indexed.argb(), indexed.width(), indexed.height());
        assertTrue(shownFirst > 0, "the edit list hides the first frames of the source, shows " + shownFirst);

        DecodedFrame first = FrameDecoder.firstFrame(trimmed);
        assertEquals(index.pts(0), first.pts());
        assertEquals(shownFirst, FramePattern.read(first.argb(), first.width(), first.height()));
        assertArrayEquals(indexed.argb(), first.argb());
    }

    @ParameterizedTest
    @EnumSource(value = Clip.class, names = {"H264_BFRAMES_LONGGOP", "MOV_EDIT_LIST_START_1500MS", "MPEG2_TS_LATE_START"})
    void showsWhileTheChildProcessIndexesTheSameFile(Clip clip) throws Exception {
        CompletableFuture<MediaAnalysis> analysis = CompletableFuture.supplyAsync(() -> {
            try {
                return new IsolatedProber(cacheFolder, TestStores.cacheKey()).analyze(clip.path(), fraction -> { }, () -> false);
            } catch (UserFacingException e) {
                throw new IllegalStateException(e);
            }
        });
        DecodedFrame first = FrameDecoder.firstFrame(clip.path());
        assertEquals(0, FramePattern.read(first.argb(), first.width(), first.height()));
        FrameIndex index = analysis.join().index();
        assertEquals(index.pts(0), first.pts());
        assertEquals(clip.facts().frameCount(), index.frameCount());
    }

    @ParameterizedTest
    @EnumSource(value = BadInput.class, names = {"TEXT_NAMED_MP4", "EMPTY_MP4", "AUDIO_ONLY"})
    void badInputGetsAMessage(BadInput input) {
        UserFacingException refused = assertThrows(UserFacingException.class, () -> FrameDecoder.firstFrame(input.path()));
        assertEquals(-1, refused.getMessage().indexOf('\n'));
    }

    @ParameterizedTest
    @EnumSource(value = BadInput.class, names = "TRUNCATED_H264")
    void aTruncatedFileStillShowsItsFirstFrame(BadInput input) throws Exception {
        DecodedFrame first = FrameDecoder.firstFrame(input.path());
        assertEquals(0, FramePattern.read(first.argb(), first.width(), first.height()));
    }
}
