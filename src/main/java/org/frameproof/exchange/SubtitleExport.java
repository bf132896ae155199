package org.frameproof.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Timecode;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;

/**
 * WebVTT and SRT, for reading the notes over the video in any player. One cue per annotation,
 * in frame order: the kind and the frames on the first line, the observation (and interpretation)
 * below.
 *
 * <p>A cue starts exactly when its first frame shows. It ends when its last frame stops showing,
 * but lasts at least {@link #MIN_READABLE_MS}, because a one-frame cue (33 ms at 30 fps) flashes
 * by unread; the first line names the exact frames, so the longer cue does not blur which frame
 * is meant. Overlapping cues are allowed in both formats; players stack them.
 *
 * <p>What the notes are about, with the footage's re-hash for this export, is a NOTE in WebVTT;
 * SRT has no comments, so the exporter writes it beside the file. When the re-hash failed, every
 * cue's first line says so.
 */
final class SubtitleExport {
    /** The shortest time a cue stays on screen. */
    static final long MIN_READABLE_MS = 2000;

    private SubtitleExport() {
    }

    static void write(EvidenceExport input, ExportFormat format, ExportOptions options, OutputStream out)
            throws IOException, UserFacingException {
        ExportedFootage footage = input.singleFootage(format);
        boolean vtt = format == ExportFormat.VTT;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (vtt) {
            writer.write("WEBVTT\n\nNOTE\n" + vttText(about(footage, options)) + "\n\n");
        }
        int number = 0;
        for (Annotation annotation : input.annotations()) {
            long start = footage.startMillis(annotation.span());
            long end = Math.max(footage.endMillis(annotation.span()), start + MIN_READABLE_MS);
            List<String> lines = cueLines(annotation);
            if (footage.failedCheck()) {
                lines.set(0, "[FAILED SHA-256 CHECK] " + lines.get(0));
            }
            if (options.demo()) {
                lines.set(0, "[DEMO] " + lines.get(0));
            }
            number++;
            if (vtt) {
                writer.write(annotation.id() + "\n" + time(start, '.') + " --> " + time(end, '.') + "\n");
                for (String line : lines) {
                    writer.write(vttText(line) + "\n");
                }
            } else {
                writer.write(number + "\n" + time(start, ',') + " --> " + time(end, ',') + "\n");
                for (String line : lines) {
                    writer.write(line + "\n");
                }
            }
            writer.write("\n");
        }
        writer.flush();
    }

    /** Which footage the notes are about, its SHA-256, its re-hash for this export and the audit chain's head. */
    static String about(ExportedFootage footage, ExportOptions options) {
        return (options.demo() ? ExportOptions.DEMO_NOTICE + ". " : "") + "Frameproof notes for " + VisibleText.escape(footage.originalName()) + ", SHA-256 " + footage.sha256() + ". "
                + footage.verification().describe() + ". Times count from the first frame."
                + (options.auditHead() == null ? "" : " " + options.auditHeadLine() + ".");
    }

    private static List<String> cueLines(Annotation annotation) {
        List<String> lines = new ArrayList<>();
        lines.add("[" + annotation.kind().label() + "] " + (annotation.span().isPoint()
                ? "frame " + annotation.span().startFrame()
                : "frames " + annotation.span().startFrame() + "-" + annotation.span().endFrame()));
        lines.addAll(textLines(annotation.observation()));
        if (!FindingText.blank(annotation.interpretation())) {
            lines.addAll(textLines("Interpretation: " + annotation.interpretation()));
        }
        return lines;
    }

    /**
     * A note's own line breaks, without the blank lines that would end the cue early or the arrow
     * that starts one, and with control characters (terminal escapes, bidirectional overrides) as
     * visible escapes so a player shows them instead of acting on them.
     */
    private static List<String> textLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(VisibleText.escape(line.strip()).replace("-->", "->"));
            }
        }
        return lines;
    }

    private static String vttText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "->");
    }

    private static String time(long millis, char decimalMark) {
        return Timecode.format(millis * 1000).replace('.', decimalMark);
    }
}
