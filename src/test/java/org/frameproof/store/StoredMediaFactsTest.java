package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.frameproof.domain.MediaFacts;
import org.junit.jupiter.api.Test;

class StoredMediaFactsTest {
    private static final MediaFacts FACTS = new MediaFacts(50, 2000.0, 1080, 1920, 90, 25.0, false, "h264",
            "mov,mp4,m4a,3gp,3g2,mj2", 0.5, "ab".repeat(32), Map.of("creation_time", "2024-05-01T12:00:00.000000Z",
            "com.apple.quicktime.make", "Apple"), Map.of("rotate", "90"), true);
    private static final String COLUMN = "{\"frameCount\":50,\"durationMs\":2000.0,\"width\":1080,\"height\":1920,"
            + "\"rotation\":90,\"avgFrameRate\":25.0,\"variableFrameRate\":false,\"codec\":\"h264\","
            + "\"container\":\"mov,mp4,m4a,3gp,3g2,mj2\",\"startTimeMs\":0.5,\"sha256\":\"" + "ab".repeat(32) + "\","
            + "\"tags\":{\"com.apple.quicktime.make\":\"Apple\",\"creation_time\":\"2024-05-01T12:00:00.000000Z\"},"
            + "\"streamTags\":{\"rotate\":\"90\"},\"truncated\":true}";

    @Test
    void theColumnHoldsTheFactsUnderFixedNames() {
        assertEquals(COLUMN, StoredMediaFacts.write(FACTS));
        assertEquals(FACTS, StoredMediaFacts.read(COLUMN));
    }

    @Test
    void aFieldARowOfAnEarlierVersionLacksReadsAsNothing() {
        MediaFacts facts = StoredMediaFacts.read("{\"frameCount\":50,\"durationMs\":2000.0,\"width\":640,\"height\":360,"
                + "\"codec\":\"vp9\",\"unknownLater\":1}");
        assertEquals(new MediaFacts(50, 2000.0, 640, 360, 0, 0, false, "vp9", null, 0, null, Map.of(), Map.of(), false), facts);
    }

    @Test
    void aColumnThatHoldsNoFactsReadsAsUnknown() {
        assertNull(StoredMediaFacts.read(null));
        assertNull(StoredMediaFacts.read("not json"));
        assertNull(StoredMediaFacts.read("[50]"));
    }
}
