package org.frameproof.evidence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VerificationBasis;
import org.frameproof.store.StoredMediaFacts;

/**
 * Reads an annotation back from the fields an audit entry recorded ({@link AuditedRecords#of(Annotation)},
 * in the current version's names: {@link AuditedRecords#asCurrent}), for work received in a bundle, which is kept as its author's entry recorded it. A reading is
 * accepted only when writing it again gives exactly the fields read (the footage's number aside, which
 * is each store's own): a field this version does not know refuses the record rather than losing it.
 */
public final class AuditedRecordReading {
    /** The footage's number in the store that wrote the record; the footage's SHA-256 names it everywhere. */
    public static final String FOOTAGE_NUMBER = "footageId";

    private AuditedRecordReading() {
    }

    /** The annotation {@code fields} record, on this store's footage {@code footageId}. */
    public static Annotation annotation(ObjectNode fields, long footageId) throws UserFacingException {
        Annotation annotation;
        try {
            annotation = read(fields, footageId);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new UserFacingException("a finding's recorded fields are not ones this Frameproof reads", e);
        }
        ObjectNode again = AuditedRecords.of(annotation).fields();
        ObjectNode given = fields.deepCopy();
        again.remove(FOOTAGE_NUMBER);
        given.remove(FOOTAGE_NUMBER);
        if (!again.equals(given)) {
            throw new UserFacingException("a finding holds fields this version of Frameproof cannot keep whole; use a newer"
                    + " Frameproof");
        }
        return annotation;
    }

    /**
     * The footage {@code fields} record, as a new row of this store's case {@code caseId}: its
     * provenance, graphic flag, status and facts as recorded; its number and duplicate link are this store's to give.
     */
    public static Footage footage(JsonNode fields, long caseId) throws UserFacingException {
        try {
            String facts = text(fields, "mediaFacts");
            Footage footage = new Footage(0, caseId, text(fields, "sha256"), text(fields, "md5"),
                    fields.get("sizeBytes").longValue(), text(fields, "originalName"), text(fields, "originalPath"),
                    new Reviewer(text(fields, "importedBy"), Role.valueOf(text(fields, "importedRole"))),
                    instant(fields, "importedAt"), text(fields, "machine"), text(fields, "appVersion"),
                    facts == null ? null : StoredMediaFacts.read(facts),
                    new Provenance(text(fields, "sourceUrl"), text(fields, "platform"), text(fields, "poster"),
                            instant(fields, "firstSeenAt"), text(fields, "firstSeenBasis"),
                            fields.get("graphicViolence").booleanValue(), fields.get("identifiablePeople").booleanValue()),
                    labelled(FootageStatus.values(), text(fields, "status")), text(fields, "statusReason"), null,
                    labelled(Integrity.values(), text(fields, "integrity")), instant(fields, "integrityCheckedAt"),
                    basis(fields.get("basis")));
            if (!footage.sha256().matches("[0-9a-f]{64}") || footage.sizeBytes() < 0) {
                throw new IllegalArgumentException("sha256 or size");
            }
            return footage;
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new UserFacingException("a footage record's fields are not ones this Frameproof reads", e);
        }
    }

    private static <E extends Enum<E>> E labelled(E[] values, String label) {
        for (E value : values) {
            String named = value instanceof FootageStatus status ? status.label() : ((Integrity) value).label();
            if (named.equals(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException("no such label: " + label);
    }

    private static Annotation read(ObjectNode fields, long footageId) throws UserFacingException {
        AnnotationKind kind = AnnotationKind.parse(text(fields, "kind"));
        FrameSpan span = new FrameSpan(fields.get("startFrame").intValue(), fields.get("endFrame").intValue(),
                fields.get("startPtsMs").doubleValue(), fields.get("endPtsMs").doubleValue());
        String confidence = text(fields, "confidence");
        return new Annotation(text(fields, "id"), footageId, text(fields, "footageSha256"), span, text(fields, "observation"),
                text(fields, "interpretation"), confidence == null ? null : Confidence.valueOf(upper(confidence)),
                texts(fields.get("tags")), region(fields.get("region")), finding(kind, fields), text(fields, "author"),
                Role.parse(text(fields, "role")), instant(fields, "createdAt"), instant(fields, "modifiedAt"),
                imported(fields), new ReviewStatus(ReviewState.parse(text(fields, "state")), review(fields.get("review")),
                        text(fields, "unsealReason")));
    }

    private static Annotation.Imported imported(ObjectNode fields) {
        if (!fields.path("imported").asBoolean(false)) {
            return null;
        }
        return new Annotation.Imported(text(fields, "importedBy"), text(fields, "importedFromFile"),
                text(fields, "importedFileSha256"), instant(fields, "importedAt"), claimedReview(fields.get("claimedReview")));
    }

    private static Finding finding(AnnotationKind kind, JsonNode fields) {
        return switch (kind) {
            case INJURY -> new Finding.Injury(text(fields, "bodyRegion"), text(fields, "injuryType"),
                    fields.get("count").isNull() ? null : fields.get("count").intValue(), text(fields, "timing"),
                    text(fields, "consistentWith"));
            case LOCATION -> new Finding.Location(text(fields, "placeName"), decimal(fields, "latitude"),
                    decimal(fields, "longitude"), text(fields, "precision"), text(fields, "method"), texts(fields.get("landmarks")));
            case UNIFORM -> new Finding.Uniform(text(fields, "camouflage"), text(fields, "insignia"), text(fields, "armband"),
                    text(fields, "armbandColour"), text(fields, "headgear"), text(fields, "weapons"), text(fields, "vehicles"),
                    text(fields, "claimedForce"), text(fields, "claimBasis"));
            case NOTE -> new Finding.Note(text(fields, "category"));
        };
    }

    private static Region region(JsonNode region) {
        return region == null || region.isNull() ? null : new Region(Region.Shape.valueOf(upper(text(region, "shape"))),
                region.get("x").doubleValue(), region.get("y").doubleValue(), region.get("width").doubleValue(),
                region.get("height").doubleValue());
    }

    /** A review as the current version records it: the reviewer and the fingerprint of their identity. */
    private static Review review(JsonNode review) {
        return review == null || review.isNull() ? null : new Review(verdict(review), text(review, "reviewer"),
                text(review, "reviewerFingerprint"), instant(review, "reviewedAt"), text(review, "comment"));
    }

    /** A review an imported file claims: an expert's name and no key. */
    private static Review claimedReview(JsonNode review) {
        return review == null || review.isNull() ? null : Review.claimed(verdict(review), text(review, "expertName"),
                instant(review, "reviewedAt"), text(review, "comment"));
    }

    private static Review.Verdict verdict(JsonNode review) {
        return Review.Verdict.valueOf(upper(text(review, "verdict")));
    }

    private static VerificationBasis basis(JsonNode basis) {
        return basis == null || basis.isNull() ? null
                : new VerificationBasis(text(basis, "source"), text(basis, "date"), text(basis, "place"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return value.textValue();
    }

    private static Double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.doubleValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> texts.add(value.textValue()));
        }
        return texts;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
