package org.frameproof.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.UserFacingException;

/**
 * Writes an export in any format, whole or not at all, and returns its SHA-256 for the audit
 * log. The command line and the export dialog both call this.
 */
public final class Exporter {
    private final FrameSource frames;

    /** @param frames where reports and stills get their exact frames */
    public Exporter(FrameSource frames) {
        this.frames = frames;
    }

    /**
     * @param out the file to write (for {@link ExportFormat#STILLS}: a new or empty folder)
     * @throws UserFacingException when the destination cannot be written (nothing is left behind)
     *     or the input does not fit the format
     * @throws java.util.concurrent.CancellationException when the monitor cancelled (nothing is left behind)
     */
    public ExportResult export(ExportFormat format, EvidenceExport input, Path out, ExportOptions options,
            ExportMonitor monitor) throws UserFacingException {
        if (format == ExportFormat.STILLS) {
            return StillsExport.write(input, options, frames, monitor, out);
        }
        AtomicOutput.Written written = switch (format) {
            case CSV -> AtomicOutput.writeFile(out, stream -> CsvExport.write(input, options, stream));
            case JSON -> AtomicOutput.writeFile(out, stream -> JsonExport.write(input, options, stream));
            case W3C -> AtomicOutput.writeFile(out, stream -> WebAnnotationExport.write(input, options, stream));
            case EAF -> AtomicOutput.writeFile(out, stream -> EafExport.write(input, options, stream));
            case VTT, SRT -> AtomicOutput.writeFile(out, stream -> SubtitleExport.write(input, format, options, stream));
            case PDF -> AtomicOutput.writeFile(out, stream -> new PdfReport(input, options, frames, monitor).write(stream));
            case STILLS -> throw new IllegalStateException("stills are written as a folder above");
        };
        if (format == ExportFormat.PDF) {
            writeBeside(written, ".sha256", Sha256.sumLine(written.sha256(), written.path().getFileName().toString()));
            return new ExportResult(format, written.path(), written.sha256(), written.bytes(), 2);
        }
        if (format == ExportFormat.SRT) {
            writeBeside(written, ".txt", SubtitleExport.about(input.singleFootage(format), options) + "\n");
            return new ExportResult(format, written.path(), written.sha256(), written.bytes(), 2);
        }
        return new ExportResult(format, written.path(), written.sha256(), written.bytes(), 1);
    }

    /**
     * One frame as a lossless PNG at full resolution ({@code out}), with {@code out.json} (source
     * file and its SHA-256, frame index, timestamp, the annotations and regions on it) and
     * {@code out.sha256} beside it. The result's hash is the PNG's.
     *
     * @param span the frame (start == end) with its own timestamp
     * @param onFrame the annotations that show on that frame
     * @throws UserFacingException when the frame cannot be decoded or a file cannot be written
     *     (nothing is left behind)
     */
    public ExportResult exportFrame(ExportedFootage footage, FrameSpan span, List<Annotation> onFrame, Path out,
            ExportOptions options) throws UserFacingException {
        return StillsExport.writeFrame(footage, span, onFrame, options, frames, out);
    }

    /** {@code <original name without extension>_frame<000123>.png}: how stills are named. */
    public static String stillFileName(String originalName, int frame) {
        return StillsExport.fileName(originalName, frame);
    }

    /**
     * A small text file beside an export: {@code OUT.pdf.sha256} in the format {@code sha256sum -c}
     * checks, or {@code OUT.srt.txt} saying what the subtitles are about (SRT has no comments).
     */
    private static void writeBeside(AtomicOutput.Written written, String suffix, String text) throws UserFacingException {
        AtomicOutput.writeFile(written.path().resolveSibling(written.path().getFileName() + suffix),
                stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
