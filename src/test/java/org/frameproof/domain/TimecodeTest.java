package org.frameproof.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class TimecodeTest {
    /** 30 fps, 3000 frames (100 s), millisecond time base rounded like real MP4 timestamps. */
    private static FrameIndex thirtyFps() {
        long[] pts = new long[3000];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = Math.round(i * 1000.0 / 30);
        }
        return new FrameIndex(pts, new BitSet(), 1, 1000);
    }

    @Test
    void formatsHoursMinutesSecondsMillis() {
        assertEquals("00:00:00.000", Timecode.format(0));
        assertEquals("00:01:01.167", Timecode.format(61_166_667));
        assertEquals("01:00:00.000", Timecode.format(3_600_000_000L));
        assertEquals("00:00:01.167", Timecode.formatFrame(thirtyFps(), 35));
    }

    @Test
    void parsesFrameNumbersTimesAndSmpte() throws Exception {
        FrameIndex index = thirtyFps();
        assertEquals(1834, Timecode.parsePosition("1834", index));
        assertEquals(1835, Timecode.parsePosition("00:01:01.167", index));
        assertEquals(1834, Timecode.parsePosition("00:01:01.166", index));
        assertEquals(1835, Timecode.parsePosition("01:01.167", index));
        assertEquals(75, Timecode.parsePosition("00:00:02.5", index));
        assertEquals(1834, Timecode.parsePosition("00:01:01:04", index));
    }

    @Test
    void explainsWhatIsWrong() {
        FrameIndex index = thirtyFps();
        assertTrue(assertThrows(UserFacingException.class, () -> Timecode.parsePosition("3000", index))
                .getMessage().contains("frames 0 to 2999"));
        assertTrue(assertThrows(UserFacingException.class, () -> Timecode.parsePosition("00:02:00.000", index))
                .getMessage().contains("after the last frame"));
        assertTrue(assertThrows(UserFacingException.class, () -> Timecode.parsePosition("00:00:01:30", index))
                .getMessage().contains("not a valid timecode at 30 frames per second"));
        assertTrue(assertThrows(UserFacingException.class, () -> Timecode.parsePosition("twelve", index))
                .getMessage().contains("is not a frame number"));
        FrameIndex variable = new FrameIndex(new long[] {0, 33, 66, 120, 153, 250}, new BitSet(), 1, 1000);
        assertTrue(assertThrows(UserFacingException.class, () -> Timecode.parsePosition("00:00:00:01", variable))
                .getMessage().contains("variable frame rate"));
    }
}
