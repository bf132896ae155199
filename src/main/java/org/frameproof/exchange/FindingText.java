package org.frameproof.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FindingField;

/**
 * A finding's fields as text for people, the same in every format: "Label: value" lines in the
 * order {@link FindingField} declares them.
 */
final class FindingText {
    private FindingText() {
    }

    /** A field's value as one line of text for people; null when it is empty. */
    static String display(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.join("; ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Finding.MedicalReview review) {
            return review.verdict().name().toLowerCase(Locale.ROOT) + " by " + review.expertName() + " at "
                    + review.reviewedAt() + (blank(review.comment()) ? "" : " (" + review.comment() + ")");
        }
        String text = String.valueOf(value);
        return blank(text) ? null : text;
    }

    /** The field as a "Label: value" line, or null when it is empty. */
    static String line(FindingField field, Finding finding) {
        String shown = display(field.valueOf(finding));
        return shown == null ? null : field.label() + ": " + shown;
    }

    /** The fields that have a value, as "Label: value" lines. */
    static List<String> describe(Finding finding) {
        List<String> lines = new ArrayList<>();
        for (FindingField field : FindingField.of(finding.kind())) {
            String line = line(field, finding);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * For an imported annotation, "Imported from …" (file, SHA-256, importer, time; author, role
     * and review are the file's claims) and, when the file claimed a review, "Claimed in import: …";
     * none for an annotation made here.
     */
    static List<String> importLines(Annotation annotation) {
        Annotation.Imported imported = annotation.imported();
        if (imported == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(imported.describe());
        if (imported.claimedReview() != null) {
            lines.add(imported.describeClaimedReview());
        }
        return lines;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
