package org.frameproof.evidence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.CustodyEvent;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VerificationBasis;
import org.frameproof.store.StoredMediaFacts;

/**
 * The records the audit log keeps whole before and after each change, in encoding version 2.
 * These names are the audit log's own: they began as the export's names, but an export may rename
 * its fields while these stay as they are, since every entry written in them is hashed as stored.
 * A field added to a record needs its line here (a new version if an existing name changes), and
 * {@link #asCurrent} reads each earlier version in the current names.
 */
public final class AuditedRecords {
    private AuditedRecords() {
    }

    public static AuditRecord of(Case investigation) {
        return AuditRecord.builder()
                .number("id", investigation.id())
                .text("title", investigation.title())
                .text("description", investigation.description())
                .text("createdBy", investigation.createdBy())
                .text("createdAt", text(investigation.createdAt()))
                .build();
    }

    public static AuditRecord of(Footage footage) {
        Provenance provenance = footage.provenance();
        return AuditRecord.builder()
                .number("id", footage.id())
                .number("caseId", footage.caseId())
                .text("sha256", footage.sha256())
                .text("md5", footage.md5())
                .number("sizeBytes", footage.sizeBytes())
                .text("originalName", footage.originalName())
                .text("originalPath", footage.originalPath())
                .text("importedBy", footage.importedBy().name())
                .text("importedRole", footage.importedBy().role().name())
                .text("importedAt", text(footage.importedAt()))
                .text("machine", footage.machine())
                .text("appVersion", footage.appVersion())
                .text("mediaFacts", footage.mediaFacts() == null ? null : StoredMediaFacts.write(footage.mediaFacts()))
                .text("sourceUrl", provenance.sourceUrl())
                .text("platform", provenance.platform())
                .text("poster", provenance.poster())
                .text("firstSeenAt", text(provenance.firstSeenAt()))
                .text("firstSeenBasis", provenance.firstSeenBasis())
                .flag("graphicViolence", provenance.graphicViolence())
                .flag("identifiablePeople", provenance.identifiablePeople())
                .text("status", footage.status().label())
                .text("statusReason", footage.statusReason())
                .record("basis", basis(footage.basis()))
                .number("duplicateOf", footage.duplicateOf())
                .text("integrity", footage.integrity().label())
                .text("integrityCheckedAt", text(footage.integrityCheckedAt()))
                .build();
    }

    public static AuditRecord of(CustodyEvent event) {
        return AuditRecord.builder()
                .number("id", event.id())
                .number("footageId", event.footageId())
                .text("occurredAt", text(event.occurredAt()))
                .text("actor", event.reviewer().name())
                .text("role", event.reviewer().role().name())
                .text("kind", event.kind())
                .text("details", event.details())
                .build();
    }

    /** The annotation with its kind's fields; null for none (before a creation, after a deletion). */
    public static AuditRecord of(Annotation annotation) {
        if (annotation == null) {
            return null;
        }
        FrameSpan span = annotation.span();
        AuditRecord.Builder record = AuditRecord.builder()
                .text("id", annotation.id())
                .text("kind", annotation.kind().code())
                .number("footageId", annotation.footageId())
                .text("footageSha256", annotation.footageSha256())
                .number("startFrame", span.startFrame())
                .number("endFrame", span.endFrame())
                .decimal("startPtsMs", span.startPtsMs())
                .decimal("endPtsMs", span.endPtsMs())
                .text("observation", annotation.observation())
                .text("interpretation", annotation.interpretation())
                .text("confidence", annotation.confidence() == null ? null : lower(annotation.confidence()))
                .texts("tags", annotation.tags())
                .record("region", region(annotation.region()))
                .text("author", annotation.author())
                .text("role", annotation.role().label())
                .text("createdAt", text(annotation.createdAt()))
                .text("modifiedAt", text(annotation.modifiedAt()));
        ReviewStatus status = annotation.status();
        record.text("state", status.state().label())
                .record("review", review(status.review()))
                .text("unsealReason", status.unsealReason());
        Annotation.Imported imported = annotation.imported();
        if (imported != null) {
            record.flag("imported", true)
                    .text("importedBy", imported.importer())
                    .text("importedFromFile", imported.fileName())
                    .text("importedFileSha256", imported.fileSha256())
                    .text("importedAt", text(imported.importedAt()))
                    .record("claimedReview", claimedReview(imported.claimedReview()));
        }
        finding(annotation.finding(), record);
        return record.build();
    }

