package org.frameproof.media.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.MediaFacts;
import org.junit.jupiter.api.Test;

class MediaFactRowsTest {
    private static MediaFacts facts(boolean truncated, Map<String, String> tags) {
        return new MediaFacts(250, 10_000, 1920, 1080, 90, 25, false, "h264", "mov,mp4,m4a,3gp,3g2,mj2", 1500,
                "ab12", tags, Map.of("handler_name", "VideoHandler"), truncated);
    }

    private static Map<String, String> rows(MediaFacts facts) {
        Map<String, String> rows = new LinkedHashMap<>();
        MediaFactRows.of("clip.mp4", facts).forEach(row -> rows.put(row.getKey(), row.getValue()));
        return rows;
    }

    @Test
    void noFactsNoRows() {
        assertEquals(List.of(), MediaFactRows.of("clip.mp4", null));
    }

    @Test
    void rowsReadAsTheReviewerReadsThem() {
        Map<String, String> rows = rows(facts(false, Map.of("creation_time", "2024-03-01T10:00:00Z")));
        assertEquals(List.of("File", "Codec", "Container", "Resolution", "Rotation", "Frames", "Duration",
                "Average frame rate", "Variable frame rate", "First frame at", "Created", "Location (GPS)", "SHA-256",
                "Tag creation_time", "Stream tag handler_name"), List.copyOf(rows.keySet()));
        assertEquals("1920 × 1080 (as displayed)", rows.get("Resolution"));
        assertEquals("1500.000 ms", rows.get("First frame at"));
        assertEquals("2024-03-01T10:00:00Z", rows.get("Created"));
        assertEquals("not tagged", rows.get("Location (GPS)"));
    }

    @Test
    void aTruncatedFileIsWarnedOf() {
        assertTrue(rows(facts(true, Map.of())).get("Warning").contains("truncated"));
    }
}
