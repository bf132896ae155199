package org.frameproof.exchange;

import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Review;
import org.frameproof.domain.FindingField;

/**
 * A finding's fields as text for people, the same in every format: "Label: value" lines in the
 * order {@link FindingField} declares them.
 */
final class FindingText {
    /** The label of a finding's review state line. */
    static final String STATE = "State";
    /** The label of a finding's review line. */
    static final String REVIEW = "Review";
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

    /** "confirmed by NAME at TIME (comment)": how every format writes a review; the W3C import reads it back. */
    static String display(Review review) {
        return review.verdict().label() + " by " + review.reviewer() + " at " + review.reviewedAt()
                + (blank(review.comment()) ? "" : " (" + review.comment() + ")");
    }

    /**
     * "State: …", and once reviewed "Review: confirmed by …" (this store's review; a claimed one is
     * among {@link #importLines}), and "Unsealed because: …" while unsealed.
     */
    static List<String> reviewLines(Annotation annotation) {
        List<String> lines = new ArrayList<>();
        lines.add(STATE + ": " + annotation.status().state().label());
        if (annotation.review() != null) {
            lines.add(REVIEW + ": " + display(annotation.review()));
        }
        if (annotation.status().unsealReason() != null) {
            lines.add("Unsealed because: " + annotation.status().unsealReason());
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