    private static void finding(Finding finding, AuditRecord.Builder record) {
        if (finding instanceof Finding.Injury injury) {
            record.text("bodyRegion", injury.bodyRegion())
                    .text("injuryType", injury.injuryType())
                    .number("count", injury.count())
                    .text("timing", injury.timing())
                    .text("consistentWith", injury.consistentWith());
        } else if (finding instanceof Finding.Location location) {
            record.text("placeName", location.placeName())
                    .decimal("latitude", location.latitude())
                    .decimal("longitude", location.longitude())
                    .text("precision", location.precision())
                    .text("method", location.method())
                    .texts("landmarks", location.landmarks());
        } else if (finding instanceof Finding.Uniform uniform) {
            record.text("camouflage", uniform.camouflage())
                    .text("insignia", uniform.insignia())
                    .text("armband", uniform.armband())
                    .text("armbandColour", uniform.armbandColour())
                    .text("headgear", uniform.headgear())
                    .text("weapons", uniform.weapons())
                    .text("vehicles", uniform.vehicles())
                    .text("claimedForce", uniform.claimedForce())
                    .text("claimBasis", uniform.claimBasis());
        } else if (finding instanceof Finding.Note note) {
            record.text("category", note.category());
        } else {
            throw new IllegalArgumentException("No audit encoding for " + finding.getClass().getSimpleName());
        }
    }

    private static AuditRecord region(Region region) {
        return region == null ? null : AuditRecord.builder()
                .text("shape", lower(region.shape()))
                .decimal("x", region.x())
                .decimal("y", region.y())
                .decimal("width", region.width())
                .decimal("height", region.height())
                .build();
    }

    private static AuditRecord review(Review review) {
        return review == null ? null : AuditRecord.builder()
                .text("verdict", review.verdict().label())
                .text("reviewer", review.reviewer())
                .text("reviewerFingerprint", review.reviewerFingerprint())
                .text("reviewedAt", text(review.reviewedAt()))
                .text("comment", review.comment())
                .build();
    }

    private static AuditRecord basis(VerificationBasis basis) {
        return basis == null ? null : AuditRecord.builder()
                .text("source", basis.source())
                .text("date", basis.date())
                .text("place", basis.place())
                .build();
    }

    /** A review a file claims, in version 1's names (a claim names an expert and no key). */
    private static AuditRecord claimedReview(Review review) {
        return review == null ? null : AuditRecord.builder()
                .text("verdict", review.verdict().label())
                .text("expertName", review.reviewer())
                .text("reviewedAt", text(review.reviewedAt()))
                .text("comment", review.comment())
                .build();
    }

    /**
     * The fields an entry recorded, read in the current version's names: what a live row is
     * compared with to see whether it changed outside Frameproof. An annotation of version 1
     * carried an injury's medical review among the injury's fields and no state; it reads as the
     * state migration V8 gave such a row (confirmed or rejected when reviewed, else submitted).
     */
    public static ObjectNode asCurrent(String entityType, String stored) throws UserFacingException {
        ObjectNode fields = AuditRecord.fields(stored);
        if (AuditRecord.version(stored) >= 2) {
            return fields;
        }
        if ("footage".equals(entityType)) {
            fields.putNull("basis"); // no basis was asked for before version 2
            return fields;
        }
        if (!"annotation".equals(entityType)) {
            return fields;
        }
        JsonNode medical = fields.remove("medicalReview");
        boolean reviewed = medical != null && medical.isObject();
        fields.put("state", reviewed ? medical.path("verdict").asText() : ReviewState.SUBMITTED.label());
        if (reviewed) {
            fields.set("review", review(Review.claimed(Review.Verdict.valueOf(medical.path("verdict").asText().toUpperCase(Locale.ROOT)),
                    medical.path("expertName").asText(), Instant.parse(medical.path("reviewedAt").asText()),
                    medical.path("comment").isNull() ? null : medical.path("comment").asText())).fields());
        } else {
            fields.putNull("review");
        }
        fields.putNull("unsealReason");
        return fields;
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
