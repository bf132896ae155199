package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frameproof.domain.Region;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence report, read back with PDFBox's text extraction and, where installed, poppler's pdftotext. */
@NativeTier
class PdfReportTest {
    @TempDir
    Path folder;

    private final PatternFrames frames = new PatternFrames(1920, 1080);

    private ExportResult export(ExportOptions.GraphicStills stills, Path out) throws UserFacingException {
        ExportOptions options = new ExportOptions("0.1.0-test", "Anna Petrosyan", Instant.parse("2024-03-07T12:00:00Z"), stills);
        return new Exporter(frames).export(ExportFormat.PDF, ExportFixtures.evidence(), out, options, ExportMonitor.NONE);
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<PDImageXObject> images(Path pdf, PDDocument document) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    @Test
    void reportTextHoldsHashesFramesTimesAuthorsAndEveryScript() throws Exception {
        Path pdf = folder.resolve("report.pdf");
        ExportResult result = export(ExportOptions.GraphicStills.INCLUDE, pdf);
        String text = text(pdf);

        for (String expected : List.of(ExportFixtures.SHA256, "d41d8cd98f00b204e9800998ecf8427e",
                "SHA-256 re-checked at 2024-03-05T09:00:00Z: matches", "hash chain intact",
                "Injury, frame 1834 (00:01:01.194)", "Location, frames 100-250 (00:00:03.337)",
                "pts 62694.467 ms", "first frame at pts 1500.000", "State: confirmed", "Review: confirmed by Dr. Lilit Hakobyan at 2024-03-06T10:00:00Z",
                "Recorded by Ivan Sokolov (field staff)", "Body region: head, left temple",
                "Ձախ քունքին կլոր վերք", "Сгоревший автобус у перекрёстка", "Qoşun hissəsi; ağ qolbaq",
                "Generated 2024-03-07T12:00:00Z by Anna Petrosyan with Frameproof 0.1.0-test", "Page 1 of ")) {
            assertTrue(text.contains(expected), "report holds: " + expected);
        }
        assertTrue(text.contains("region at full resolution (97 x 80 pixels)"), "the injury's region crop");
        assertEquals(ExportFormat.PDF, result.format());
        assertEquals(Sha256.of(pdf), result.sha256());
        assertEquals(result.sha256() + "  report.pdf\n", Files.readString(folder.resolve("report.pdf.sha256")),
                "the report's own hash beside it, as sha256sum -c reads it");
    }

    @Test
    void stillsShowTheAnnotatedFrameAndTheCropIsTheRegionAtFullResolution() throws Exception {
        Path pdf = folder.resolve("report.pdf");
        export(ExportOptions.GraphicStills.INCLUDE, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<PDImageXObject> images = images(pdf, document);
            assertEquals(6, images.size(), "four stills and two region crops");
            // Frame order: note (0), location (100), uniform (300, with region), injury (1834, with region).
            List<Integer> shown = new ArrayList<>();
            for (PDImageXObject image : images) {
                if (image.getWidth() == PdfReport.STILL_WIDTH) {
                    shown.add(PatternFrames.frameNumber(image.getImage()));
                }
            }
            assertEquals(List.of(0, 100, 300, 1834), shown);
            BufferedImage crop = images.get(images.size() - 1).getImage();
            BufferedImage frame = frames.frame(ExportFixtures.footage(), 1834);
            Region region = ExportFixtures.annotations().get(0).region();
            assertEquals(97, crop.getWidth(), "x 812.5 to 908.5 covers pixels 812..908");
            assertEquals(80, crop.getHeight());
            int[] expected = frame.getRGB(812, 240, 97, 80, null, 0, 97);
            assertArrayEquals(expected, crop.getRGB(0, 0, 97, 80, null, 0, 97), "lossless, pixel for pixel, from x "
                    + region.x());
        }
    }

    @Test
    void graphicStillsAreLeftOutOrBlurredOnRequest() throws Exception {
        Path omitted = folder.resolve("omitted.pdf");
        export(ExportOptions.GraphicStills.OMIT, omitted);
        try (PDDocument document = Loader.loadPDF(omitted.toFile())) {
            assertEquals(0, images(omitted, document).size());
        }
        assertTrue(text(omitted).contains("[Still left out: the footage is flagged graphic.]"));

        Path blurred = folder.resolve("blurred.pdf");
        export(ExportOptions.GraphicStills.BLUR, blurred);
        try (PDDocument document = Loader.loadPDF(blurred.toFile())) {
            List<PDImageXObject> images = images(blurred, document);
            assertEquals(6, images.size());
            BufferedImage crop = images.get(images.size() - 1).getImage();
            int[] sharp = frames.frame(ExportFixtures.footage(), 1834).getRGB(812, 240, 97, 80, null, 0, 97);
            assertFalse(java.util.Arrays.equals(sharp, crop.getRGB(0, 0, 96, 80, null, 0, 96)), "the crop is blurred");
            BufferedImage sharpStill = StillImages.overview(frames.frame(ExportFixtures.footage(), 0), null,
                    PdfReport.STILL_WIDTH, false);
            double sharpDetail = textDetail(sharpStill);
            double blurredDetail = textDetail(images.get(0).getImage());
            assertTrue(sharpDetail > 100 && blurredDetail < 20, "the printed frame number is blurred away: sharpest edge "
                    + blurredDetail + ", sharp " + sharpDetail);
        }
        assertTrue(text(blurred).contains("(blurred: graphic footage)"));
    }

    /**
     * The largest brightness step between horizontal neighbours where the pattern prints "frame N"
     * (from a tenth of the width, around half the height): a letter's edge is a step of 100 or more.
     */
    private static double textDetail(BufferedImage image) {
        int sharpest = 0;
        int left = image.getWidth() / 10;
        int top = image.getHeight() * 4 / 10;
        int right = image.getWidth() / 2;
        int bottom = image.getHeight() / 2;
        for (int y = top; y < bottom; y++) {
            for (int x = left + 1; x < right; x++) {
                int step = Math.abs(((image.getRGB(x, y) >> 8) & 0xff) - ((image.getRGB(x - 1, y) >> 8) & 0xff));
                sharpest = Math.max(sharpest, step);
            }
        }
        return sharpest;
    }

    @Test
    void popplersPdftotextFindsTheHashesAndFrameNumbers() throws Exception {
        Tools.require("pdftotext", "poppler-utils");
        Path pdf = folder.resolve("report.pdf");
        export(ExportOptions.GraphicStills.INCLUDE, pdf);
        Path txt = folder.resolve("report.txt");
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        String text = Files.readString(txt, StandardCharsets.UTF_8);
        for (String expected : List.of(ExportFixtures.SHA256, "frame 1834", "frames 100-250", "Ձախ քունքին", "Степанакерт")) {
            assertTrue(text.contains(expected), "pdftotext finds: " + expected);
        }
    }

    @Test
    void cancellingLeavesNoFileBehind() throws Exception {
        Path pdf = folder.resolve("report.pdf");
        CancellingMonitor cancelAfterTwo = new CancellingMonitor(2);
        assertThrows(CancellationException.class, () -> new Exporter(frames).export(ExportFormat.PDF,
                ExportFixtures.evidence(), pdf, ExportFixtures.options(), cancelAfterTwo));
        assertEquals(4, cancelAfterTwo.total(), "progress counts the annotations");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "no report, no hash, no temporary file");
        }
    }

    @Test
    void anUnwritableDestinationGetsAClearMessageAndLeavesNothing() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "a file, not a folder");
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> export(ExportOptions.GraphicStills.INCLUDE, notAFolder.resolve("report.pdf")));
        assertEquals("Cannot write " + notAFolder.resolve("report.pdf") + ": the folder " + notAFolder
                + " does not exist.", refused.getMessage());
        UserFacingException missing = assertThrows(UserFacingException.class,
                () -> export(ExportOptions.GraphicStills.INCLUDE, folder.resolve("no/such/report.pdf")));
        assertTrue(missing.getMessage().startsWith("Cannot write "), missing.getMessage());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(notAFolder), left.toList());
        }
    }

    @Test
    void aFailingFrameSourceLeavesTheEarlierReportUntouched() throws Exception {
        Path pdf = folder.resolve("report.pdf");
        export(ExportOptions.GraphicStills.INCLUDE, pdf);
        byte[] before = Files.readAllBytes(pdf);
        FrameSource broken = (footage, frame) -> {
            throw new UserFacingException("Frame " + frame + " of " + footage.originalName() + " cannot be decoded.");
        };
        UserFacingException failed = assertThrows(UserFacingException.class, () -> new Exporter(broken)
                .export(ExportFormat.PDF, ExportFixtures.evidence(), pdf, ExportFixtures.options(), ExportMonitor.NONE));
        assertEquals("Frame 0 of VID-20240301-WA0007.mp4 cannot be decoded.", failed.getMessage());
        assertArrayEquals(before, Files.readAllBytes(pdf));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(2, left.count(), "the report and its hash, no temporary file");
        }
    }
}
