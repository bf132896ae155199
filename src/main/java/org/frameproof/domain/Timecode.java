package org.frameproof.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and positions as reviewers write them: {@code HH:MM:SS.mmm} since the first frame, a plain
 * frame number, or SMPTE {@code HH:MM:SS:FF} for constant-rate footage.
 */
public final class Timecode {
    private static final Pattern FRAME_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,3}))?");
    private static final Pattern SMPTE = Pattern.compile("(\\d{1,3}):(\\d{1,2}):(\\d{1,2})[:;](\\d{1,3})");

    private Timecode() {
    }

    /** {@code HH:MM:SS.mmm}, rounded to the nearest millisecond. */
    public static String format(long micros) {
        long totalMillis = Math.round(micros / 1000.0);
        String sign = totalMillis < 0 ? "-" : "";
        totalMillis = Math.abs(totalMillis);
        long hours = totalMillis / 3_600_000;
        long minutes = totalMillis / 60_000 % 60;
        long seconds = totalMillis / 1000 % 60;
        long millis = totalMillis % 1000;
        return String.format("%s%02d:%02d:%02d.%03d", sign, hours, minutes, seconds, millis);
    }

    /** Time since the first frame for a frame, as {@code HH:MM:SS.mmm}. */
    public static String formatFrame(FrameIndex index, int frame) {
        return format(index.relativeMicros(frame));
    }

    /**
     * Reads a position typed by a reviewer and returns the frame it names.
     *
     * @throws UserFacingException naming what was wrong with the text
     */
    public static int parsePosition(String text, FrameIndex index) throws UserFacingException {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            throw new UserFacingException("Type a frame number, a time such as 00:01:02.500, or a timecode such as 00:01:02:12.");
        }
        if (FRAME_NUMBER.matcher(input).matches()) {
            return frameInRange(Long.parseLong(input), index, input);
        }
        Matcher smpte = SMPTE.matcher(input);
        if (smpte.matches()) {
            return smpteFrame(smpte, index, input);
        }
        Matcher clock = CLOCK.matcher(input);
        if (clock.matches()) {
            long micros = clockMicros(clock, input);
            if (micros > index.spanMicros()) {
                throw new UserFacingException(input + " is after the last frame (" + formatFrame(index, index.lastFrame()) + ").");
            }
            return index.frameAtRelativeMicros(micros);
        }
        throw new UserFacingException("'" + input + "' is not a frame number, a time (HH:MM:SS.mmm) or a timecode (HH:MM:SS:FF).");
    }

    private static long clockMicros(Matcher clock, String input) throws UserFacingException {
        long hours = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
        long minutes = Long.parseLong(clock.group(2));
        long seconds = Long.parseLong(clock.group(3));
        if (minutes > 59 || seconds > 59) {
            throw new UserFacingException("'" + input + "' has minutes or seconds above 59.");
        }
        String fraction = clock.group(4) == null ? "0" : clock.group(4);
        long millis = Long.parseLong((fraction + "00").substring(0, 3));
        return ((hours * 3600 + minutes * 60 + seconds) * 1000 + millis) * 1000;
    }

    private static int smpteFrame(Matcher smpte, FrameIndex index, String input) throws UserFacingException {
        if (index.variableFrameRate()) {
            throw new UserFacingException("This footage has a variable frame rate, so SMPTE timecode " + input
                    + " names no exact frame. Use a frame number or a time (HH:MM:SS.mmm).");
        }
        long fps = Math.round(index.averageFrameRate());
        long hours = Long.parseLong(smpte.group(1));
        long minutes = Long.parseLong(smpte.group(2));
        long seconds = Long.parseLong(smpte.group(3));
        long frames = Long.parseLong(smpte.group(4));
        if (minutes > 59 || seconds > 59 || frames >= fps) {
            throw new UserFacingException("'" + input + "' is not a valid timecode at " + fps + " frames per second.");
        }
        return frameInRange((hours * 3600 + minutes * 60 + seconds) * fps + frames, index, input);
    }

    private static int frameInRange(long frame, FrameIndex index, String input) throws UserFacingException {
        if (frame > index.lastFrame()) {
            throw new UserFacingException("Frame " + input + " does not exist: this footage has frames 0 to "
                    + index.lastFrame() + ".");
        }
        return (int) frame;
    }
}
