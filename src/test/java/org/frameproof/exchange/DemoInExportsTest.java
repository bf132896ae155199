package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export of the demo store says DEMO in every format, where its reader sees it; a real export does not. */
class DemoInExportsTest {
    @TempDir Path folder;

    private static ExportOptions options(boolean demo) {
        ExportOptions base = ExportFixtures.options();
        return new ExportOptions(base.appVersion(), base.exportedBy(), base.generatedAt(), ExportOptions.GraphicStills.INCLUDE,
                "7:0123456789abcdef", demo);
    }

    private Path export(ExportFormat format, String name, boolean demo) throws Exception {
        Path out = folder.resolve((demo ? "demo-" : "real-") + name);
        new Exporter(new PatternFrames(640, 360)).export(format, ExportFixtures.evidence(), out, options(demo), ExportMonitor.NONE);
        return out;
    }

    @Test
    void everyPdfPageSaysDemoAndTheFirstSaysItIsNotEvidence() throws Exception {
        try (PDDocument document = Loader.loadPDF(export(ExportFormat.PDF, "report.pdf", true).toFile())) {
            assertTrue(document.getDocumentInformation().getTitle().startsWith("DEMO"));
            PDFTextStripper stripper = new PDFTextStripper();
            assertTrue(stripper.getText(document).replaceAll("\\s+", " ").contains(ExportOptions.DEMO_NOTICE));
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertTrue(stripper.getText(document).contains("DEMO · Audit chain head"), "page " + page);
            }
        }
        try (PDDocument document = Loader.loadPDF(export(ExportFormat.PDF, "report.pdf", false).toFile())) {
            assertFalse(new PDFTextStripper().getText(document).contains("DEMO"));
        }
    }

    @Test
    void csvRowsBeginWithTheDemoColumnAndRealOnesKeepTheirColumns() throws Exception {
        List<String> demo = Files.readAllLines(export(ExportFormat.CSV, "export.csv", true));
        assertTrue(demo.get(0).startsWith("demo,id,kind,"), demo.get(0));
        String csv = String.join("\n", demo);
        assertEquals(ExportFixtures.evidence().annotations().size(), csv.split(ExportOptions.DEMO_NOTICE, -1).length - 1);
        assertEquals(String.join(",", CsvExport.header()),
                Files.readAllLines(export(ExportFormat.CSV, "export.csv", false)).get(0));
    }

    @Test
    void subtitlesSayDemoOnEveryCueAndInTheirNotes() throws Exception {
        String vtt = Files.readString(export(ExportFormat.VTT, "notes.vtt", true));
        assertTrue(vtt.contains("NOTE\n" + ExportOptions.DEMO_NOTICE), vtt);
        assertEquals(ExportFixtures.evidence().annotations().size(), vtt.split("\\[DEMO\\] ", -1).length - 1, vtt);
        String srt = Files.readString(export(ExportFormat.SRT, "notes.srt", true));
        assertEquals(ExportFixtures.evidence().annotations().size(), srt.split("\\[DEMO\\] ", -1).length - 1, srt);
        assertTrue(Files.readString(folder.resolve("demo-notes.srt.txt")).startsWith(ExportOptions.DEMO_NOTICE));
        assertFalse(Files.readString(export(ExportFormat.VTT, "notes.vtt", false)).contains("DEMO"));
    }

    @Test
    void jsonW3cAndElanSayDemoInTheirHeaders() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(ExportOptions.DEMO_NOTICE, json.readTree(export(ExportFormat.JSON, "export.json", true).toFile())
                .get("demo").asText());
        assertFalse(json.readTree(export(ExportFormat.JSON, "export.json", false).toFile()).has("demo"));
        JsonNode collection = json.readTree(export(ExportFormat.W3C, "export.jsonld", true).toFile());
        assertTrue(collection.get("label").asText().startsWith("DEMO: "));
        assertEquals(ExportOptions.DEMO_NOTICE, collection.get("generator").get("frameproof:demo").asText());
        W3cAssertions suite = new W3cAssertions();
        assertEquals(List.of(), suite.failures(suite.load("collections/collectionMusts.test"), collection));
        assertTrue(Files.readString(export(ExportFormat.EAF, "export.eaf", true))
                .contains("<PROPERTY NAME=\"frameproof.demo\">" + ExportOptions.DEMO_NOTICE + "</PROPERTY>"));
        assertFalse(Files.readString(export(ExportFormat.EAF, "export.eaf", false)).contains("DEMO"));
    }

    @Test
    void stillsSayDemoInTheirSidecarsAndOnThePictureItself() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path demo = export(ExportFormat.STILLS, "stills", true);
        Path real = export(ExportFormat.STILLS, "real-stills", false);
        try (Stream<Path> files = Files.list(demo)) {
            List<Path> pictures = files.filter(file -> file.toString().endsWith(".png")).toList();
            assertFalse(pictures.isEmpty());
            for (Path picture : pictures) {
                assertEquals(ExportOptions.DEMO_NOTICE, json.readTree(picture.resolveSibling(picture.getFileName() + ".json")
                        .toFile()).get("demo").asText());
                BufferedImage stamped = ImageIO.read(picture.toFile());
                BufferedImage plain = ImageIO.read(real.resolve(picture.getFileName()).toFile());
                // A red band across the top, and the picture below it untouched.
                assertEquals(0xA00000, stamped.getRGB(stamped.getWidth() - 2, 1) & 0xFFFFFF);
                int below = stamped.getHeight() - 2;
                assertEquals(plain.getRGB(5, below), stamped.getRGB(5, below));
            }
        }
    }
}
