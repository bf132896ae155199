package org.frameproof.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Region;
import org.frameproof.domain.Role;

/**
 * Benchmark (not a test): a PDF report of 200 annotations, each with a still of a different
 * 1920x1080 frame and half of them with a region crop. Run by {@code bench/report-pdf.sh}.
 */
public final class ReportPdfBench {
    private ReportPdfBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path out = Files.createTempDirectory("report-bench").resolve("report.pdf");
        ExportedFootage footage = ExportFixtures.footage(Path.of("/vault/bench.mp4"), 1920, 1080, 10 * count + 1);
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int frame = i * 10;
            annotations.add(new Annotation(new java.util.UUID(0, i).toString(), footage.id(), footage.sha256(),
                    ExportFixtures.span(frame, frame), "Ձախ քունքին վերք, observation " + i, "Interpretation " + i,
                    Confidence.MEDIUM, List.of("bench"), i % 2 == 0 ? new Region(Region.Shape.RECTANGLE, 600, 300, 400, 300) : null,
                    new Finding.Injury("head", "gunshot wound entry", 1, "peri-mortem", "close-range gunshot"),
                    "Bench Reviewer", Role.RESEARCHER, Instant.parse("2024-01-01T00:00:00Z"), null));
        }
        EvidenceExport input = ExportFixtures.evidence(footage, annotations);
        ExportOptions options = new ExportOptions("bench", "Bench Reviewer", Instant.now(), ExportOptions.GraphicStills.INCLUDE);
        Exporter exporter = new Exporter(new PatternFrames(1920, 1080));
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            ExportResult result = exporter.export(ExportFormat.PDF, input, out, options, ExportMonitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %d annotations, %.2f s, %.1f MB%n", run, count, seconds, result.bytes() / 1e6);
        }
    }
}
