package org.frameproof.ui.inspector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.Region;

/**
 * What two revisions of a finding say differently, field by field, in the words the inspector
 * shows: this store's revision beside one received in a bundle, so a reviewer keeping one sees
 * what the other loses. A revision that deletes the finding is null, and reads as "deleted".
 */
final class RevisionDifferences {
    /** What a field reads when the revision deletes the finding. */
    static final String DELETED = "(deleted)";
    /** What a field reads when the revision leaves it empty. */
    static final String EMPTY = "(empty)";

    /** One field that differs: its label and its text in each revision. */
    record Difference(String field, String here, String there) {
    }

    private RevisionDifferences() {
    }

    /** The fields {@code here} and {@code there} differ in, in the form's order; empty when they say the same. */
    static List<Difference> between(Annotation here, Annotation there) {
        if (here == null && there == null) {
            return List.of();
        }
        if (here == null || there == null) {
            return List.of(new Difference("Finding", here == null ? DELETED : summary(here), there == null ? DELETED : summary(there)));
        }
        Map<String, String> mine = fields(here);
        Map<String, String> theirs = fields(there);
        List<Difference> differences = new ArrayList<>();
        for (String field : union(mine, theirs)) {
            String a = mine.getOrDefault(field, EMPTY);
            String b = theirs.getOrDefault(field, EMPTY);
            if (!a.equals(b)) {
                differences.add(new Difference(field, a, b));
            }
        }
        return differences;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(key -> !a.containsKey(key)).forEach(keys::add);
        return keys;
    }

    /** "Injury · frames 10–24": what a deleted-or-not difference names. */
    private static String summary(Annotation annotation) {
        return annotation.kind().label() + " · " + InspectorViewModel.frames(annotation);
    }

    /** Every field a reviewer reads in the inspector, as text, in the form's order. */
    private static Map<String, String> fields(Annotation annotation) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Kind", annotation.kind().label());
        fields.put("Frames", InspectorViewModel.frames(annotation));
        fields.put("Observation", text(annotation.observation()));
        fields.put("Interpretation", text(annotation.interpretation()));
        fields.put("Confidence", annotation.confidence() == null ? "not stated"
                : annotation.confidence().name().toLowerCase(Locale.ROOT));
        fields.put("Tags", annotation.tags().isEmpty() ? EMPTY : String.join(", ", annotation.tags()));
        fields.put("Region", region(annotation.region()));
        for (FindingField field : FindingField.of(annotation.kind())) {
            Object value = field.valueOf(annotation.finding());
            fields.put(field.label(), value instanceof List<?> list ? (list.isEmpty() ? EMPTY
                    : String.join("; ", list.stream().map(String::valueOf).toList())) : text(Objects.toString(value, null)));
        }
        fields.put("State", annotation.status().state().label() + (annotation.review() == null ? ""
                : ", " + annotation.review().verdict().label() + " by " + annotation.review().reviewer()));
        return fields;
    }

    /** "rectangle 10,20 30×40", or "none". */
    static String region(Region region) {
        return region == null ? "none" : region.shape().name().toLowerCase(Locale.ROOT) + " " + Math.round(region.x()) + ","
                + Math.round(region.y()) + " " + Math.round(region.width()) + "×" + Math.round(region.height());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? EMPTY : value;
    }
}
