package org.frameproof.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.frameproof.domain.MediaFacts;

/**
 * A footage row's probe facts as its {@code media_facts} column holds them: a JSON object with
 * these names, the one place that writes or reads them. The audit log's footage records carry this
 * text, so a name here never changes.
 */
public final class StoredMediaFacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredMediaFacts() {
    }

    /** The column's text. */
    public static String write(MediaFacts facts) {
        try {
            return JSON.writeValueAsString(json(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of text and numbers always writes as JSON", e);
        }
    }

    /** The column's JSON object, as {@code footage list --json} prints it. */
    public static ObjectNode json(MediaFacts facts) {
        ObjectNode json = JSON.createObjectNode()
                .put("frameCount", facts.frameCount())
                .put("durationMs", facts.durationMs())
                .put("width", facts.width())
                .put("height", facts.height())
                .put("rotation", facts.rotation())
                .put("avgFrameRate", facts.avgFrameRate())
                .put("variableFrameRate", facts.variableFrameRate())
                .put("codec", facts.codec())
                .put("container", facts.container())
                .put("startTimeMs", facts.startTimeMs())
                .put("sha256", facts.sha256());
        putTags(json, "tags", facts.tags());
        putTags(json, "streamTags", facts.streamTags());
        json.put("truncated", facts.truncated());
        return json;
    }

    /**
     * The facts a column holds; a field a row written by an earlier version lacks reads as zero,
     * false or empty, as the checks that use it expect.
     *
     * @return null when the column is empty or not a JSON object
     */
    public static MediaFacts read(String column) {
        JsonNode json;
        try {
            json = column == null ? null : JSON.readTree(column);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (json == null || !json.isObject()) {
            return null;
        }
        return new MediaFacts(json.path("frameCount").asInt(0), json.path("durationMs").asDouble(0),
                json.path("width").asInt(0), json.path("height").asInt(0), json.path("rotation").asInt(0),
                json.path("avgFrameRate").asDouble(0), json.path("variableFrameRate").asBoolean(false),
                text(json, "codec"), text(json, "container"), json.path("startTimeMs").asDouble(0), text(json, "sha256"),
                tags(json.path("tags")), tags(json.path("streamTags")), json.path("truncated").asBoolean(false));
    }

    private static void putTags(ObjectNode json, String name, Map<String, String> tags) {
        ObjectNode object = json.putObject(name);
        tags.forEach(object::put);
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> tags(JsonNode object) {
        Map<String, String> tags = new TreeMap<>();
        object.fields().forEachRemaining(field -> tags.put(field.getKey(), field.getValue().asText()));
        return tags;
    }
}
