package org.frameproof.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.UserFacingException;

/**
 * Reads annotations back from Frameproof JSON (an export, or the list {@code annotations list
 * --json} prints). The annotations keep their ids, frames, authors and times; the caller attaches
 * them to the footage with the same SHA-256 in the target case.
 */
public final class JsonImport {
    private JsonImport() {
    }

    /**
     * @throws UserFacingException when the file cannot be read, is not JSON, is not ours, or an
     *     annotation in it has a missing or wrong field (the message names which)
     */
    public static List<Annotation> read(Path file) throws UserFacingException {
        String name = file.getFileName().toString();
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new UserFacingException("Cannot import " + file + ": there is no such file.");
        } catch (JsonProcessingException e) {
            throw new UserFacingException(name + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode annotations = annotationList(document, name);
        AnnotationJson reader = new AnnotationJson(new ObjectMapper());
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
