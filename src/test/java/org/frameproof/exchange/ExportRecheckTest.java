package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ExportService;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.Tamper;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every export re-hashes the footage it names: a vault copy with one flipped byte is never
 * reported as matching, stops the export with nothing written, and is marked FAILED on every page,
 * row and sidecar when the reviewer exports it anyway.
 */
@NativeTier
class ExportRecheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path work;
    private EvidenceStore store;
    private OpenFrames frames;
    private Case investigation;
    private Footage intact;
    private Footage tampered;

    @BeforeEach
    void storeWithTwoAnnotatedClips() throws Exception {
        store = TestStores.create(work.resolve("data"));
        frames = TestStores.vaultFrames(store);
        investigation = store.cases().createCase("Checkpoint 4", "");
        intact = AnnotatedStores.importClip(store, investigation, Clip.VP9);
        tampered = AnnotatedStores.importClip(store, investigation, Clip.MJPEG);
        // Enough annotations on each that the report runs over several pages of each item.
        for (Footage item : List.of(intact, tampered)) {
            for (int frame = 0; frame < 6; frame++) {
                store.annotations().create(item.id(), frame, frame, new AnnotationContent("seen on frame " + frame
                        + " of " + item.originalName(), "", Confidence.MEDIUM, List.of(), null, new Finding.Note("visual")));
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        frames.close();
        store.close();
    }

    private ExportService.Recorded export(ExportService.Scope scope, ExportFormat format, Path out, boolean includeFailed)
            throws UserFacingException {
        return store.exports().export(scope, format, out, frames, ExportOptions.GraphicStills.INCLUDE, includeFailed,
                ExportMonitor.NONE);
    }

    @Test
    void aFlippedByteStopsPdfCsvAndStillsWithAMessageNamingTheItemAndNothingWritten() throws Exception {
        Path before = work.resolve("before.pdf");
        Instant start = Instant.now();
        export(ExportService.Scope.ofCase("Checkpoint 4"), ExportFormat.PDF, before, false);
        String report = pdfText(before);
        assertTrue(report.contains("SHA-256 re-checked at "), report);
        assertFalse(report.contains("FAILED"), report);
        Instant checked = store.footage().require(tampered.id()).integrityCheckedAt();
        assertFalse(checked.isBefore(start), "checked for this export, not at import");
        assertTrue(report.replaceAll("\\s+", " ").contains("SHA-256 re-checked at " + checked + ": matches"), report);

        Tamper.flipOneByte(store.vault().encryptedFile(tampered.sha256()));

        for (ExportFormat format : ExportFormat.values()) {
            Path out = work.resolve("after-" + format.code());
            ExportService.Scope scope = format == ExportFormat.EAF || format == ExportFormat.VTT || format == ExportFormat.SRT
                    ? ExportService.Scope.ofFootage(tampered.id()) : ExportService.Scope.ofCase("Checkpoint 4");
            UserFacingException refused = assertThrows(UserFacingException.class, () -> export(scope, format, out, false));
            assertTrue(refused.getMessage().startsWith("Export refused: footage " + tampered.id() + " (mjpeg.avi) does not"
                    + " match the SHA-256 recorded at import"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Nothing was written"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), "one line");
            try (Stream<Path> left = Files.list(work)) {
                assertEquals(List.of(), left.filter(file -> file.getFileName().toString().startsWith("after")
                        || file.getFileName().toString().startsWith(".after")).toList(), format.code());
            }
        }
        assertEquals(Integrity.FAILED, store.footage().require(tampered.id()).integrity(), "the check is recorded");
        assertEquals(Integrity.INTACT, store.footage().require(intact.id()).integrity());
        assertTrue(store.audit().verify().intact());
        assertThrows(UserFacingException.class, () -> store.exports().exportFrame(tampered.id(), 2,
                work.resolve("after-frame.png"), frames), "a single still is refused too");
        assertFalse(Files.exists(work.resolve("after-frame.png")));
    }

    @Test
    void includeFailedMarksEveryPdfPageShowingTheItemAndEveryCsvRowAndSidecar() throws Exception {
        Tamper.flipOneByte(store.vault().encryptedFile(tampered.sha256()));
        ExportService.Scope scope = ExportService.Scope.ofCase("Checkpoint 4");

        Path pdf = work.resolve("report.pdf");
        export(scope, ExportFormat.PDF, pdf, true);
        List<String> pages = pdfPages(pdf);
        assertTrue(pages.size() > 3, "several pages: " + pages.size());
        int showingTampered = 0;
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            boolean showsTampered = page.contains("mjpeg.avi") || page.contains(tampered.sha256());
            if (showsTampered) {
                showingTampered++;
                assertTrue(page.contains("FAILED: footage " + tampered.id() + " (mjpeg.avi) did not match its recorded SHA-256"),
                        "page " + (i + 1) + ":\n" + page);
            } else {
                assertFalse(page.contains("FAILED"), "page " + (i + 1) + " shows only intact footage:\n" + page);
            }
        }
        assertTrue(showingTampered >= 3, "the case page, the footage list and the annotation pages");
        String all = String.join("\n", pages).replaceAll("\\s+", " ");
        Instant checked = store.footage().require(tampered.id()).integrityCheckedAt();
        assertTrue(all.contains("SHA-256 re-checked at " + checked + ": FAILED (the vault copy reads as "), all);
        assertTrue(all.contains(": matches"), "the intact item still matches");

        Path csv = work.resolve("rows.csv");
        export(scope, ExportFormat.CSV, csv, true);
        List<Map<String, String>> rows = csvRows(csv);
        assertEquals(12, rows.size());
        for (Map<String, String> row : rows) {
            boolean failed = row.get("footageId").equals(Long.toString(tampered.id()));
            assertEquals(failed ? "FAILED" : "matches", row.get("footageSha256Check"), row.toString());
            assertFalse(row.get("footageSha256CheckedAt").isEmpty(), row.toString());
        }

        Path stills = work.resolve("stills");
        export(scope, ExportFormat.STILLS, stills, true);
        int sidecars = 0;
        try (Stream<Path> files = Files.list(stills)) {
            for (Path sidecar : files.filter(file -> file.toString().endsWith(".png.json")).toList()) {
                JsonNode json = JSON.readTree(sidecar.toFile());
                assertEquals(Clip.VP9.fileName(), json.get("sourceFile").asText(), "no picture is drawn from the failed copy");
                assertEquals("matches", json.get("sourceSha256Check").get("result").asText(), sidecar.toString());
                sidecars++;
            }
        }
        assertEquals(6, sidecars);
        List<String> leftOut = Files.readAllLines(stills.resolve("FAILED.txt"));
        assertEquals(7, leftOut.size(), "a line saying why, then the six stills of the failed item: " + leftOut);
        assertTrue(leftOut.stream().skip(1).allMatch(line -> line.startsWith("mjpeg_frame") && line.contains("FAILED")), leftOut.toString());
        assertTrue(Files.readString(stills.resolve("SHA256SUMS")).contains("  FAILED.txt"));

        Path srt = work.resolve("notes.srt");
        export(ExportService.Scope.ofFootage(tampered.id()), ExportFormat.SRT, srt, true);
        assertTrue(Files.readString(work.resolve("notes.srt.txt")).contains(": FAILED"));
        assertEquals(6, Files.readString(srt).lines().filter(line -> line.startsWith("[FAILED SHA-256 CHECK] ")).count());
        export(scope, ExportFormat.JSON, work.resolve("case.json"), true);
        JsonNode exported = JSON.readTree(work.resolve("case.json").toFile());
        assertEquals("matches", exported.get("footage").get(0).get("sha256Check").get("result").asText());
        assertEquals("FAILED", exported.get("footage").get(1).get("sha256Check").get("result").asText());
        for (JsonNode annotation : exported.get("annotations")) {
            boolean failed = annotation.get("footageSha256").asText().equals(tampered.sha256());
            assertEquals(failed ? "FAILED" : "matches", annotation.get("footageSha256Check").get("result").asText());
        }
    }

    @Test
    void theReHashReportsProgressAndACancelLeavesNothing() throws Exception {
        // Progress arrives on the hashing threads while the export polls for a cancel on its own.
        List<Long> reported = new CopyOnWriteArrayList<>();
        ExportMonitor cancelAfterFirstItem = new ExportMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void rehashing(long done, long total) {
                reported.add(done);
                assertEquals(intact.sizeBytes() + tampered.sizeBytes(), total);
            }

            @Override
            public boolean isCancelled() {
                return reported.contains(intact.sizeBytes());
            }
        };
        Path out = work.resolve("cancelled.pdf");
        assertThrows(CancellationException.class, () -> store.exports().export(ExportService.Scope.ofCase("Checkpoint 4"),
                ExportFormat.PDF, out, frames, ExportOptions.GraphicStills.INCLUDE, false, cancelAfterFirstItem));
        assertTrue(reported.contains(intact.sizeBytes()), "the first item was hashed through: " + reported);
        assertFalse(Files.exists(out));
    }

    private static String pdfText(Path pdf) throws Exception {
        return String.join("\n", pdfPages(pdf));
    }

    private static List<String> pdfPages(Path pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }

    private static List<Map<String, String>> csvRows(Path csv) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<Map<String, String>> iterator = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader()).readValues(csv.toFile())) {
            return iterator.readAll();
        }
    }
}
