package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAnnotationExportTest {
    @TempDir
    Path folder;

    private final W3cAssertions suite = new W3cAssertions();

    private JsonNode export() throws Exception {
        Path file = folder.resolve("case.jsonld");
        new Exporter((footage, frame) -> null).export(ExportFormat.W3C, ExportFixtures.evidence(), file,
                ExportFixtures.options(), ExportMonitor.NONE);
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void everyAnnotationPassesEveryAssertionOfAnnotationMusts() throws Exception {
        List<W3cAssertions.Assertion> musts = suite.load("annotations/annotationMusts.test");
        assertEquals(54, musts.size(), "every assertion the .test file lists is loaded");
        JsonNode items = export().get("first").get("items");
        assertEquals(4, items.size(), "one annotation per finding");
        List<String> failures = new ArrayList<>();
        for (JsonNode annotation : items) {
            failures.addAll(suite.failures(musts, annotation));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theCollectionAndItsPagePassTheirMusts() throws Exception {
        JsonNode collection = export();
        assertEquals(List.of(), suite.failures(suite.load("collections/collectionMusts.test"), collection));
        assertEquals(List.of(), suite.failures(suite.load("collections/pages/pageMusts.test"), collection.get("first")));
        assertEquals(4, collection.get("total").asInt());
    }

    @Test
    void theAssertionsCatchABrokenAnnotation() throws Exception {
        List<W3cAssertions.Assertion> musts = suite.load("annotations/annotationMusts.test");
        ObjectNode broken = (ObjectNode) export().get("first").get("items").get(0).deepCopy();
        broken.put("@context", "http://example.invalid/other.jsonld");
        broken.put("created", "yesterday");
        broken.remove("target");
        List<String> failures = suite.failures(musts, broken);
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("annotations/3.1-annotationContextValidated.json")), failures::toString);
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("annotations/3.1-targetKeyFound.json")), failures::toString);
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("annotations/3.3.1-annotationCreatedValidated.json")), failures::toString);
    }

    @Test
    void targetIsTheFootageWithTimeAndRegionFragments() throws Exception {
        JsonNode items = export().get("first").get("items");
        JsonNode injury = items.get(3);
        assertEquals("urn:uuid:3f1c2a7e-5b7d-4c8e-9f00-1a2b3c4d5e6f", injury.get("id").asText());
        JsonNode target = injury.get("target");
        assertEquals("urn:sha256:" + ExportFixtures.SHA256, target.get("source").get("id").asText());
        assertEquals("Video", target.get("source").get("type").asText());
        // Frame 1834 starts 61194.067 ms after the first frame (rounded up to stay inside it) and shows for 33.367 ms.
        assertEquals("t=61.195,61.227", target.get("selector").get("value").asText());
        assertEquals("http://www.w3.org/TR/media-frags/", target.get("selector").get("conformsTo").asText());
        assertEquals("xywh=pixel:813,240,96,80", target.get("selector").get("refinedBy").get("value").asText());
        assertEquals("Anna Petrosyan", injury.get("creator").get("name").asText());
        assertEquals("Person", injury.get("creator").get("type").asText());
        String fields = injury.get("body").get(injury.get("body").size() - 1).get("value").asText();
        assertTrue(fields.contains("Frame: 1834") && fields.contains("Body region: head, left temple")
                && fields.contains("State: confirmed") && fields.contains("Review: confirmed by Dr. Lilit Hakobyan"), fields);
        JsonNode range = items.get(1);
        assertEquals("t=3.337,8.375", range.get("target").get("selector").get("value").asText(),
                "frames 100..250: from frame 100's start to the end of frame 250");
        assertFalse(range.get("target").get("selector").has("refinedBy"));
    }
}
