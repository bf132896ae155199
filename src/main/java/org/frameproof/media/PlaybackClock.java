package org.frameproof.media;

import java.util.function.LongSupplier;

/**
 * The time of the frame libVLC plays, in microseconds since the file's first frame. libVLC does
 * not say which frame it delivers; it reports its own time every few hundred milliseconds, so a
 * delivered frame's time is the last report moved on by the time since at the playing rate.
 * libVLC's reports count from where the file's container says (less {@code reportOffset}), which
 * a pause that found the exact frame on screen can correct ({@link #calibrate}).
 *
 * <p>Threads: {@link #load}, {@link #start}, {@link #frameDrawn}, {@link #paused},
 * {@link #calibrate} and {@link #setRate} run on the thread that drives playback (the FX
 * thread); {@link #frameDeliveredMicros} and {@link #restartAtStart} on libVLC's video output
 * thread; {@link #reported} and {@link #restartAt} on libVLC's event thread or the player's task
 * queue; {@link #stoppedAt} in the task queue. Whatever crosses threads is volatile; a reading is
 * replaced whole, never changed.
 */
final class PlaybackClock {
    private final LongSupplier nanoTime;
    /** libVLC's reported time of the first frame: its time reports less this are times since the first frame. */
    private volatile long reportOffsetMicros;
    private volatile float rate = 1f;
    /** libVLC's last time report and when it came; null until the first frame after a start or a jump. */
    private volatile Reading reading;
    /** Whether {@link #reading} comes from a report of libVLC's, not from where playback was asked to start. */
    private volatile boolean readingReported;
    /** Where playback starts or jumps to: the time of the next frame when no report has come yet. */
    private volatile long startMicros;
    /** Whether the picture on screen when playback last paused had its time from a report of libVLC's. */
    private boolean pausedOnReportedTime;
    /** The time of the played frame on screen. */
    private long drawnMicros;

    PlaybackClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** A file is loaded whose first frame libVLC reports at {@code reportOffsetMicros}. */
    void load(long reportOffsetMicros) {
        this.reportOffsetMicros = reportOffsetMicros;
    }

    /** Playback starts at {@code micros}: until a report comes, frames count on from there. */
    void start(long micros) {
        drawnMicros = micros;
        restartAt(micros);
    }

    /** The next frame delivered is taken to be at {@code micros}, until libVLC reports its time (a jump, a loop). */
    void restartAt(long micros) {
        startMicros = micros;
        reading = null;
        readingReported = false;
    }

    /** The frame delivered now is the one playback was asked to start on: reports that came while frames were held back do not count. */
    void restartAtStart() {
        restartAt(startMicros);
    }

    /** libVLC's reported time, {@code libVlcMillis}, as a time since the first frame. */
    long sinceFirstFrame(long libVlcMillis) {
        return libVlcMillis * 1000 - reportOffsetMicros;
    }

    /** libVLC reported that the frame on screen now is at {@code micros} (see {@link #sinceFirstFrame}). */
    void reported(long micros) {
        reading = new Reading(micros, nanoTime.getAsLong());
        readingReported = true;
    }

    /** The time of a frame delivered now: libVLC's last report, moved on by the time since at the playing rate. */
    long frameDeliveredMicros() {
        long now = nanoTime.getAsLong();
        Reading last = reading;
        if (last == null) {
            last = new Reading(startMicros, now);
            reading = last;
        }
        return last.micros(now, rate);
    }

    /** A played frame at {@code micros} is on screen now. */
    void frameDrawn(long micros) {
        drawnMicros = micros;
    }

    /** Playback is being paused: the picture on screen stays, and its time is known by how it was timed. */
    void paused() {
        pausedOnReportedTime = readingReported;
    }

    /** The time of the played frame on screen, never before the first frame. */
    long drawnMicros() {
        return Math.max(0, drawnMicros);
    }

    /**
     * Where playback stopped, given libVLC's time just before it stopped (0 when it had none) and
     * the time of the frame on screen then. Faster than 1x, libVLC delivers late frames in a burst
     * after a start, dropping some, and the clock lags them by many frames
     * (docs/decisions/0009-measurements-behind-tuned-constants.md). libVLC's own time, asked at
     * the stop, is at most a few frames past the picture.
     */
    long stoppedAt(long libVlcMillis, long shownMicros) {
        return libVlcMillis > 0 ? Math.max(shownMicros, sinceFirstFrame(libVlcMillis)) : shownMicros;
    }

    /**
     * A paused picture was found to be the frame at {@code actualMicros}, where libVLC's time had
     * said {@code reportedMicros}: its later reports are read shifted by the difference, until
     * another file is loaded.
     */
    void calibrate(long reportedMicros, long actualMicros) {
        // Before libVLC's first report the time is where playback was asked to start, which libVLC
        // may not have honoured exactly: that says nothing about its reports.
        if (pausedOnReportedTime) {
            reportOffsetMicros += reportedMicros - actualMicros;
        }
    }

    /** The playing rate changes now: time passed so far counts at the old rate, from now on at the new one. */
    void setRate(float newRate) {
        Reading last = reading;
        if (last != null) {
            long now = nanoTime.getAsLong();
            reading = new Reading(last.micros(now, rate), now);
        }
        rate = newRate;
    }

    float rate() {
        return rate;
    }

    /** libVLC's time report and the moment it came. */
    private record Reading(long micros, long nanos) {
        long micros(long now, float rate) {
            return micros + Math.round((now - nanos) / 1000.0 * rate);
        }
    }
}
