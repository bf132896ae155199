package org.frameproof.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestFootage.Facts;
import org.frameproof.testing.TestFootage.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committed clips and their ground truth are there and say what each kind of clip must be. */
class TestFootageTest {
    @ParameterizedTest
    @EnumSource(Clip.class)
    void groundTruthIsConsistent(Clip clip) throws IOException {
        assertTrue(Files.size(clip.path()) > 0, clip.path() + " exists");
        Facts facts = clip.facts();
        List<Frame> frames = clip.frames();
        assertEquals(clip.fileName(), facts.file());
        assertEquals(facts.frameCount(), frames.size());
        assertTrue(frames.get(0).key(), "the first frame is a key frame");
        assertEquals(facts.keyFrameCount(), frames.stream().filter(Frame::key).count());
        assertEquals(facts.startTimeMs(), frames.get(0).ptsMs());
        assertEquals(facts.lastPtsMs(), frames.get(frames.size() - 1).ptsMs());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).frame());
            assertEquals(3, frames.get(i).ptsMs().scale(), "pts_ms has 3 decimals");
            if (i > 0) {
                assertTrue(frames.get(i).ptsMs().compareTo(frames.get(i - 1).ptsMs()) > 0,
                        clip.fileName() + ": timestamps rise in presentation order at frame " + i);
            }
        }
        boolean turnedSideways = facts.rotation() % 180 == 90;
        assertEquals(turnedSideways ? facts.storedHeight() : facts.storedWidth(), facts.width());
        assertEquals(turnedSideways ? facts.storedWidth() : facts.storedHeight(), facts.height());
    }

    @Test
    void h264HasBFramesLongGopsAndSound() {
        Facts facts = Clip.H264_BFRAMES_LONGGOP.facts();
        assertEquals("h264", facts.codec());
        assertTrue(facts.hasAudio());
        assertTrue(longestGop(Clip.H264_BFRAMES_LONGGOP.frames()) >= 100);
    }

    @Test
    void eachClipHasTheCodecAndContainerOfItsKind() {
        assertEquals("hevc", Clip.HEVC.facts().codec());
        assertEquals("vp9", Clip.VP9.facts().codec());
        assertTrue(Clip.VP9.facts().container().contains("webm"));
        assertEquals("av1", Clip.AV1.facts().codec());
        assertEquals("mpeg4", Clip.MPEG4_PART2.facts().codec());
        assertEquals("mpeg2video", Clip.MPEG2_TS_LATE_START.facts().codec());
        assertEquals("mpegts", Clip.MPEG2_TS_LATE_START.facts().container());
        assertEquals("mjpeg", Clip.MJPEG.facts().codec());
        assertEquals("avi", Clip.MJPEG.facts().container());
        assertEquals(Clip.MJPEG.frameCount(), Clip.MJPEG.facts().keyFrameCount());
    }

    @Test
    void lateStartsAreInTheGroundTruth() {
        assertEquals(new BigDecimal("11400.000"), Clip.MPEG2_TS_LATE_START.frames().get(0).ptsMs());
        assertEquals(new BigDecimal("1500.000"), Clip.MOV_EDIT_LIST_START_1500MS.frames().get(0).ptsMs());
        assertTrue(Clip.MOV_EDIT_LIST_START_1500MS.facts().container().contains("mov"));
    }

    @Test
    void thePortraitClipIsStoredLandscapeAndShownPortrait() {
        Facts facts = Clip.PORTRAIT_ROTATION_90.facts();
        assertEquals(90, facts.rotation());
        assertEquals(-90, facts.displayMatrixRotation());
        assertEquals(List.of(320, 240, 240, 320),
                List.of(facts.storedWidth(), facts.storedHeight(), facts.width(), facts.height()));
    }

    @Test
    void onlyTheVariableFrameRateClipHasVaryingFrameDurations() {
        for (Clip clip : Clip.values()) {
            assertEquals(clip == Clip.VFR_PHONE, clip.facts().variableFrameRate(), clip.fileName());
        }
        List<Frame> frames = Clip.VFR_PHONE.frames();
        BigDecimal first = frames.get(1).ptsMs().subtract(frames.get(0).ptsMs());
        assertTrue(frames.stream().skip(2).anyMatch(frame -> frame.ptsMs()
                .subtract(frames.get(frame.frame() - 1).ptsMs()).compareTo(first) != 0));
    }

    @Test
    void badInputsAreWhatTheySay() throws IOException {
        assertEquals(0, Files.size(BadInput.EMPTY_MP4.path()));
        assertFalse(Files.readString(BadInput.TEXT_NAMED_MP4.path()).isBlank());
        assertTrue(Files.size(BadInput.AUDIO_ONLY.path()) > 0);
        byte[] whole = Files.readAllBytes(Clip.H264_BFRAMES_LONGGOP.path());
        byte[] truncated = Files.readAllBytes(BadInput.TRUNCATED_H264.path());
        assertEquals(whole.length / 2, truncated.length);
        assertArrayEquals(Arrays.copyOf(whole, truncated.length), truncated);
    }

    private static int longestGop(List<Frame> frames) {
        int longest = 0;
        int start = 0;
        for (Frame frame : frames) {
            if (frame.key()) {
                longest = Math.max(longest, frame.frame() - start);
                start = frame.frame();
            }
        }
        return Math.max(longest, frames.size() - start);
    }
}
