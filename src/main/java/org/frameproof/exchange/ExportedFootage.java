package org.frameproof.exchange;

import java.nio.file.Path;
import java.time.Instant;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Timecode;

/**
 * One footage item as exports need it: its identity and provenance, and the timing facts that
 * turn frame timestamps into times since the first frame.
 *
 * @param id the footage's id in the store
 * @param originalName the file name it was imported under
 * @param sha256 lower-case hex SHA-256 of the file
 * @param md5 lower-case hex MD5 (some courts ask for it), or null
 * @param mediaFile the read-only vault copy, linked by ELAN exports
 * @param mimeType e.g. {@code video/mp4}
 * @param firstPtsMs the first frame's own timestamp in milliseconds; exported times are relative to it
 * @param durationMs the container's duration in milliseconds
 * @param avgFrameRate frames per second over the stream; a point annotation lasts one frame of it
 * @param width displayed width in pixels
 * @param height displayed height in pixels
 * @param provenance where the file came from (source, channel, who handed it over)
 * @param importedAt when it entered the vault
 * @param importedBy who imported it
 * @param graphic whether reviewers flagged it graphic (exports may blur or leave out its stills)
 * @param verification the re-hash of the vault copy made for this export
 */
public record ExportedFootage(long id, String originalName, String sha256, String md5, Path mediaFile,
        String mimeType, double firstPtsMs, double durationMs, double avgFrameRate, int frameCount, int width,
        int height, String provenance, Instant importedAt, String importedBy, boolean graphic,
        Verification verification) {

    /** Fallback frame duration for a stream with no usable average rate (25 fps). */
    private static final double FALLBACK_FRAME_MS = 40.0;

    /** Whether the vault copy failed its re-check: whatever shows this item in an export says so. */
    public boolean failedCheck() {
        return !verification.intact();
    }

    /** The warning an export prints wherever it shows an item that failed its re-check. */
    public String failureNotice() {
        return "FAILED: footage " + id + " (" + originalName + ") did not match its recorded SHA-256 when re-checked at "
                + verification.checkedAt();
    }

    /**
     * How long one frame shows, from the average rate. Exports give a point annotation this
     * duration and end a range one frame after its last frame's start, because subtitle cues,
     * ELAN annotations and media fragments all need an interval that is not empty.
     */
    public double frameDurationMs() {
        return avgFrameRate > 0 ? 1000.0 / avgFrameRate : FALLBACK_FRAME_MS;
    }

    /** Milliseconds since the first frame at which the span's first frame shows. */
    public double startMs(FrameSpan span) {
        return span.startPtsMs() - firstPtsMs;
    }

    /** Milliseconds since the first frame at which the span's last frame stops showing. */
    public double endMs(FrameSpan span) {
        return span.endPtsMs() - firstPtsMs + frameDurationMs();
    }

    /** When the span's first frame shows, since the first frame, as {@code HH:MM:SS.mmm}. */
    public String startTimecode(FrameSpan span) {
        return Timecode.format(Math.round(startMs(span) * 1000));
    }

    /** When the span's last frame starts to show, since the first frame, as {@code HH:MM:SS.mmm}. */
    public String lastFrameTimecode(FrameSpan span) {
        return Timecode.format(Math.round((span.endPtsMs() - firstPtsMs) * 1000));
    }

    /**
     * The span's start in whole milliseconds since the first frame, rounded up so that a player
     * seeking there lands inside the first frame, never on the one before.
     */
    public long startMillis(FrameSpan span) {
        return (long) Math.ceil(Math.round(startMs(span) * 1000) / 1000.0);
    }

    /**
     * The span's end in whole milliseconds, rounded down so that it stays before the next frame;
     * always at least one millisecond after {@link #startMillis}.
     */
    public long endMillis(FrameSpan span) {
        return Math.max(startMillis(span) + 1, (long) Math.floor(Math.round(endMs(span) * 1000) / 1000.0));
    }
}
