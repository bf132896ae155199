package org.frameproof.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Finding;

/**
 * The kind-specific fields of a finding, by name and in form order, so that every format writes
 * the same fields under the same names. Values are text, whole or decimal numbers, lists of
 * text, or a {@link Finding.MedicalReview}; any may be null.
 */
final class FindingFields {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("bodyRegion", "Body region"), Map.entry("injuryType", "Injury type"),
            Map.entry("count", "Number"), Map.entry("timing", "Timing"),
            Map.entry("consistentWith", "Consistent with"), Map.entry("medicalReview", "Medical review"),
            Map.entry("placeName", "Place"), Map.entry("latitude", "Latitude"), Map.entry("longitude", "Longitude"),
            Map.entry("precision", "Precision"), Map.entry("method", "Method"), Map.entry("landmarks", "Landmarks"),
            Map.entry("camouflage", "Camouflage"), Map.entry("insignia", "Insignia"), Map.entry("armband", "Armband"),
            Map.entry("armbandColour", "Armband colour"), Map.entry("headgear", "Headgear"),
            Map.entry("weapons", "Weapons"), Map.entry("vehicles", "Vehicles"),
            Map.entry("claimedForce", "Claimed force or unit"), Map.entry("claimBasis", "Basis of the claim"),
            Map.entry("category", "Category"));

    private FindingFields() {
    }

    static Map<String, Object> of(Finding finding) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (finding instanceof Finding.Injury injury) {
            fields.put("bodyRegion", injury.bodyRegion());
            fields.put("injuryType", injury.injuryType());
            fields.put("count", injury.count());
            fields.put("timing", injury.timing());
            fields.put("consistentWith", injury.consistentWith());
            fields.put("medicalReview", injury.review());
        } else if (finding instanceof Finding.Location location) {
            fields.put("placeName", location.placeName());
            fields.put("latitude", location.latitude());
            fields.put("longitude", location.longitude());
            fields.put("precision", location.precision());
            fields.put("method", location.method());
            fields.put("landmarks", location.landmarks());
        } else if (finding instanceof Finding.Uniform uniform) {
            fields.put("camouflage", uniform.camouflage());
            fields.put("insignia", uniform.insignia());
            fields.put("armband", uniform.armband());
            fields.put("armbandColour", uniform.armbandColour());
            fields.put("headgear", uniform.headgear());
            fields.put("weapons", uniform.weapons());
            fields.put("vehicles", uniform.vehicles());
            fields.put("claimedForce", uniform.claimedForce());
            fields.put("claimBasis", uniform.claimBasis());
        } else if (finding instanceof Finding.Note note) {
            fields.put("category", note.category());
        }
        return fields;
    }

    /** The field names of every kind, in kind order: the kind columns of a table. */
    static List<String> allNames() {
        List<Finding> blanks = List.of(new Finding.Injury(null, null, null, null, null, null),
                new Finding.Location(null, null, null, null, null, List.of()),
                new Finding.Uniform(null, null, null, null, null, null, null, null, null), new Finding.Note(null));
        List<String> names = new ArrayList<>();
        for (Finding blank : blanks) {
            names.addAll(of(blank).keySet());
        }
        return names;
    }

    static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }

    /** The field a "Label: value" line names, or null for a label of no kind's field. */
    static String nameOf(String label) {
        return LABELS.entrySet().stream().filter(entry -> entry.getValue().equals(label)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
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

    /** The fields that have a value, as "Label: value" lines. */
    static List<String> describe(Finding finding) {
        List<String> lines = new ArrayList<>();
        of(finding).forEach((name, value) -> {
            String shown = display(value);
            if (shown != null) {
                lines.add(label(name) + ": " + shown);
            }
        });
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

    static String kindLabel(AnnotationKind kind) {
        return switch (kind) {
            case INJURY -> "Injury";
            case LOCATION -> "Location";
            case UNIFORM -> "Uniform and linkage";
            case NOTE -> "Note";
        };
    }
}
