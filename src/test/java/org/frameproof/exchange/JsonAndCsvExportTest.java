package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonAndCsvExportTest {
    @TempDir
    Path folder;

    private final Exporter exporter = new Exporter((footage, frame) -> {
        throw new AssertionError("CSV and JSON need no frames");
    });

    @Test
    void jsonRoundTripGivesTheSameAnnotations() throws Exception {
        Path file = folder.resolve("case.json");
        ExportResult result = exporter.export(ExportFormat.JSON, ExportFixtures.evidence(), file,
                ExportFixtures.options(), ExportMonitor.NONE);

        assertEquals(Sha256.of(file), result.sha256());
        List<Annotation> imported = JsonImport.read(file);
        assertEquals(ExportFixtures.evidence().annotations(), imported);
    }

    @Test
    void jsonObjectsCarryTheFieldsTheCommandLinePromises() throws Exception {
        Path file = folder.resolve("case.json");
        exporter.export(ExportFormat.JSON, ExportFixtures.evidence(), file, ExportFixtures.options(), ExportMonitor.NONE);

        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        ObjectNode injury = (ObjectNode) document.get("annotations").get(3);
        for (String field : List.of("id", "kind", "startFrame", "endFrame", "startPtsMs", "endPtsMs", "footageSha256",
                "observation", "interpretation", "author", "role", "createdAt", "bodyRegion", "state", "review")) {
            assertTrue(injury.has(field), field);
        }
        assertEquals("injury", injury.get("kind").asText());
        assertEquals(1834, injury.get("startFrame").asInt());
        // 1834 frames at 1001/30 ms each: 61.194 s after the first frame.
        assertEquals("00:01:01.194", injury.get("startTime").asText());
        assertEquals("confirmed", injury.get("state").asText());
        assertEquals("confirmed", injury.get("review").get("verdict").asText());
        assertEquals(ExportFixtures.REVIEWER_FINGERPRINT, injury.get("review").get("reviewerFingerprint").asText());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("Ձախ քունքին"), "UTF-8 text as written");
    }

    @Test
    void importNamesTheFirstWrongField() throws Exception {
        Path file = folder.resolve("case.json");
        exporter.export(ExportFormat.JSON, ExportFixtures.evidence(), file, ExportFixtures.options(), ExportMonitor.NONE);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = (ObjectNode) mapper.readTree(file.toFile());
        ((ObjectNode) document.get("annotations").get(1)).put("endFrame", 5);
        Path broken = folder.resolve("broken.json");
        mapper.writeValue(broken.toFile(), document);

        UserFacingException wrongRange = assertThrows(UserFacingException.class, () -> JsonImport.read(broken));
        assertEquals("broken.json, annotation 2: 'endFrame' must not be before startFrame (100).", wrongRange.getMessage());

        ((ObjectNode) document.get("annotations").get(1)).remove("endFrame");
        ((ObjectNode) document.get("annotations").get(0)).put("kind", "weather");
        mapper.writeValue(broken.toFile(), document);
        UserFacingException wrongKind = assertThrows(UserFacingException.class, () -> JsonImport.read(broken));
        assertTrue(wrongKind.getMessage().contains("'weather' is not a kind of annotation"), wrongKind.getMessage());

        Files.writeString(broken, "{\"format\": \"frameproof-annotations\", \"annotations\": [");
        assertTrue(assertThrows(UserFacingException.class, () -> JsonImport.read(broken)).getMessage()
                .startsWith("broken.json is not valid JSON (line 1"));
        Files.writeString(broken, "{\"type\": \"AnnotationCollection\"}");
        assertEquals("broken.json is not a Frameproof annotations file (its \"format\" is not \"frameproof-annotations\").",
                assertThrows(UserFacingException.class, () -> JsonImport.read(broken)).getMessage());
        assertTrue(assertThrows(UserFacingException.class, () -> JsonImport.read(folder.resolve("missing.json")))
                .getMessage().contains("there is no such file"));
    }

    @Test
    void importReadsTheBareListThatAnnotationsListPrints() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode list = mapper.createArrayNode();
        AnnotationJson json = new AnnotationJson(mapper);
        ExportFixtures.annotations().forEach(annotation -> list.add(json.write(annotation, null)));
        Path file = folder.resolve("list.json");
        mapper.writeValue(file.toFile(), list);

        assertEquals(ExportFixtures.annotations(), JsonImport.read(file));
    }

    @Test
    void csvHasOneRowPerAnnotationWithEveryFieldAsAnIndependentParserReadsIt() throws Exception {
        Path file = folder.resolve("case.csv");
        exporter.export(ExportFormat.CSV, ExportFixtures.evidence(), file, ExportFixtures.options(), ExportMonitor.NONE);

        byte[] bytes = Files.readAllBytes(file);
        assertFalse(bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF, "no byte-order mark");
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\r\n"), "RFC 4180 line ends");
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> iterator = csv.readerForMapOf(String.class)
                .with(csv.schemaWithHeader()).readValues(file.toFile())) {
            rows = iterator.readAll();
        }
        assertEquals(4, rows.size());
        assertEquals(CsvExport.header(), List.copyOf(rows.get(0).keySet()));
        Map<String, String> note = rows.get(0);
        assertEquals("note", note.get("kind"));
        assertEquals("صوت إطلاق نار", note.get("observation"));
        assertEquals("medical expert", note.get("role"));
        assertEquals("", note.get("interpretation"));
        Map<String, String> uniform = rows.get(2);
        assertEquals("'=HYPERLINK(\"http://example.invalid\"), Qoşun hissəsi; ağ qolbaq", uniform.get("observation"),
                "a formula is shown as text, the rest kept");
        assertEquals("rectangle", uniform.get("regionShape"));
        assertEquals("Special police unit", uniform.get("claimedForce"));
        Map<String, String> injury = rows.get(3);
        assertEquals("1834", injury.get("startFrame"));
        assertEquals("Consistent with a \"close-range\" gunshot,\nentry wound", injury.get("interpretation"));
        assertEquals("execution; wound", injury.get("tags"));
        assertEquals("confirmed", injury.get("reviewVerdict"));
        assertEquals("Dr. Lilit Hakobyan", injury.get("reviewer"));
        assertEquals("confirmed", injury.get("state"));
        assertEquals("draft", rows.get(1).get("state"));
        assertEquals(String.valueOf(ExportFixtures.ptsMs(1834)), injury.get("startPtsMs"));
        assertEquals("Степанакерт", rows.get(1).get("placeName"));
        assertEquals("water tower; church dome", rows.get(1).get("landmarks"));
    }
}
