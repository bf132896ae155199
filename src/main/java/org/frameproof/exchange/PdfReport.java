package org.frameproof.exchange;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.ReviewRules;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Region;
import org.frameproof.domain.UserFacingException;

/**
 * The evidence report: the case; each footage item's provenance, hashes and the re-hash made for
 * this report; the
 * custody and audit summary; then each annotation with its frames, times, fields, author and role,
 * medical review, a still of its first frame with the region drawn, and the region cropped at
 * full resolution. Every page that shows an item whose vault copy failed its re-check says so at
 * its head.
 *
 * <p>The overview still is a JPEG at most {@value #STILL_WIDTH} pixels wide (a 1080p frame at full
 * size, 200 times, would make a report of hundreds of megabytes); the region crop is lossless at
 * the frame's full resolution, and the stills export gives every frame lossless at full size.
 */
final class PdfReport {
    static final int STILL_WIDTH = 1280;
    private static final float JPEG_QUALITY = 0.85f;
    private static final Color GREY = new Color(90, 90, 90);
    private static final Color ALERT = new Color(160, 0, 0);

    private final EvidenceExport input;
    private final ExportOptions options;
    private final FrameSource frames;
    private final ExportMonitor monitor;

    PdfReport(EvidenceExport input, ExportOptions options, FrameSource frames, ExportMonitor monitor) {
        this.input = input;
        this.options = options;
        this.frames = frames;
        this.monitor = monitor;
    }

