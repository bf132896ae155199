package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export that has room for it prints the store's audit chain head, so that a reader can write it down. */
class AuditHeadInExportsTest {
    private static final String HEAD = "1234:ab12cd34ef56ab12";
    @TempDir Path folder;

    private final ExportOptions options = new ExportOptions("0.1.0-test", "Anna Petrosyan",
            ExportFixtures.options().generatedAt(), ExportOptions.GraphicStills.INCLUDE, HEAD);

    private Path export(ExportFormat format, String name) throws Exception {
        Path out = folder.resolve(name);
        new Exporter(new PatternFrames(640, 360)).export(format, ExportFixtures.evidence(), out, options, ExportMonitor.NONE);
        return out;
    }

    @Test
    void everyPdfPageFooterPrintsTheHead() throws Exception {
        try (PDDocument document = Loader.loadPDF(export(ExportFormat.PDF, "report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertTrue(stripper.getText(document).contains("Audit chain head " + HEAD), "page " + page);
            }
        }
    }

    @Test
    void csvRowsTheWebVttNoteAndTheSrtSidecarCarryTheHead() throws Exception {
        String csv = Files.readString(export(ExportFormat.CSV, "export.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains(",auditChainHead,"), csv);
        // Quoted fields span lines, so the rows are counted by their head cell.
        assertEquals(ExportFixtures.evidence().annotations().size(), csv.split("," + HEAD + ",", -1).length - 1, csv);
        assertTrue(Files.readString(export(ExportFormat.VTT, "notes.vtt")).contains("Audit chain head " + HEAD), "WebVTT NOTE");
        export(ExportFormat.SRT, "notes.srt");
        assertTrue(Files.readString(folder.resolve("notes.srt.txt")).contains("Audit chain head " + HEAD), "SRT sidecar");
    }

    @Test
    void jsonW3cEafAndStillsCarryTheHead() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(HEAD, json.readTree(export(ExportFormat.JSON, "export.json").toFile()).get("auditChainHead").asText());
        JsonNode collection = json.readTree(export(ExportFormat.W3C, "export.jsonld").toFile());
        assertEquals(HEAD, collection.get("generator").get("frameproof:auditChainHead").asText());
        W3cAssertions suite = new W3cAssertions();
        assertEquals(List.of(), suite.failures(suite.load("collections/collectionMusts.test"), collection));
        for (JsonNode annotation : collection.get("first").get("items")) {
            assertEquals(List.of(), suite.failures(suite.load("annotations/annotationMusts.test"), annotation));
        }
        assertTrue(Files.readString(export(ExportFormat.EAF, "export.eaf"))
                .contains("<PROPERTY NAME=\"frameproof.auditChainHead\">" + HEAD + "</PROPERTY>"));
        try (Stream<Path> files = Files.list(export(ExportFormat.STILLS, "stills"))) {
            List<Path> sidecars = files.filter(file -> file.toString().endsWith(".png.json")).toList();
            assertTrue(!sidecars.isEmpty());
            for (Path sidecar : sidecars) {
                assertEquals(HEAD, json.readTree(sidecar.toFile()).get("auditChainHead").asText(), sidecar.toString());
            }
        }
    }
}
