package org.frameproof.evidence.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

/**
 * The bytes an audit entry stores for a record are fixed here, by the test: no export format, and
 * no rename of one of its fields, can change what the hash chain records.
 */
class AuditedRecordsTest {
    private static final Instant CREATED = Instant.parse("2024-05-01T12:00:00Z");
    private static final Review REVIEW = new Review(Review.Verdict.CONFIRMED, "Dr Ana Example", "cd".repeat(32),
            Instant.parse("2024-05-02T09:30:00Z"), null);
    private static final Review CLAIMED = Review.claimed(Review.Verdict.CONFIRMED, "Dr Ana Example",
            Instant.parse("2024-05-02T09:30:00Z"), null);
    /** What version 1 recorded of the injury {@link #anAnnotationIsRecordedInTheAuditLogsOwnVersionedBytes} records. */
    private static final String VERSION_1_INJURY = "{\"v\":1,\"id\":\"3f2a8c1e-5b7d-4e2a-9c3b-000000000001\","
            + "\"kind\":\"injury\",\"footageId\":7,\"footageSha256\":\"" + "ab".repeat(32) + "\",\"startFrame\":10,"
            + "\"endFrame\":12,\"startPtsMs\":400.0,\"endPtsMs\":480.5,\"observation\":\"wound on the left temple, \\\"2 cm\\\"\","
            + "\"interpretation\":null,\"confidence\":\"high\",\"tags\":[\"t1\",\"Kramatorsk – Ост\"],\"region\":{\"shape\":"
            + "\"ellipse\",\"x\":0.25,\"y\":12.0,\"width\":0.5,\"height\":3.0},\"author\":\"Ana Test-Reviewer\",\"role\":"
            + "\"medical expert\",\"createdAt\":\"2024-05-01T12:00:00Z\",\"modifiedAt\":\"2024-05-03T08:00:00.123456Z\","
            + "\"bodyRegion\":\"left temple\",\"injuryType\":\"gunshot wound (entry)\",\"count\":1,\"timing\":\"peri-mortem\","
            + "\"consistentWith\":null,\"medicalReview\":{\"verdict\":\"confirmed\",\"expertName\":\"Dr Ana Example\","
            + "\"reviewedAt\":\"2024-05-02T09:30:00Z\",\"comment\":null}}";

    private static Annotation annotation(Finding finding, Annotation.Imported imported, ReviewStatus status) {
        return new Annotation("3f2a8c1e-5b7d-4e2a-9c3b-000000000001", 7, "ab".repeat(32), new FrameSpan(10, 12, 400.0, 480.5),
                "wound on the left temple, \"2 cm\"", null, Confidence.HIGH, List.of("t1", "Kramatorsk – Ост"),
                new Region(Region.Shape.ELLIPSE, 0.25, 12.0, 0.5, 3.0), finding, "Ana Test-Reviewer", Role.MEDICAL_EXPERT,
                CREATED, Instant.parse("2024-05-03T08:00:00.123456Z"), imported, status);
    }

    private static Annotation annotation(Finding finding, Annotation.Imported imported) {
        return annotation(finding, imported, ReviewStatus.DRAFT);
    }

    @Test
    void anAnnotationIsRecordedInTheAuditLogsOwnVersionedBytes() {
        Annotation injury = annotation(new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", null),
                null, ReviewStatus.reviewed(REVIEW));
        assertEquals("{\"v\":2,\"id\":\"3f2a8c1e-5b7d-4e2a-9c3b-000000000001\",\"kind\":\"injury\",\"footageId\":7,"
                + "\"footageSha256\":\"" + "ab".repeat(32) + "\",\"startFrame\":10,\"endFrame\":12,\"startPtsMs\":400.0,"
                + "\"endPtsMs\":480.5,\"observation\":\"wound on the left temple, \\\"2 cm\\\"\",\"interpretation\":null,"
                + "\"confidence\":\"high\",\"tags\":[\"t1\",\"Kramatorsk – Ост\"],\"region\":{\"shape\":\"ellipse\",\"x\":0.25,"
                + "\"y\":12.0,\"width\":0.5,\"height\":3.0},\"author\":\"Ana Test-Reviewer\",\"role\":\"medical expert\","
                + "\"createdAt\":\"2024-05-01T12:00:00Z\",\"modifiedAt\":\"2024-05-03T08:00:00.123456Z\","
                + "\"state\":\"confirmed\",\"review\":{\"verdict\":\"confirmed\",\"reviewer\":\"Dr Ana Example\","
                + "\"reviewerFingerprint\":\"" + "cd".repeat(32) + "\",\"reviewedAt\":\"2024-05-02T09:30:00Z\",\"comment\":null},"
                + "\"unsealReason\":null,"
                + "\"bodyRegion\":\"left temple\",\"injuryType\":\"gunshot wound (entry)\",\"count\":1,\"timing\":\"peri-mortem\","
                + "\"consistentWith\":null}",
                AuditedRecords.of(injury).encoded());
    }

