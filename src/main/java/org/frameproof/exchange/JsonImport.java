package org.frameproof.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.UserFacingException;

/**
 * Reads annotations back from Frameproof JSON (an export, or the list {@code annotations list
 * --json} prints). The annotations keep their frames and what the file says of their authors,
 * times and reviews; the caller attaches them to the footage with the same SHA-256 in the target
 * case, as claims of the file.
 *
 * <p>The file is read as a stream: the annotations are counted as they come and the reading
 * stops at the limit, and nesting deeper than any Frameproof file is refused at once.
 */
public final class JsonImport {
    /** Deeper than any Frameproof file nests (a region or review inside an annotation inside the list). */
    static final int MAX_NESTING = 32;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonImport() {
    }

    /** Reads a file within the default limits. */
    public static List<Annotation> read(Path file) throws UserFacingException {
        return read(AnnotationFile.read(file, ImportLimits.DEFAULT), ImportLimits.DEFAULT);
    }

    /**
     * @throws UserFacingException when the file is not JSON, is not ours, holds more annotations
     *     than the limit, nests too deep, or an annotation in it has a missing or wrong field (the
     *     message names which)
     */
    public static List<Annotation> read(AnnotationFile file, ImportLimits limits) throws UserFacingException {
        String name = file.name();
        JsonNode document = parse(file, parser -> document(parser, name, limits));
        JsonNode annotations = annotationList(document, name);
        AnnotationJson reader = new AnnotationJson(MAPPER);
        List<Annotation> read = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode json : annotations) {
            Annotation annotation = reader.read(json, name + ", annotation " + (read.size() + 1));
            if (!ids.add(annotation.id())) {
                throw new UserFacingException(name + ", annotation " + (read.size() + 1) + ": the id "
                        + annotation.id() + " appears twice.");
            }
            read.add(annotation);
        }
        return read;
    }

    /** One way of reading a JSON file through its parser. */
    @FunctionalInterface
    interface Reading<T> {
        T read(JsonParser parser) throws IOException, UserFacingException;
    }

    /**
     * Reads a JSON annotations file with {@code reading}, nesting at most {@link #MAX_NESTING}
     * levels deep, and says in a sentence what is wrong with a file it cannot read.
     */
    static <T> T parse(AnnotationFile file, Reading<T> reading) throws UserFacingException {
        String name = file.name();
        try (JsonParser parser = FACTORY.createParser(file.open())) {
            parser.setCodec(MAPPER);
            try {
                return reading.read(parser);
            } catch (StreamConstraintsException e) {
                throw new UserFacingException(name + " nests deeper than " + MAX_NESTING + " levels"
                        + at(parser.currentLocation()) + ", which no annotations file does; nothing was imported.");
            }
        } catch (JsonProcessingException e) {
            throw new UserFacingException(name + " is not valid JSON" + at(e.getLocation()) + ".");
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The document with its annotation list read item by item, so a list longer than the limit is
     * refused as soon as it passes it; null for an empty file.
     */
    private static JsonNode document(JsonParser parser, String name, ImportLimits limits) throws IOException, UserFacingException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return items(parser, name, limits);
        }
        if (first != JsonToken.START_OBJECT) {
            return first == null ? null : parser.readValueAsTree();
        }
        ObjectNode document = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            document.set(field, field.equals("annotations") && value == JsonToken.START_ARRAY
                    ? items(parser, name, limits) : parser.readValueAsTree());
        }
        return document;
    }

    private static ArrayNode items(JsonParser parser, String name, ImportLimits limits) throws IOException, UserFacingException {
        ArrayNode items = MAPPER.createArrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (items.size() == limits.maxAnnotations()) {
                throw limits.tooMany(name);
            }
            items.add((JsonNode) parser.readValueAsTree());
        }
        return items;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static JsonNode annotationList(JsonNode document, String name) throws UserFacingException {
        if (document == null || document.isMissingNode()) {
            throw new UserFacingException(name + " is empty.");
        }
        if (document.isArray()) {
            return document;
        }
        JsonNode format = document.get("format");
        if (!document.isObject() || format == null || !JsonExport.FORMAT.equals(format.asText())) {
            throw new UserFacingException(name + " is not a Frameproof annotations file (its \"format\" is not \""
                    + JsonExport.FORMAT + "\").");
        }
        JsonNode version = document.get("formatVersion");
        if (version == null || !version.canConvertToInt() || version.intValue() > JsonExport.FORMAT_VERSION) {
            throw new UserFacingException(name + " was written by a newer Frameproof (format version "
                    + version + "); this version reads version " + JsonExport.FORMAT_VERSION + ".");
        }
        JsonNode annotations = document.get("annotations");
        if (annotations == null || !annotations.isArray()) {
            throw new UserFacingException(name + " has no \"annotations\" list.");
        }
        return annotations;
    }
}
