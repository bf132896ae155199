package org.frameproof.media.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Timecode;

/** A file's media facts as label/value rows for the facts panel, in the order a reviewer reads them. */
public final class MediaFactRows {
    private MediaFactRows() {
    }

    /** The rows for {@code facts} of the file the reviewer knows as {@code fileName}; none without facts. */
    public static List<Map.Entry<String, String>> of(String fileName, MediaFacts facts) {
        if (facts == null) {
            return List.of();
        }
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("File", fileName));
        rows.add(Map.entry("Codec", facts.codec()));
        rows.add(Map.entry("Container", facts.container()));
        rows.add(Map.entry("Resolution", facts.width() + " × " + facts.height() + " (as displayed)"));
        rows.add(Map.entry("Rotation", facts.rotation() + "°"));
        rows.add(Map.entry("Frames", String.valueOf(facts.frameCount())));
        rows.add(Map.entry("Duration", Timecode.format(Math.round(facts.durationMs() * 1000))));
        rows.add(Map.entry("Average frame rate", String.format(Locale.ROOT, "%.3f fps", facts.avgFrameRate())));
        rows.add(Map.entry("Variable frame rate", facts.variableFrameRate() ? "yes" : "no"));
        rows.add(Map.entry("First frame at", String.format(Locale.ROOT, "%.3f ms", facts.startTimeMs())));
        rows.add(Map.entry("Created", facts.creationTime() == null ? "not tagged" : facts.creationTime()));
        rows.add(Map.entry("Location (GPS)", facts.location() == null ? "not tagged" : facts.location()));
        rows.add(Map.entry("SHA-256", facts.sha256()));
        if (facts.truncated()) {
            rows.add(Map.entry("Warning", "the file is truncated; frames after the cut are missing"));
        }
        facts.tags().forEach((key, value) -> rows.add(Map.entry("Tag " + key, value)));
        facts.streamTags().forEach((key, value) -> rows.add(Map.entry("Stream tag " + key, value)));
        return rows;
    }
}