    @Test
    void aVersion1AnnotationReadsInTheCurrentNamesAsMigrationV8ChangedItsRow() throws Exception {
        Annotation migrated = annotation(new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", null),
                null, ReviewStatus.reviewed(new Review(Review.Verdict.CONFIRMED, "Dr Ana Example", null,
                        Instant.parse("2024-05-02T09:30:00Z"), null)));
        assertEquals(AuditedRecords.of(migrated).fields(), AuditedRecords.asCurrent("annotation", VERSION_1_INJURY));
        assertEquals("{\"verdict\":\"confirmed\",\"expertName\":\"Dr Ana Example\",\"reviewedAt\":\"2024-05-02T09:30:00Z\","
                + "\"comment\":null}", AuditRecord.fields(VERSION_1_INJURY).get("medicalReview").toString(),
                "what a signature covers stays as the entry holds it");
        String unreviewedNote = VERSION_1_INJURY.substring(0, VERSION_1_INJURY.indexOf(",\"bodyRegion\""))
                .replace("\"kind\":\"injury\"", "\"kind\":\"note\"") + ",\"category\":null}";
        assertEquals(AuditedRecords.of(annotation(new Finding.Note(null), null, ReviewStatus.SUBMITTED)).fields(),
                AuditedRecords.asCurrent("annotation", unreviewedNote));
    }

    @Test
    void anEntryInAVersionThisBuildDoesNotKnowIsRefused() {
        assertThrows(UserFacingException.class, () -> AuditRecord.fields("{\"v\":3,\"id\":\"x\"}"));
        assertThrows(UserFacingException.class, () -> AuditRecord.fields("{\"v\":\"2\",\"id\":\"x\"}"));
    }

    @Test
    void anImportedLocationIsRecordedWithItsImportAndItsKindsFields() {
        Annotation location = annotation(new Finding.Location("Kramatorsk station", 48.7235, 37.5563, null, "shadows",
                List.of("water tower")), new Annotation.Imported("Ben Importer", "notes.json", "cd".repeat(32),
                Instant.parse("2024-06-01T10:00:00Z"), CLAIMED));
        String encoded = AuditedRecords.of(location).encoded();
        String expectedTail = ",\"imported\":true,\"importedBy\":\"Ben Importer\",\"importedFromFile\":\"notes.json\","
                + "\"importedFileSha256\":\"" + "cd".repeat(32) + "\",\"importedAt\":\"2024-06-01T10:00:00Z\","
                + "\"claimedReview\":{\"verdict\":\"confirmed\",\"expertName\":\"Dr Ana Example\","
                + "\"reviewedAt\":\"2024-05-02T09:30:00Z\",\"comment\":null},\"placeName\":\"Kramatorsk station\","
                + "\"latitude\":48.7235,\"longitude\":37.5563,\"precision\":null,\"method\":\"shadows\","
                + "\"landmarks\":[\"water tower\"]}";
        assertEquals(expectedTail, encoded.substring(encoded.indexOf(",\"imported\":")));
    }

    @Test
    void everyFieldOfEveryKindOfFindingIsRecorded() throws Exception {
        int common = AuditedRecords.of(annotation(new Finding.Note(null), null)).fields().size() - 1;
        for (Finding finding : List.of(new Finding.Injury(null, null, null, null, null),
                new Finding.Location(null, null, null, null, null, List.of()),
                new Finding.Uniform(null, null, null, null, null, null, null, null, null), new Finding.Note(null))) {
            int fields = AuditedRecords.of(annotation(finding, null)).fields().size();
            assertEquals(finding.getClass().getRecordComponents().length, fields - common,
                    finding.getClass().getSimpleName() + ": a field added to a finding needs its line in AuditedRecords");
        }
    }

    @Test
    void theAuditEncodingReadsNoExportFormat() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.frameproof.evidence.audit");
        noClasses().that().resideInAPackage("org.frameproof.evidence.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.frameproof.exchange..", "org.frameproof.cli..",
                        "org.frameproof.ui..")
                .check(main);
    }
}
