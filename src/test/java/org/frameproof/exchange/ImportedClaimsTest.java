package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Reviewer;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.CommandLineRun;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annotations file from elsewhere (JSON, W3C, ELAN) attacks the store: a confirmation it forges
 * stays a claim, importing it again adds nothing, a file built to exhaust memory or the parser is
 * refused with a message, and nothing is added by a refused file.
 */
@NativeTier
class ImportedClaimsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGER = "Dr X";
    @TempDir Path work;
    private final CommandLineRun cli = new CommandLineRun();

    private Footage storeWithClip(Path data, Reviewer reviewer) throws Exception {
        try (EvidenceStore store = TestStores.stores().create(data, TestStores.PASSPHRASE.toCharArray(), reviewer)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            return AnnotatedStores.importClip(store, investigation, Clip.MJPEG);
        }
    }

    /** A Frameproof JSON file of {@code count} injuries on the clip, each "confirmed" by Dr X, a "medical expert". */
    private Path forgedFile(Footage clip, String name, int count) throws Exception {
        ObjectNode document = JSON.createObjectNode().put("format", "frameproof-annotations").put("formatVersion", 1);
        for (int i = 0; i < count; i++) {
            ObjectNode injury = document.withArray("annotations").addObject();
            injury.put("id", UUID.randomUUID().toString()).put("kind", "injury").put("footageId", 1)
                    .put("footageSha256", clip.sha256()).put("startFrame", 5 + i).put("endFrame", 5 + i)
                    .put("startPtsMs", 0.0).put("endPtsMs", 0.0).put("observation", "gunshot wound " + i)
                    .put("author", FORGER).put("role", "medical expert").put("createdAt", "2024-01-01T00:00:00Z")
                    .put("injuryType", "gunshot wound (entry)");
            injury.putObject("medicalReview").put("verdict", "confirmed").put("expertName", FORGER)
                    .put("reviewedAt", "2024-01-02T00:00:00Z");
        }
        Path file = work.resolve(name);
        JSON.writeValue(file.toFile(), document);
        return file;
    }

    private JsonNode listed(Path data, Footage clip) throws Exception {
        assertEquals(0, cli.run(data, "annotations", "list", "--footage", Long.toString(clip.id()), "--json"), cli::err);
        return JSON.readTree(cli.out());
    }

    /** The report's text with every run of white space as one space, so a wrapped line reads as one. */
    private String pdfText(Path data, Footage clip) throws Exception {
        Path pdf = work.resolve("report-" + UUID.randomUUID() + ".pdf");
        assertEquals(0, cli.run(data, "export", "--footage", Long.toString(clip.id()), "--format", "pdf", "--out",
                pdf.toString()), cli::err);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private String export(Path data, Footage clip, String format) throws Exception {
        Path out = work.resolve("out-" + UUID.randomUUID() + "." + format);
        assertEquals(0, cli.run(data, "export", "--footage", Long.toString(clip.id()), "--format", format, "--out",
                out.toString()), cli::err);
        return Files.readString(out);
    }

    @Test
    void aConfirmationForgedInAJsonFileStaysAClaimThatTheResearcherCanEdit() throws Exception {
        Path data = work.resolve("researcher");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        Path forged = forgedFile(clip, "forged.json", 1);
        String fileSha256 = Sha256.of(forged);

        assertEquals(0, cli.run(data, "annotations", "import", "--footage", Long.toString(clip.id()), forged.toString()), cli::err);
        assertTrue(cli.out().contains("the file's claims"), cli.out());
        String id = listed(data, clip).get(0).get("id").asText();

        assertEquals(0, cli.run(data, "annotations", "show", id), cli::err);
        String shown = cli.out().replaceAll("\\s+", " ");
        assertTrue(shown.contains("Imported from forged.json (sha256 " + fileSha256.substring(0, 16) + "…) by "
                + TestStores.REVIEWER.name()), shown);
        assertTrue(shown.contains("author, role and review are the file's claims"), shown);
        assertTrue(shown.contains("Claimed in import: confirmed by Dr X at 2024-01-02T00:00:00Z — not confirmed in this store"), shown);
        assertFalse(shown.contains("medicalReview"), "no review of this store: " + shown);

        assertEquals(0, cli.run(data, "annotations", "show", id, "--json"), cli::err);
        JsonNode json = JSON.readTree(cli.out());
        assertTrue(json.get("review").isNull(), json.toString());
        assertEquals("draft", json.get("state").asText(), "an import is the importer's draft here");
        assertTrue(json.get("imported").asBoolean());
        assertEquals(TestStores.REVIEWER.name(), json.get("importedBy").asText());
        assertEquals("forged.json", json.get("importedFromFile").asText());
        assertEquals(fileSha256, json.get("importedFileSha256").asText());
        assertEquals("confirmed", json.get("claimedReview").get("verdict").asText());
        assertEquals(FORGER, json.get("claimedReview").get("expertName").asText());

        JsonNode exported = JSON.readTree(export(data, clip, "json")).get("annotations").get(0);
        assertTrue(exported.get("review").isNull());
        assertEquals("forged.json", exported.get("importedFromFile").asText());
        assertEquals(FORGER, exported.get("claimedReview").get("expertName").asText());
        Map<String, String> row = csvRows(export(data, clip, "csv")).get(0);
        assertEquals("", row.get("reviewVerdict"));
        assertEquals("yes", row.get("imported"));
        assertEquals(fileSha256, row.get("importedFileSha256"));
        assertEquals("confirmed", row.get("claimedReviewVerdict"));
        assertEquals(FORGER, row.get("claimedReviewExpertName"));
        assertTrue(export(data, clip, "w3c").contains("Claimed in import: confirmed by Dr X"));

        String pdf = pdfText(data, clip);
        assertFalse(pdf.contains("CONFIRMED by Dr X"), pdf);
        assertTrue(pdf.contains("Not yet reviewed by a medical expert"), pdf);
        assertTrue(pdf.contains("Claimed in import: confirmed by Dr X at 2024-01-02T00:00:00Z — not confirmed in this store"), pdf);
        assertTrue(pdf.contains("Imported from forged.json (sha256 " + fileSha256.substring(0, 16)), pdf);

        assertEquals(1, cli.run(data, "annotations", "confirm", id));
        assertTrue(cli.err().contains("Only a medical expert can confirm"), cli.err());
        try (EvidenceStore store = TestStores.unlock(data)) {
            Annotation stored = store.annotations().require(id);
            Annotation edited = store.annotations().edit(id, AnnotationContent.of(stored).withObservation("graze, not a gunshot"));
            assertEquals("graze, not a gunshot", edited.observation());
            assertEquals(stored.imported(), store.annotations().require(id).imported());
        }
        assertEquals(0, cli.run(data, "audit", "verify"), cli::err);
    }

    @Test
    void onlyAMedicalExpertOfThisStoreConfirmsAnImportedInjury() throws Exception {
        Path data = work.resolve("laptop");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        String expertPassphrase = "the expert's own passphrase";
        assertEquals(0, cli.addReviewer(data, "Dr. Lilit Hakobyan", "medical expert", expertPassphrase), cli::err);
        Path forged = forgedFile(clip, "forged.json", 1);
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", Long.toString(clip.id()), forged.toString()), cli::err);
        JsonNode imported = listed(data, clip).get(0);
        assertTrue(imported.get("review").isNull(), "imported, still unreviewed here");
        assertFalse(pdfText(data, clip).contains("Review: confirmed"));
        String id = imported.get("id").asText();
        assertEquals(1, cli.runWith(expertPassphrase, data, "annotations", "confirm", id));
        assertTrue(cli.err().contains("is a draft"), cli.err());

        assertEquals(0, cli.run(data, "annotations", "submit", id), cli::err);
        assertEquals(0, cli.runWith(expertPassphrase, data, "annotations", "confirm", id, "--comment", "seen"), cli::err);
        JsonNode confirmed = listed(data, clip).get(0);
        assertEquals("Dr. Lilit Hakobyan", confirmed.get("review").get("reviewer").asText());
        assertTrue(confirmed.get("review").get("counts").asBoolean(), confirmed.toString());
        assertEquals(FORGER, confirmed.get("claimedReview").get("expertName").asText());
        String pdf = pdfText(data, clip);
        assertTrue(pdf.contains("Review: confirmed by Dr. Lilit Hakobyan"), pdf);
        assertFalse(pdf.contains("Review: confirmed by Dr X"), pdf);
    }

    @Test
    void aW3cFileKeepsItsFindingsAndItsReviewOnlyAsAClaim() throws Exception {
        Path data = work.resolve("laptop");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        String expertPassphrase = "the expert's own passphrase";
        assertEquals(0, cli.addReviewer(data, "Dr. Lilit Hakobyan", "medical expert", expertPassphrase), cli::err);
        String footage = Long.toString(clip.id());
        assertEquals(0, cli.run(data, "annotations", "add", "--footage", footage, "--in", "4", "--out", "7", "--kind",
                "injury", "--observation", "Ձախ քունքին վերք", "--interpretation", "close range", "--tag", "head",
                "--region", "10,20,30,40", "--region-shape", "ellipse", "--body-region", "left temple", "--injury-type",
                "gunshot wound (entry)", "--count", "2"), cli::err);
        String original = cli.out().strip();
        assertEquals(0, cli.run(data, "annotations", "submit", original), cli::err);
        assertEquals(0, cli.runWith(expertPassphrase, data, "annotations", "confirm", original, "--comment", "seen"), cli::err);
        Path w3c = work.resolve("notes.w3c");
        assertEquals(0, cli.run(data, "export", "--footage", footage, "--format", "w3c", "--out", w3c.toString()), cli::err);

        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, w3c.toString()), cli::err);
        JsonNode all = listed(data, clip);
        assertEquals(2, all.size());
        JsonNode before = all.get(0).get("id").asText().equals(original) ? all.get(0) : all.get(1);
        JsonNode imported = before == all.get(0) ? all.get(1) : all.get(0);
        for (String field : List.of("startFrame", "endFrame", "observation", "interpretation", "tags", "region", "author",
                "role", "createdAt", "bodyRegion", "injuryType", "count")) {
            assertEquals(before.get(field), imported.get(field), field);
        }
        assertTrue(imported.get("review").isNull(), "a confirmation in a W3C file is no confirmation here");
        assertEquals("confirmed", imported.get("claimedReview").get("verdict").asText());
        assertEquals(before.get("review").get("reviewer"), imported.get("claimedReview").get("expertName"));
        assertEquals(before.get("review").get("reviewedAt"), imported.get("claimedReview").get("reviewedAt"));
        assertEquals(before.get("review").get("comment"), imported.get("claimedReview").get("comment"));
        assertEquals("notes.w3c", imported.get("importedFromFile").asText());
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, w3c.toString()), cli::err);
        assertEquals("already imported: 1 annotation, nothing added", cli.out().strip());
    }

    @Test
    void theSameFileImportedTwiceAddsNothingAndSaysSo() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        String footage = Long.toString(clip.id());
        Path forged = forgedFile(clip, "forged.json", 3);
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, forged.toString()), cli::err);
        JsonNode first = listed(data, clip);
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, forged.toString()), cli::err);
        assertEquals("already imported: 3 annotations, nothing added", cli.out().strip());
        assertEquals(first, listed(data, clip), "the same annotations under the same ids");

        Path eaf = work.resolve("notes.eaf");
        assertEquals(0, cli.run(data, "export", "--footage", footage, "--format", "eaf", "--out", eaf.toString()), cli::err);
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, eaf.toString()), cli::err);
        assertEquals(6, listed(data, clip).size());
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, eaf.toString()), cli::err);
        assertEquals("already imported: 3 annotations, nothing added", cli.out().strip());
        JsonNode all = listed(data, clip);
        assertEquals(6, all.size());
        all.forEach(annotation -> assertTrue(annotation.get("imported").asBoolean(), annotation.toString()));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedUnreadUnlessTheLimitIsRaised() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        String footage = Long.toString(clip.id());
        Path huge = work.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(ImportLimits.DEFAULT_MAX_BYTES + 1);
        }
        assertEquals(1, cli.run(data, "annotations", "import", "--footage", footage, huge.toString()));
        assertEquals("frameproof: huge.json is " + (ImportLimits.DEFAULT_MAX_BYTES + 1) + " bytes, more than the import limit of "
                + ImportLimits.DEFAULT_MAX_BYTES + " bytes (--max-bytes); nothing was imported.", cli.err().strip());

        Path forged = forgedFile(clip, "forged.json", 1);
        assertEquals(1, cli.run(data, "annotations", "import", "--footage", footage, "--max-bytes", "100", forged.toString()));
        assertTrue(cli.err().contains("more than the import limit of 100 bytes (--max-bytes)"), cli.err());
        assertEquals(0, listed(data, clip).size());
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, "--max-bytes",
                Long.toString(Files.size(forged)), forged.toString()), cli::err);
        assertEquals(1, listed(data, clip).size());
    }

    @Test
    void moreAnnotationsThanTheLimitAreRefusedAndNothingIsAdded() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        String footage = Long.toString(clip.id());
        Path forged = forgedFile(clip, "many.json", 3);
        assertEquals(1, cli.run(data, "annotations", "import", "--footage", footage, "--max-annotations", "2", forged.toString()));
        assertEquals("frameproof: many.json holds more than 2 annotations, the import limit (--max-annotations);"
                + " nothing was imported.", cli.err().strip());
        assertEquals(0, listed(data, clip).size());

        Path eaf = work.resolve("many.eaf");
        assertEquals(0, cli.run(data, "annotations", "import", "--footage", footage, forged.toString()), cli::err);
        assertEquals(0, cli.run(data, "export", "--footage", footage, "--format", "eaf", "--out", eaf.toString()), cli::err);
        assertEquals(1, cli.run(data, "annotations", "import", "--footage", footage, "--max-annotations", "2", eaf.toString()));
        assertTrue(cli.err().contains("many.eaf holds more than 2 annotations"), cli.err());
        Path w3c = work.resolve("many.w3c");
        assertEquals(0, cli.run(data, "export", "--footage", footage, "--format", "w3c", "--out", w3c.toString()), cli::err);
        assertEquals(1, cli.run(data, "annotations", "import", "--footage", footage, "--max-annotations", "2", w3c.toString()));
        assertTrue(cli.err().contains("many.w3c holds more than 2 annotations"), cli.err());
        assertEquals(3, listed(data, clip).size());
    }

    @Test
    void aHundredThousandDeepJsonIsRefusedWithAMessage() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        Path deep = work.resolve("deep.json");
        Files.writeString(deep, "{\"format\": \"frameproof-annotations\", \"formatVersion\": 1, \"annotations\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertEquals(1, cli.run(data, "annotations", "import", "--footage", Long.toString(clip.id()), deep.toString()));
        assertEquals("frameproof: deep.json nests deeper than 32 levels (line 1, column 105), which no annotations file does;"
                + " nothing was imported.", cli.err().strip());
        assertEquals(0, listed(data, clip).size());
    }

    @Test
    void anElanFileWithABillionLaughsIsRefusedBeforeAnyEntityIsExpanded() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER);
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        Path laughs = work.resolve("laughs.eaf");
        Files.writeString(laughs, "<?xml version=\"1.0\"?>\n<!DOCTYPE ANNOTATION_DOCUMENT [\n" + entities + "]>\n"
                + "<ANNOTATION_DOCUMENT><HEADER TIME_UNITS=\"milliseconds\"/><TIME_ORDER/><TIER TIER_ID=\"t\"><ANNOTATION>"
                + "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
                + "<ANNOTATION_VALUE>&lol9;</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>");
        PrintStream stderr = System.err;
        ByteArrayOutputStream parserNoise = new ByteArrayOutputStream();
        System.setErr(new PrintStream(parserNoise, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, cli.run(data, "annotations", "import", "--footage", Long.toString(clip.id()), laughs.toString()));
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", parserNoise.toString(StandardCharsets.UTF_8), "one message, nothing else on stderr");
        assertEquals("frameproof: laughs.eaf declares a DOCTYPE (entities or outside files), which Frameproof never reads"
                + " from an imported file; nothing was imported.", cli.err().strip());
        assertEquals(0, listed(data, clip).size());
    }

    private static List<Map<String, String>> csvRows(String text) throws Exception {
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class).with(csv.schemaWithHeader())
                .readValues(text)) {
            return rows.readAll();
        }
    }
}
