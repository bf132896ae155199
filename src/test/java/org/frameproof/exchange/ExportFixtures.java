package org.frameproof.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Role;

/**
 * A case with one annotation of each kind, in the scripts reviewers type (Armenian, Cyrillic,
 * Azerbaijani Latin, Arabic), with the characters that break naive writers (commas, quotes, line
 * breaks, a spreadsheet formula) and every optional field both set and empty.
 */
final class ExportFixtures {
    static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** A clip whose edit list starts it at 1.5 s, at 29.97 frames per second. */
    static final double FIRST_PTS_MS = 1500.0;
    static final double FPS = 30000.0 / 1001.0;
    static final Instant CREATED = Instant.parse("2024-03-05T09:15:30.125Z");

    private ExportFixtures() {
    }

    static double ptsMs(int frame) {
        return FIRST_PTS_MS + frame * 1001.0 / 30.0;
    }

    static FrameSpan span(int start, int end) {
        return new FrameSpan(start, end, ptsMs(start), ptsMs(end));
    }

    static ExportedFootage footage(Path mediaFile, int width, int height, int frameCount) {
        return new ExportedFootage(7, "VID-20240301-WA0007.mp4", SHA256, "d41d8cd98f00b204e9800998ecf8427e",
                mediaFile, "video/mp4", FIRST_PTS_MS, frameCount * 1001.0 / 30.0, FPS, frameCount, width, height,
                "Shared on a messaging channel on 1 March 2024; handed over by the field office",
                Instant.parse("2024-03-02T08:00:00Z"), "Anna Petrosyan", true,
                new Verification(true, Instant.parse("2024-03-05T09:00:00Z"), "SHA-256 matches the hash recorded at import"));
    }

    static ExportedFootage footage() {
        return footage(Path.of("/vault/9f/" + SHA256 + ".mp4"), 1920, 1080, 2400);
    }

    /** The hex fingerprint the confirming expert's review names. */
    static final String REVIEWER_FINGERPRINT = "ab".repeat(32);

    static List<Annotation> annotations() {
        Annotation injury = new Annotation("3f1c2a7e-5b7d-4c8e-9f00-1a2b3c4d5e6f", 7, SHA256, span(1834, 1834),
                "Ձախ քունքին կլոր վերք, the man on the left", "Consistent with a \"close-range\" gunshot,\nentry wound",
                Confidence.HIGH, List.of("execution", "wound"), new Region(Region.Shape.ELLIPSE, 812.5, 240, 96, 80),
                new Finding.Injury("head, left temple", "gunshot wound entry", 1, "peri-mortem", "close-range gunshot"),
                "Anna Petrosyan", Role.RESEARCHER, CREATED, Instant.parse("2024-03-06T10:00:00Z"), null,
                ReviewStatus.reviewed(new Review(Review.Verdict.CONFIRMED, "Dr. Lilit Hakobyan", REVIEWER_FINGERPRINT,
                        Instant.parse("2024-03-06T10:00:00Z"), "Stippling visible")));
        Annotation location = new Annotation("0b6e1f3a-2c4d-4e5f-8a9b-0c1d2e3f4a5b", 7, SHA256, span(100, 250),
                "Сгоревший автобус у перекрёстка", "Street near the central market", Confidence.MEDIUM,
                List.of("geolocation"), null,
                new Finding.Location("Степанакерт", 39.8177, 46.7528, "vicinity ±100 m", "landmarks",
                        List.of("water tower", "church dome")),
                "Ivan Sokolov", Role.FIELD_STAFF, CREATED.plusSeconds(60), null);
        Annotation uniform = new Annotation("7d8e9f00-1122-4334-8556-778899aabbcc", 7, SHA256, span(300, 360),
                "=HYPERLINK(\"http://example.invalid\"), Qoşun hissəsi; ağ qolbaq", null, Confidence.LOW, List.of(),
                new Region(Region.Shape.RECTANGLE, 100, 120, 300, 400),
                new Finding.Uniform("multicam", "unit patch, left sleeve", "yes", "white", "none", "AK-pattern rifle",
                        "pickup truck with number 45", "Special police unit", "patch matches published photos"),
                "Anna Petrosyan", Role.RESEARCHER, CREATED.plusSeconds(120), CREATED.plusSeconds(180));
        Annotation note = new Annotation("a1b2c3d4-e5f6-4789-abcd-ef0123456789", 7, SHA256, span(0, 0),
                "صوت إطلاق نار", null, null, List.of(), null, new Finding.Note("sound"),
                "Dr. Lilit Hakobyan", Role.MEDICAL_EXPERT, CREATED.plusSeconds(240), null);
        return List.of(injury, location, uniform, note);
    }

    static EvidenceExport evidence() {
        return evidence(footage(), annotations());
    }

    static EvidenceExport evidence(ExportedFootage footage, List<Annotation> annotations) {
        return new EvidenceExport(new ExportedCase("Case 2024-017: Hadrut detentions", "Footage of detainees"),
                List.of(footage), annotations,
                new AuditSummary(42, true, "42 entries, every link verified", List.of(
                        new AuditSummary.Event(Instant.parse("2024-03-02T08:00:00Z"), "Anna Petrosyan", "import",
                                "VID-20240301-WA0007.mp4 sha256 " + SHA256),
                        new AuditSummary.Event(Instant.parse("2024-03-05T09:00:00Z"), "Anna Petrosyan", "verify",
                                "hash matches"))));
    }

    static ExportOptions options() {
        return new ExportOptions("0.1.0-test", "Anna Petrosyan", Instant.parse("2024-03-07T12:00:00Z"),
                ExportOptions.GraphicStills.INCLUDE);
    }
}
