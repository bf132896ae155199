package org.frameproof.evidence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.frameproof.domain.UserFacingException;
import org.junit.jupiter.api.Test;

/** A finding received in a bundle is read back from its recorded fields whole, or refused. */
class AuditedRecordReadingTest {
    private static final Review CLAIMED = Review.claimed(Review.Verdict.REJECTED, "Dr Ana Example",
            Instant.parse("2024-05-02T09:30:00Z"), "not a wound");
    private static final ReviewStatus REVIEWED = ReviewStatus.reviewed(new Review(Review.Verdict.CONFIRMED, "Dr Omar Example",
            "cd".repeat(32), Instant.parse("2024-05-03T09:30:00Z"), "consistent"));

    private static Annotation annotation(Finding finding, Annotation.Imported imported) {
        return annotation(finding, imported, ReviewStatus.DRAFT);
    }

    private static Annotation annotation(Finding finding, Annotation.Imported imported, ReviewStatus status) {
        return new Annotation("3f2a8c1e-5b7d-4e2a-9c3b-000000000001", 7, "ab".repeat(32), new FrameSpan(10, 12, 400.0, 480.5),
                "seen", "meant", Confidence.LOW, List.of("t1", "Ост"), new Region(Region.Shape.RECTANGLE, 0.25, 12.0, 0.5, 3.0),
                finding, "Ana Test-Reviewer", Role.FIELD_STAFF, Instant.parse("2024-05-01T12:00:00Z"), null, imported, status);
    }

    @Test
    void everyKindReadsBackAsItWasRecordedOnThisStoresFootageNumber() throws Exception {
        List<Annotation> all = List.of(
                annotation(new Finding.Injury("left temple", "burn", null, null, "fire"), null, REVIEWED),
                annotation(new Finding.Location("station", 48.7, null, "exact", "shadows", List.of("tower")), null),
                annotation(new Finding.Uniform("a", "b", "c", "d", "e", "f", "g", "h", "i"), null),
                annotation(new Finding.Note("speech"), new Annotation.Imported("Ben", "notes.json", "cd".repeat(32),
                        Instant.parse("2024-06-01T10:00:00Z"), CLAIMED)));
        for (Annotation recorded : all) {
            Annotation read = AuditedRecordReading.annotation(AuditedRecords.of(recorded).fields(), 3);
            assertEquals(3, read.footageId());
            assertEquals(recorded.finding(), read.finding());
            assertEquals(recorded.status(), read.status());
            ObjectNode again = AuditedRecords.of(read).fields();
            again.put("footageId", 7);
            assertEquals(AuditedRecords.of(recorded).fields(), again);
        }
    }

    @Test
    void aFieldThisVersionCannotKeepRefusesTheRecord() throws Exception {
        ObjectNode fields = AuditedRecords.of(annotation(new Finding.Note("speech"), null)).fields();
        fields.put("reviewDeadline", "2027-01-01");
        UserFacingException refused = assertThrows(UserFacingException.class, () -> AuditedRecordReading.annotation(fields, 3));
        assertTrue(refused.getMessage().contains("cannot keep whole"), refused.getMessage());
        ObjectNode broken = AuditedRecords.of(annotation(new Finding.Note("speech"), null)).fields();
        broken.put("startFrame", "ten");
        assertThrows(UserFacingException.class, () -> AuditedRecordReading.annotation(broken, 3));
    }
}
