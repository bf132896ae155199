package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.CommandLineRun;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.Standards;
import org.frameproof.testing.Tamper;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotation and export commands, run as a script would run them, on real stores and clips. */
@NativeTier
class AnnotationCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path work;
    private StringWriter out;
    private StringWriter err;
    private final CommandLineRun cli = new CommandLineRun();

    private int run(Path data, String... args) {
        int code = cli.run(data, args);
        out = new StringWriter().append(cli.out());
        err = new StringWriter().append(cli.err());
        return code;
    }

    private Footage storeWithClip(Path data, Reviewer reviewer, Clip clip) throws Exception {
        try (EvidenceStore store = TestStores.stores().create(data, TestStores.PASSPHRASE.toCharArray(), reviewer)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            return AnnotatedStores.importClip(store, investigation, clip);
        }
    }

    private String add(Path data, String... args) {
        assertEquals(0, run(data, Stream.concat(Stream.of("annotations", "add"), Stream.of(args)).toArray(String[]::new)),
                err::toString);
        return out.toString().strip();
    }

    @Test
    void eachKindIsAddedListedShownAndFoundFromTheCommandLine() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        String footage = Long.toString(clip.id());
        String injury = add(data, "--footage", footage, "--frame", "50", "--kind", "injury", "--observation",
                "Ձախ քունքին վերք", "--interpretation", "close-range gunshot", "--confidence", "high", "--tag", "execution",
                "--tag", "wound", "--region", "100,50,64,48", "--body-region", "left temple", "--injury-type",
                "gunshot wound (entry)", "--count", "1", "--timing", "peri-mortem", "--consistent-with", "close-range gunshot");
        String location = add(data, "--footage", footage, "--in", "10", "--out", "20", "--kind", "location",
                "--observation", "church dome on the ridge", "--place", "Шуши", "--lat", "39°45'31\"N", "--lon", "46.7489",
                "--precision", "locality (±1 km)", "--method", "landmarks", "--landmark", "church", "--landmark", "ridge");
        String uniform = add(data, "--footage", footage, "--frame", "0", "--kind", "uniform", "--observation",
                "ağ qolbaq", "--camouflage", "multicam", "--insignia", "eagle patch", "--armband", "yes",
                "--armband-colour", "white", "--headgear", "helmet", "--weapons", "rifle", "--vehicles", "truck 45",
                "--claimed-force", "unit X", "--claim-basis", "patch matches published photos");
        String note = add(data, "--footage", footage, "--frame", "199", "--kind", "note", "--observation",
                "صوت إطلاق نار", "--category", "sound");

        assertEquals(0, run(data, "annotations", "list", "--footage", footage, "--json"), err::toString);
        JsonNode listed = JSON.readTree(out.toString());
        assertEquals(List.of(uniform, location, injury, note), ids(listed), "sorted by frame");
        JsonNode first = listed.get(2);
        for (String field : List.of("id", "kind", "startFrame", "endFrame", "startPtsMs", "endPtsMs", "footageSha256",
                "observation", "interpretation", "author", "role", "createdAt", "bodyRegion", "injuryType", "count",
                "timing", "consistentWith")) {
            assertTrue(first.has(field), field);
        }
        assertEquals("injury", first.get("kind").asText());
        assertEquals("Ձախ քունքին վերք", first.get("observation").asText());
        assertEquals(clip.sha256(), first.get("footageSha256").asText());
        assertEquals(TestStores.REVIEWER.name(), first.get("author").asText());
        assertEquals(64, first.get("region").get("width").asDouble());
        JsonNode place = listed.get(1);
        assertEquals("39.7586111", place.get("latitude").asText(), "39°45'31\"N to seven decimals");
        assertEquals("[\"church\",\"ridge\"]", place.get("landmarks").toString());
        assertEquals("white", listed.get(0).get("armbandColour").asText());
        assertEquals("sound", listed.get(3).get("category").asText());

        assertEquals(0, run(data, "annotations", "list", "--case", "Checkpoint 4"));
        assertEquals(4, out.toString().strip().lines().count());
        assertEquals(0, run(data, "annotations", "show", location));
        assertTrue(out.toString().contains("placeName") && out.toString().contains("Шуши"), out.toString());
        assertEquals(0, run(data, "search", "ШУШИ", "--json"));
        JsonNode hits = JSON.readTree(out.toString());
        assertEquals(List.of(location), ids(hits));
        assertEquals("Checkpoint 4", hits.get(0).get("caseTitle").asText());

        assertEquals(1, run(data, "annotations", "add", "--footage", footage, "--frame", "200", "--kind", "note",
                "--observation", "past the end"));
        assertEquals("frameproof: Footage " + footage + " has frames 0 to 199; frame 200 is not one of them.", err.toString().strip());
        assertEquals(1, run(data, "annotations", "add", "--footage", footage, "--frame", "1", "--kind", "note",
                "--observation", "x", "--place", "Shusha"));
        assertEquals("frameproof: --place is for location annotations, and this one is note.", err.toString().strip());
        assertEquals(2, run(data, "annotations", "add", "--footage", footage, "--frame", "1", "--in", "1", "--out", "2",
                "--kind", "note", "--observation", "x"));
        assertEquals(0, run(data, "annotations", "delete", note));
        assertEquals(0, run(data, "annotations", "list", "--footage", footage, "--json"));
        assertEquals(3, JSON.readTree(out.toString()).size());
        assertEquals(0, run(data, "audit", "verify"), err::toString);
    }

    @Test
    void onlyAMedicalExpertConfirmsOrRejectsFromTheCommandLine() throws Exception {
        Path field = work.resolve("field");
        Footage clip = storeWithClip(field, new Reviewer("Lia Field", Role.FIELD_STAFF), Clip.MJPEG);
        String injury = add(field, "--footage", Long.toString(clip.id()), "--frame", "3", "--kind", "injury",
                "--observation", "burn on the hand", "--injury-type", "burn");
        assertEquals(1, run(field, "annotations", "confirm", injury, "--comment", "looks right"));
        assertEquals("frameproof: Only a medical expert can confirm an injury; Lia Field works here as field staff.",
                err.toString().strip());

        CommandLineRun expert = new CommandLineRun();
        String expertPassphrase = "the expert's own passphrase";
        assertEquals(0, expert.addReviewer(field, "Dr. Lilit Hakobyan", "medical expert", expertPassphrase), expert::err);
        assertEquals(0, run(field, "annotations", "submit", injury), err::toString);
        assertEquals(0, expert.runWith(expertPassphrase, field, "annotations", "reject", injury, "--comment",
                "a shadow, not a burn"), expert::err);
        assertEquals(0, run(field, "annotations", "show", injury, "--json"));
        JsonNode shown = JSON.readTree(out.toString());
        assertEquals("rejected", shown.get("state").asText());
        JsonNode review = shown.get("review");
        assertEquals("rejected", review.get("verdict").asText());
        assertEquals("Dr. Lilit Hakobyan", review.get("reviewer").asText());
        assertEquals("a shadow, not a burn", review.get("comment").asText());
        assertTrue(review.get("counts").asBoolean(), review.toString());
    }

    @Test
    void everyFormatIsExportedFromTheCommandLineReadBackIndependentlyAndAudited() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        String footage = Long.toString(clip.id());
        add(data, "--footage", footage, "--frame", "37", "--kind", "injury", "--observation", "Ձախ քունքին վերք",
                "--region", "100,50,64,48", "--injury-type", "laceration");
        add(data, "--footage", footage, "--in", "120", "--out", "150", "--kind", "note", "--observation", "Солдат говорит");
        Path exports = Files.createDirectory(work.resolve("exports"));
        for (ExportFormat format : ExportFormat.values()) {
            Path target = exports.resolve(format == ExportFormat.STILLS ? "stills" : "out." + format.code());
            assertEquals(0, run(data, "export", "--footage", footage, "--format", format.code(), "--out", target.toString()),
                    format + ": " + err);
            assertTrue(Files.exists(target), format.code());
        }
        try (PDDocument pdf = Loader.loadPDF(exports.resolve("out.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(clip.sha256()) && text.contains("37"), "the report names the hash and the frame");
        }
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Standards.file("elan/EAFv3.0.xsd").toFile())
                .newValidator().validate(new StreamSource(exports.resolve("out.eaf").toFile()));
        assertEquals(2, FfmpegSubtitles.read(exports.resolve("out.vtt")).cues().size());
        assertEquals(2, FfmpegSubtitles.read(exports.resolve("out.srt")).cues().size());
        W3cAssertions suite = new W3cAssertions();
        List<W3cAssertions.Assertion> musts = suite.load("annotations/annotationMusts.test");
        for (JsonNode annotation : JSON.readTree(exports.resolve("out.w3c").toFile()).get("first").get("items")) {
            assertEquals(List.of(), suite.failures(musts, annotation));
        }
        assertEquals(3, Files.readString(exports.resolve("out.csv")).strip().lines().count(), "a header and two rows");
        BufferedImage still = ImageIO.read(exports.resolve("stills").resolve("h264-bframes-longgop_frame000037.png").toFile());
        assertEquals(37, FramePattern.read(still));

        List<AuditEntry> exportEvents = auditEntries(data).stream().filter(entry -> entry.action().equals("export")).toList();
        assertEquals(ExportFormat.values().length, exportEvents.size());
        JsonNode pdfEvent = JSON.readTree(exportEvents.get(0).afterJson());
        assertEquals("pdf", pdfEvent.get("format").asText());
        assertEquals(Sha256.of(exports.resolve("out.pdf")), pdfEvent.get("sha256").asText());
        assertEquals(TestStores.REVIEWER.name(), exportEvents.get(0).actor());
    }

    @Test
    void anUnwritableDestinationIsOneLineAndLeavesNothing() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER, Clip.MJPEG);
        Path missing = work.resolve("no such folder").resolve("out.csv");
        assertEquals(1, run(data, "export", "--footage", Long.toString(clip.id()), "--format", "csv", "--out", missing.toString()));
        assertOneMessageLine("frameproof: Cannot write ");
        assertFalse(Files.exists(missing));
    }

    @Test
    void aTamperedVaultCopyStopsTheExportUnlessIncludeFailedIsGiven() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER, Clip.MJPEG);
        String footage = Long.toString(clip.id());
        add(data, "--footage", footage, "--frame", "3", "--kind", "note", "--observation", "a flag on the roof");
        try (EvidenceStore store = TestStores.unlock(data)) {
            Tamper.flipOneByte(store.vault().encryptedFile(clip.sha256()));
        }
        Path pdf = work.resolve("report.pdf");
        assertEquals(1, run(data, "export", "--footage", footage, "--format", "pdf", "--out", pdf.toString()));
        assertOneMessageLine("frameproof: Export refused: footage " + footage + " (mjpeg.avi) does not match the SHA-256");
        assertTrue(err.toString().contains("--include-failed"), err.toString());
        assertFalse(Files.exists(pdf));
        assertFalse(Files.exists(work.resolve("report.pdf.sha256")));

        Path csv = work.resolve("rows.csv");
        assertEquals(0, run(data, "export", "--footage", footage, "--format", "csv", "--out", csv.toString(),
                "--include-failed"), err::toString);
        assertTrue(Files.readString(csv).lines().skip(1).allMatch(row -> row.contains(",FAILED,")), Files.readString(csv));
        assertEquals(0, run(data, "export", "--help"));
        assertTrue(out.toString().contains("--include-failed"), out.toString());
    }

    private void assertOneMessageLine(String start) {
        List<String> messages = err.toString().lines().filter(line -> line.startsWith("frameproof: ")).toList();
        assertEquals(1, messages.size(), err.toString());
        assertTrue(messages.get(0).startsWith(start), err.toString());
        assertTrue(err.toString().strip().endsWith(messages.get(0)), "the message is the last line: " + err);
    }

    @Test
    void jsonExportedThenImportedIntoAnEmptyCaseGivesTheSameAnnotations() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER, Clip.VFR_PHONE);
        String footage = Long.toString(clip.id());
        add(data, "--footage", footage, "--frame", "5", "--kind", "injury", "--observation", "Ձախ քունքին վերք",
                "--region", "10,10,20,20", "--body-region", "left temple", "--count", "2");
        add(data, "--footage", footage, "--in", "10", "--out", "30", "--kind", "location", "--observation", "Şuşa",
                "--place", "Şuşa", "--lat", "39.75", "--lon", "46.75", "--landmark", "cathedral", "--tag", "geo");
        Path exported = work.resolve("annotations.json");
        assertEquals(0, run(data, "export", "--footage", footage, "--format", "json", "--out", exported.toString()), err::toString);
        assertEquals(0, run(data, "cases", "create", "Empty case"));
        assertEquals(0, run(data, "import", "--case", "Empty case", Clip.VFR_PHONE.path().toString()), err::toString);
        assertEquals(0, run(data, "footage", "list", "--case", "Empty case", "--json"));
        String copy = JSON.readTree(out.toString()).get(0).get("id").asText();
        assertEquals(0, run(data, "annotations", "import", "--footage", copy, exported.toString()), err::toString);
        assertTrue(out.toString().startsWith("Imported 2 annotations into footage " + copy + " from annotations.json (sha256 "
                + Sha256.of(exported) + ")"), out.toString());

        assertEquals(0, run(data, "annotations", "list", "--footage", footage, "--json"));
        List<JsonNode> original = withoutIdentity(JSON.readTree(out.toString()));
        assertEquals(0, run(data, "annotations", "list", "--footage", copy, "--json"));
        JsonNode importedJson = JSON.readTree(out.toString());
        List<JsonNode> imported = withoutIdentity(importedJson);
        assertEquals(original, imported);
        assertEquals(2, imported.size());
        for (JsonNode annotation : importedJson) {
            assertEquals("annotations.json", annotation.get("importedFromFile").asText());
            assertEquals(Sha256.of(exported), annotation.get("importedFileSha256").asText());
        }
    }

    @Test
    void elanTiersBecomeNotesOnImport() throws Exception {
        Path data = work.resolve("data");
        Footage clip = storeWithClip(data, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        String footage = Long.toString(clip.id());
        String original = add(data, "--footage", footage, "--in", "25", "--out", "49", "--kind", "note", "--observation",
                "Выстрел", "--category", "sound");
        Path eaf = work.resolve("notes.eaf");
        assertEquals(0, run(data, "export", "--footage", footage, "--format", "eaf", "--out", eaf.toString()), err::toString);
        assertEquals(0, run(data, "annotations", "import", "--footage", footage, eaf.toString()), err::toString);
        assertEquals(0, run(data, "annotations", "list", "--footage", footage, "--json"));
        JsonNode listed = JSON.readTree(out.toString());
        assertEquals(2, listed.size());
        JsonNode fromElan = listed.get(0).get("id").asText().equals(original) ? listed.get(1) : listed.get(0);
        assertTrue(fromElan.get("observation").asText().contains("Выстрел"), fromElan.toString());
        assertEquals(25, fromElan.get("startFrame").asInt());
        assertEquals(49, fromElan.get("endFrame").asInt());
    }

    @Test
    void aStillNamedByAnAnnotationDecodesToThatFrameForEveryClipKind() throws Exception {
        for (Clip kind : Clip.values()) {
            Path data = work.resolve("data-" + kind.name());
            Footage clip = storeWithClip(data, TestStores.REVIEWER, kind);
            int frame = kind.facts().frameCount() * 2 / 3;
            add(data, "--footage", Long.toString(clip.id()), "--frame", Integer.toString(frame), "--kind", "note",
                    "--observation", "frame " + frame);
            Path stills = work.resolve("stills-" + kind.name());
            assertEquals(0, run(data, "export", "--footage", Long.toString(clip.id()), "--format", "stills", "--out",
                    stills.toString()), err::toString);
            try (Stream<Path> files = Files.list(stills)) {
                Path png = files.filter(file -> file.toString().endsWith(".png")).findFirst().orElseThrow();
                assertEquals(frame, FramePattern.read(ImageIO.read(png.toFile())), kind + ": " + png.getFileName());
            }
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<JsonNode> withoutIdentity(JsonNode array) {
        List<JsonNode> stripped = new ArrayList<>();
        array.forEach(item -> stripped.add(((ObjectNode) item.deepCopy()).without(List.of("id", "footageId", "imported",
                "importedBy", "importedFromFile", "importedFileSha256", "importedAt", "claimedReview"))));
        return stripped;
    }

    private static List<AuditEntry> auditEntries(Path data) throws Exception {
        try (EvidenceStore store = TestStores.unlock(data)) {
            return TestStores.auditEntries(store);
        }
    }
}
