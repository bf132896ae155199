package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The playback clock against a hand-moved time source: no libVLC. */
class PlaybackClockTest {
    private long nanos = 1_000_000_000L;
    private final PlaybackClock clock = new PlaybackClock(() -> nanos);

    private void pass(long micros) {
        nanos += micros * 1000;
    }

    @Test
    void framesCountOnFromTheStartUntilLibVlcReports() {
        clock.start(2_000_000);
        assertEquals(2_000_000, clock.frameDeliveredMicros(), "the first frame is the start");
        pass(40_000);
        assertEquals(2_040_000, clock.frameDeliveredMicros());

        clock.reported(1_500_000);
        pass(10_000);
        assertEquals(1_510_000, clock.frameDeliveredMicros(), "a report replaces the count from the start");
    }

    @Test
    void reportsAreReadFromTheFirstFrame() {
        clock.load(1_500_000);
        assertEquals(500_000, clock.sinceFirstFrame(2_000));
    }

    @Test
    void theRateScalesTimeOnlyFromWhenItChanges() {
        clock.start(0);
        clock.reported(1_000_000);
        pass(100_000);
        clock.setRate(2f);
        pass(100_000);
        assertEquals(1_300_000, clock.frameDeliveredMicros(), "100 ms at 1x, then 100 ms at 2x");
    }

    @Test
    void aStopIsWhereLibVlcSaysUnlessThePictureIsFurther() {
        clock.load(1_000_000);
        assertEquals(1_200_000, clock.stoppedAt(2_200, 1_100_000), "libVLC's time, read from the first frame");
        assertEquals(1_300_000, clock.stoppedAt(2_200, 1_300_000), "never before the picture on screen");
        assertEquals(1_300_000, clock.stoppedAt(0, 1_300_000), "no time from libVLC: the picture's");
    }

    @Test
    void theDrawnTimeStartsAtTheStartAndIsNeverNegative() {
        clock.start(700_000);
        assertEquals(700_000, clock.drawnMicros());
        clock.frameDrawn(-40_000);
        assertEquals(0, clock.drawnMicros());
    }

    @Test
    void aPauseOnAReportedTimeCalibratesLaterReports() {
        clock.start(0);
        clock.reported(1_000_000);
        clock.paused();
        clock.calibrate(1_000_000, 300_000);
        assertEquals(1_300_000, clock.sinceFirstFrame(2_000), "reports are read 700 ms earlier from now on");
    }

    @Test
    void aPauseBeforeAnyReportTeachesNothing() {
        clock.start(1_000_000);
        clock.frameDeliveredMicros();
        clock.paused();
        clock.calibrate(1_000_000, 300_000);
        assertEquals(2_000_000, clock.sinceFirstFrame(2_000));
    }

    @Test
    void aStartAfterHeldFramesForgetsTheReportsThatCameMeanwhile() {
        clock.start(3_000_000);
        clock.reported(2_900_000);
        clock.restartAtStart();
        assertEquals(3_000_000, clock.frameDeliveredMicros());
        clock.paused();
        clock.calibrate(3_000_000, 2_000_000);
        assertEquals(2_000_000, clock.sinceFirstFrame(2_000), "the start's time is no report to calibrate by");
    }
}
