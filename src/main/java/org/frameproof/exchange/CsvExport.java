package org.frameproof.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Review;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.Region;

/**
 * One row per annotation with every field, as RFC 4180 CSV in UTF-8 without a byte-order mark:
 * a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. Lists
 * (tags, landmarks) are joined with "; ". A text field that starts with {@code = + - @} gets a
 * leading apostrophe so that a spreadsheet shows it instead of running it as a formula (OWASP's
 * advice against CSV injection); numbers are written as they are. The last columns say whether a row
 * was imported, from which file (name and SHA-256), by whom and when, and the review its file
 * claims ({@code claimedReview*}), which is never this store's review.
 */
final class CsvExport {
    private static final List<String> COMMON = List.of("id", "kind", "footageId", "footageName", "footageSha256",
            "startFrame", "endFrame", "startPtsMs", "endPtsMs", "startTime", "endTime", "observation",
            "interpretation", "confidence", "tags", "regionShape", "regionX", "regionY", "regionWidth",
            "regionHeight", "author", "role", "createdAt", "modifiedAt");
    /**
     * The re-hash of the row's footage made for this export ({@code matches} or {@code FAILED}, and
     * when), and the audit chain's head when the export was made ({@code N:HEX}).
     */
    private static final List<String> CHECK = List.of("footageSha256Check", "footageSha256CheckedAt", "auditChainHead");
    /** Where the finding stands in review, and this store's review of it. */
    private static final List<String> REVIEW = List.of("state", "reviewVerdict", "reviewer", "reviewedAt",
            "reviewComment", "reviewerFingerprint", "unsealReason");
    /** Last, so that the columns before keep their places: where an imported row came from, and its claimed review. */
    private static final List<String> IMPORTED = List.of("imported", "importedBy", "importedFromFile",
            "importedFileSha256", "importedAt", "claimedReviewVerdict", "claimedReviewExpertName", "claimedReviewedAt",
            "claimedReviewComment");

    private CsvExport() {
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(COMMON);
        header.addAll(CHECK);
        header.addAll(REVIEW);
        for (FindingField field : FindingField.values()) {
            header.add(field.key());
        }
        header.addAll(IMPORTED);
        return header;
    }

    /**
     * An export of the demo store starts each row with a {@code demo} column saying so, where a
     * spreadsheet shows it first; other exports keep their columns as they were.
     */
    static void write(EvidenceExport input, ExportOptions options, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeRow(writer, demoFirst(options, "demo", header()));
        for (Annotation annotation : input.annotations()) {
            writeRow(writer, demoFirst(options, ExportOptions.DEMO_NOTICE, row(annotation, input.footageOf(annotation), options)));
        }
        writer.flush();
    }

    private static List<String> demoFirst(ExportOptions options, String cell, List<String> row) {
        if (!options.demo()) {
            return row;
        }
        List<String> marked = new ArrayList<>(List.of(cell));
        marked.addAll(row);
        return marked;
    }

    private static List<String> row(Annotation annotation, ExportedFootage footage, ExportOptions options) {
        Region region = annotation.region();
        List<String> row = new ArrayList<>(List.of(annotation.id(), annotation.kind().code(),
                String.valueOf(annotation.footageId()), text(footage.originalName()), annotation.footageSha256(),
                String.valueOf(annotation.span().startFrame()), String.valueOf(annotation.span().endFrame()),
                String.valueOf(annotation.span().startPtsMs()), String.valueOf(annotation.span().endPtsMs()),
                footage.startTimecode(annotation.span()), footage.lastFrameTimecode(annotation.span()),
                text(annotation.observation()), text(annotation.interpretation()),
                annotation.confidence() == null ? "" : annotation.confidence().name().toLowerCase(Locale.ROOT),
                text(String.join("; ", annotation.tags())),
                region == null ? "" : region.shape().name().toLowerCase(Locale.ROOT),
                region == null ? "" : String.valueOf(region.x()), region == null ? "" : String.valueOf(region.y()),
                region == null ? "" : String.valueOf(region.width()), region == null ? "" : String.valueOf(region.height()),
                text(annotation.author()), annotation.role().label(), annotation.createdAt().toString(),
                annotation.modifiedAt() == null ? "" : annotation.modifiedAt().toString()));
        Verification check = footage.verification();
        row.add(check.result());
        row.add(check.checkedAt() == null ? "" : check.checkedAt().toString());
        row.add(options.auditHead() == null ? "" : options.auditHead());
        row.add(annotation.status().state().label());
        Review review = annotation.review();
        row.addAll(reviewCells(review));
        row.add(review == null || review.reviewerFingerprint() == null ? "" : review.reviewerFingerprint());
        row.add(text(annotation.status().unsealReason()));
        for (FindingField field : FindingField.values()) {
            row.add(kindCell(field.kind() == annotation.kind() ? field.valueOf(annotation.finding()) : null));
        }
        row.addAll(importedCells(annotation.imported()));
        return row;
    }

    private static List<String> importedCells(Annotation.Imported imported) {
        if (imported == null) {
            List<String> cells = new ArrayList<>(List.of("no"));
            cells.addAll(Collections.nCopies(IMPORTED.size() - 1, ""));
            return cells;
        }
        List<String> cells = new ArrayList<>(List.of("yes", text(imported.importer()), text(imported.fileName()),
                imported.fileSha256(), imported.importedAt().toString()));
        cells.addAll(reviewCells(imported.claimedReview()));
        return cells;
    }

    /** Verdict, reviewer, time and comment of a review; empty cells for none. */
    private static List<String> reviewCells(Review review) {
        if (review == null) {
            return List.of("", "", "", "");
        }
        return List.of(review.verdict().label(), text(review.reviewer()), review.reviewedAt().toString(),
                text(review.comment()));
    }

    /** A field's cell: empty for a field of another kind. */
    private static String kindCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return String.valueOf(value);
        }
        return text(value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value));
    }

    /** Free text, guarded against being run as a spreadsheet formula. */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static void writeRow(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(cells.get(i)));
        }
        writer.write("\r\n");
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