    void write(OutputStream out) throws IOException, UserFacingException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle((options.demo() ? "DEMO evidence report: " : "Evidence report: ") + input.caseInfo().title());
            info.setAuthor(options.exportedBy());
            info.setCreator("Frameproof " + options.appVersion());
            try (ReportLayout layout = new ReportLayout(document)) {
                caseSection(layout);
                footageSection(layout);
                auditSection(layout);
                annotationsSection(layout);
                layout.finish((options.demo() ? "DEMO · " : "") + (options.auditHead() == null ? "" : options.auditHeadLine() + " · ")
                        + input.caseInfo().title() + " · generated " + options.generatedAt() + " · Frameproof " + options.appVersion());
                monitor.checkCancelled();
                document.save(out);
            }
        }
    }

    private void caseSection(ReportLayout layout) throws IOException {
        layout.text("Evidence report", 20);
        if (options.demo()) {
            layout.text(ExportOptions.DEMO_NOTICE + ".", 14, ALERT);
        }
        layout.text(input.caseInfo().title(), 14);
        if (!FindingText.blank(input.caseInfo().description())) {
            layout.text(input.caseInfo().description(), 10);
        }
        layout.space(6);
        layout.text("Generated " + options.generatedAt() + " by " + options.exportedBy() + " with Frameproof "
                + options.appVersion() + ".", 9, GREY);
        layout.text(input.footage().size() + " footage item(s), " + input.annotations().size() + " annotation(s). "
                + "Times are given since each video's first frame (HH:MM:SS.mmm) and as the frame's own "
                + "presentation timestamp (pts) in milliseconds; frame numbers count from 0 in presentation order.",
                9, GREY);
        for (ExportedFootage failed : input.footage().stream().filter(ExportedFootage::failedCheck).toList()) {
            layout.headNotice(failed.failureNotice());
            layout.text(failed.failureNotice() + ". It is included because the exporter asked for it; its stills are"
                    + " left out, since no picture is drawn from a copy that failed its check.", 10, ALERT);
        }
        layout.endHeadNotice();
        if (options.graphicStills() != ExportOptions.GraphicStills.INCLUDE) {
            layout.text("Stills of footage flagged graphic are " + (options.graphicStills() == ExportOptions.GraphicStills.BLUR
                    ? "blurred" : "left out") + " in this report.", 9, GREY);
        }
    }

    private void footageSection(ReportLayout layout) throws IOException {
        layout.space(10);
        layout.text("Footage", 16);
        for (ExportedFootage footage : input.footage()) {
            layout.keep(120);
            if (footage.failedCheck()) {
                layout.headNotice(footage.failureNotice());
            }
            layout.space(4);
            layout.text(footage.originalName() + (footage.graphic() ? "  [flagged graphic]" : ""), 12);
            layout.text("SHA-256: " + footage.sha256(), 9);
            if (footage.md5() != null) {
                layout.text("MD5: " + footage.md5(), 9);
            }
            Verification verification = footage.verification();
            layout.text(verification.describe(), 9, verification.intact() ? Color.BLACK : ALERT);
            layout.text("Provenance: " + footage.provenance(), 9);
            layout.text("Imported " + footage.importedAt() + " by " + footage.importedBy() + "; vault copy "
                    + footage.mediaFile(), 9);
            layout.text(String.format(Locale.ROOT, "%d x %d pixels, %d frames, %.3f frames per second, duration %.3f s, "
                    + "first frame at pts %.3f ms", footage.width(), footage.height(), footage.frameCount(),
                    footage.avgFrameRate(), footage.durationMs() / 1000, footage.firstPtsMs()), 9);
            layout.endHeadNotice();
        }
    }

    private void auditSection(ReportLayout layout) throws IOException {
        AuditSummary audit = input.audit();
        layout.space(10);
        layout.text("Custody and audit trail", 16);
        layout.text("Audit log: " + audit.entryCount() + " entries; hash chain " + (audit.chainIntact() ? "intact."
                : "BROKEN (" + audit.chainDetail() + ")."), 9, audit.chainIntact() ? Color.BLACK : ALERT);
        for (AuditSummary.Event event : audit.events()) {
            layout.text(event.at() + "  " + event.actor() + "  " + event.action()
                    + (FindingText.blank(event.detail()) ? "" : ": " + event.detail()), 8);
        }
    }

    private void annotationsSection(ReportLayout layout) throws IOException, UserFacingException {
        List<Annotation> annotations = input.annotations();
        String heading = "Annotations";
        if (annotations.isEmpty()) {
            layout.space(10);
            layout.text(heading, 16);
        }
        try (PreparedStills stills = new PreparedStills(annotations)) {
            for (int i = 0; i < annotations.size(); i++) {
                monitor.checkCancelled();
                Annotation annotation = annotations.get(i);
                ExportedFootage footage = input.footageOf(annotation);
                PrintedStill printed = printed(layout, stills.get(i));
                // The annotation and its still share a page whenever they fit on one, so a still
                // never seems to belong to the annotation printed below it.
                float[] height = {8 + printed.height(layout)};
                annotationText((text, size, colour) -> height[0] += layout.textHeight(text, size), annotation, footage,
                        i + 1, annotations.size());
                if (i == 0) {
                    // The heading goes with the first annotation, never alone at the foot of a page.
                    height[0] += 10 + layout.textHeight(heading, 16);
                    layout.keep(Math.min(height[0], layout.pageHeight()));
                    layout.space(10);
                    layout.text(heading, 16);
                } else {
                    layout.keep(Math.min(height[0], layout.pageHeight()));
                }
                if (footage.failedCheck()) {
                    layout.headNotice(footage.failureNotice());
                }
                layout.space(8);
                annotationText(layout::text, annotation, footage, i + 1, annotations.size());
                printed.print(layout, i + 1, annotation);
                layout.endHeadNotice();
                monitor.progress(i + 1, annotations.size());
            }
        }
    }

    /** Where an annotation's lines go: first measured, then printed. */
    @FunctionalInterface
    private interface Lines {
        void text(String text, float size, Color colour) throws IOException;

        default void text(String text, float size) throws IOException {
            text(text, size, Color.BLACK);
        }
    }

    private void annotationText(Lines layout, Annotation annotation, ExportedFootage footage, int number, int total)
            throws IOException {
        FrameSpan span = annotation.span();
        String frames = span.isPoint() ? "frame " + span.startFrame() : "frames " + span.startFrame() + "-" + span.endFrame();
        layout.text("Annotation " + number + " of " + total + ": " + annotation.kind().label() + ", "
                + frames + " (" + footage.startTimecode(span) + ")", 12);
        layout.text("Id " + annotation.id() + " · footage " + footage.originalName(), 8, GREY);
        layout.text("Footage SHA-256: " + annotation.footageSha256(), 8, GREY);
        if (footage.failedCheck()) {
            layout.text(footage.failureNotice(), 9, ALERT);
        }
        layout.text(String.format(Locale.ROOT, "First frame %d at %s (pts %.3f ms); last frame %d at %s (pts %.3f ms)",
                span.startFrame(), footage.startTimecode(span), span.startPtsMs(), span.endFrame(),
                footage.lastFrameTimecode(span), span.endPtsMs()), 9);
        layout.text("Observation: " + annotation.observation(), 10);
        if (!FindingText.blank(annotation.interpretation())) {
            layout.text("Interpretation: " + annotation.interpretation(), 10);
        }
        if (annotation.confidence() != null) {
            layout.text("Confidence: " + annotation.confidence().name().toLowerCase(Locale.ROOT), 9);
        }
        if (!annotation.tags().isEmpty()) {
            layout.text("Tags: " + String.join(", ", annotation.tags()), 9);
        }
        if (annotation.region() != null) {
            layout.text(String.format(Locale.ROOT, "Region: %s at x %.0f, y %.0f, %.0f x %.0f pixels",
                    annotation.region().shape().name().toLowerCase(Locale.ROOT), annotation.region().x(),
                    annotation.region().y(), annotation.region().width(), annotation.region().height()), 9);
        }
        for (FindingField field : FindingField.of(annotation.kind())) {
            String line = FindingText.line(field, annotation.finding());
            if (line != null) {
                layout.text(line, 9);
            }
        }
        // The report says so when a finding is not reviewed yet, and how the review stands when it is.
        for (String line : FindingText.reviewLines(annotation)) {
            layout.text(line, 9, annotation.review() == null ? GREY : Color.BLACK);
        }
        if (annotation.review() == null) {
            layout.text("Not yet reviewed by a " + ReviewRules.reviewingRole(annotation.kind()).label(), 9, GREY);
        }
        FindingSignatures signed = input.signatures().get(annotation.id());
        if (signed != null && signed.latest() != null) {
            layout.text("Signed by " + signed.latest().describe(), 9);
        }
        if (signed != null && signed.review() != null) {
            layout.text("Review signed by " + signed.review().describe() + " — "
                    + (signed.reviewCounts() ? "counts" : "does not count") + " in this store", 9,
                    signed.reviewCounts() ? Color.BLACK : ALERT);
        }
        // An imported annotation's author and review are printed only as the file's claims.
        for (String line : FindingText.importLines(annotation)) {
            layout.text(line, 9, ALERT);
        }
        layout.text((annotation.imported() == null ? "Recorded by " : "Claimed by the imported file to be recorded by ")
                + annotation.author() + " (" + annotation.role().label() + ") at "
                + annotation.createdAt() + (annotation.modifiedAt() == null ? "" : ", last changed " + annotation.modifiedAt()), 9);
    }

    private static PrintedStill printed(ReportLayout layout, Still still) throws IOException {
        return still == null ? new PrintedStill(null, null, false) : new PrintedStill(
                JPEGFactory.createFromByteArray(layout.document(), still.overviewJpeg()),
                still.crop() == null ? null : LosslessFactory.createFromImage(layout.document(), still.crop()), still.blurred());
    }

    /** An annotation's still and crop as PDF images, or neither when the still is left out. */
    private record PrintedStill(PDImageXObject overview, PDImageXObject crop, boolean blurred) {
        private static final float CAPTION = 8;
        private static final float OVERVIEW_HEIGHT = 300;
        private static final float CROP_SIZE = 240;
        private static final float CROP_ZOOM = 4;

        float height(ReportLayout layout) throws IOException {
            if (overview == null) {
                return layout.textHeight("[", 9);
            }
            float height = layout.textHeight("Frame", CAPTION) + layout.imageHeight(overview, layout.width(), OVERVIEW_HEIGHT, 1);
            return crop == null ? height
                    : height + layout.textHeight("Region", CAPTION) + layout.imageHeight(crop, CROP_SIZE, CROP_SIZE, CROP_ZOOM);
        }

        void print(ReportLayout layout, int number, Annotation annotation) throws IOException {
            if (overview == null) {
                layout.text("[Still left out: the footage is flagged graphic.]", 9, GREY);
                return;
            }
            layout.captionedImage("Annotation " + number + ", frame " + annotation.span().startFrame()
                    + (blurred ? " (blurred: graphic footage)" : "")
                    + (annotation.region() == null ? "" : ", region outlined in yellow") + ":", CAPTION, GREY,
                    overview, layout.width(), OVERVIEW_HEIGHT, 1);
            if (crop != null) {
                layout.captionedImage("Annotation " + number + ", region at full resolution (" + crop.getWidth() + " x "
                        + crop.getHeight() + " pixels):", CAPTION, GREY, crop, CROP_SIZE, CROP_SIZE, CROP_ZOOM);
            }
        }
    }

    /** An annotation's still as the report prints it: the overview as JPEG, and the region's crop. */
    private record Still(byte[] overviewJpeg, BufferedImage crop, boolean blurred) {
    }

    /**
     * The annotations' stills, made ahead of the page that prints them: frames are decoded here
     * in frame order (the decoder steps forward instead of seeking), and scaled, outlined, cropped
     * and JPEG-encoded on {@value #IMAGE_THREADS} worker threads meanwhile. At most
     * {@value #AHEAD} stills wait, so memory stays bounded (a 1080p frame is 8 MB).
     */
    private final class PreparedStills implements AutoCloseable {
        private static final int IMAGE_THREADS = 2;
        private static final int AHEAD = 6;

        private final List<Annotation> annotations;
        private final ExecutorService workers = Executors.newFixedThreadPool(IMAGE_THREADS, work -> {
            Thread thread = new Thread(work, "report-stills");
            thread.setDaemon(true);
            return thread;
        });
        private final Map<Integer, Future<Still>> pending = new HashMap<>();
        private final StillCache frames = new StillCache(PdfReport.this.frames);
        private int submitted;

        PreparedStills(List<Annotation> annotations) {
            this.annotations = annotations;
        }

        /** The still of annotation {@code i}; null when it is left out. Call with i = 0, 1, 2, ... */
        Still get(int i) throws IOException, UserFacingException {
            while (submitted < annotations.size() && submitted <= i + AHEAD) {
                monitor.checkCancelled();
                pending.put(submitted, prepare(annotations.get(submitted)));
                submitted++;
            }
            try {
                return pending.remove(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Export interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("Preparing a still failed", e.getCause());
            }
        }

        private Future<Still> prepare(Annotation annotation) throws UserFacingException {
            ExportedFootage footage = input.footageOf(annotation);
            boolean graphic = footage.graphic() && options.graphicStills() != ExportOptions.GraphicStills.INCLUDE;
            if (footage.failedCheck() || graphic && options.graphicStills() == ExportOptions.GraphicStills.OMIT) {
                return CompletableFuture.completedFuture(null);
            }
            BufferedImage frame = frames.frame(footage, annotation.span().startFrame());
            Region region = annotation.region();
            return workers.submit(() -> new Still(
                    StillImages.jpeg(StillImages.overview(frame, region, STILL_WIDTH, graphic), JPEG_QUALITY),
                    region == null ? null : StillImages.crop(frame, region, graphic), graphic));
        }

        @Override
        public void close() {
            workers.shutdownNow();
        }
    }

    /** The last frame decoded, so annotations on the same frame decode it once. */
    private static final class StillCache {
        private final FrameSource frames;
        private long footageId = -1;
        private int frameNumber = -1;
        private BufferedImage frame;

        StillCache(FrameSource frames) {
            this.frames = frames;
        }

        BufferedImage frame(ExportedFootage footage, int number) throws UserFacingException {
            if (footage.id() != footageId || number != frameNumber) {
                frame = frames.frame(footage, number);
                footageId = footage.id();
                frameNumber = number;
            }
            return frame;
        }
    }
}
