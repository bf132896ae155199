package org.frameproof.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FindingDraft;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;

/**
 * One annotation as a flat JSON object: the common fields, then the kind's own fields, with the
 * names {@code annotations list --json} prints. Reading checks every field and names the first
 * that is wrong.
 */
public final class AnnotationJson {
    private final ObjectMapper mapper;

    public AnnotationJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The annotation as JSON. With its footage known, {@code startTime}/{@code endTime} (since the
     * first frame, {@code HH:MM:SS.mmm}) and {@code footageName} are added for people; reading
     * ignores them.
     */
    public ObjectNode write(Annotation annotation, ExportedFootage footage) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", annotation.id());
        json.put("kind", annotation.kind().code());
        json.put("footageId", annotation.footageId());
        json.put("footageSha256", annotation.footageSha256());
        if (footage != null) {
            json.put("footageName", footage.originalName());
        }
        FrameSpan span = annotation.span();
        json.put("startFrame", span.startFrame());
        json.put("endFrame", span.endFrame());
        json.put("startPtsMs", span.startPtsMs());
        json.put("endPtsMs", span.endPtsMs());
        if (footage != null) {
            json.put("startTime", footage.startTimecode(span));
            json.put("endTime", footage.lastFrameTimecode(span));
        }
        json.put("observation", annotation.observation());
        json.put("interpretation", annotation.interpretation());
        json.put("confidence", annotation.confidence() == null ? null : annotation.confidence().name().toLowerCase(Locale.ROOT));
        ArrayNode tags = json.putArray("tags");
        annotation.tags().forEach(tags::add);
        putRegion(json, annotation.region());
        json.put("author", annotation.author());
        json.put("role", annotation.role().label());
        json.put("createdAt", annotation.createdAt().toString());
        json.put("modifiedAt", annotation.modifiedAt() == null ? null : annotation.modifiedAt().toString());
        writeStatus(annotation.status(), json);
        writeImported(annotation.imported(), json);
        writeFinding(annotation.finding(), json);
        return json;
    }

    /**
     * {@code state} (draft, submitted, confirmed, rejected, sealed), {@code review} (verdict,
     * reviewer, reviewerFingerprint, reviewedAt, comment; null until reviewed) and
     * {@code unsealReason} (null unless unsealed).
     */
    private static void writeStatus(ReviewStatus status, ObjectNode json) {
        json.put("state", status.state().label());
        Review review = status.review();
        if (review == null) {
            json.putNull("review");
        } else {
            ObjectNode reviewJson = json.putObject("review");
            reviewJson.put("verdict", review.verdict().label());
            reviewJson.put("reviewer", review.reviewer());
            reviewJson.put("reviewerFingerprint", review.reviewerFingerprint());
            reviewJson.put("reviewedAt", review.reviewedAt().toString());
            reviewJson.put("comment", review.comment());
        }
        json.put("unsealReason", status.unsealReason());
    }

    /**
     * For an imported annotation: {@code imported: true}, who imported it from which file and
     * when, and the review the file claims ({@code claimedReview}). Nothing for one made here.
     */
    private static void writeImported(Annotation.Imported imported, ObjectNode json) {
        if (imported == null) {
            return;
        }
        json.put("imported", true);
        json.put("importedBy", imported.importer());
        json.put("importedFromFile", imported.fileName());
        json.put("importedFileSha256", imported.fileSha256());
        json.put("importedAt", imported.importedAt().toString());
        putReview(json, "claimedReview", imported.claimedReview());
    }

    private static void putReview(ObjectNode json, String name, Review review) {
        if (review == null) {
            json.putNull(name);
            return;
        }
        ObjectNode reviewJson = json.putObject(name);
        reviewJson.put("verdict", review.verdict().label());
        reviewJson.put("expertName", review.reviewer());
        reviewJson.put("reviewedAt", review.reviewedAt().toString());
        reviewJson.put("comment", review.comment());
    }

    /** {@code "region": {shape, x, y, width, height}} or {@code "region": null}. */
    static void putRegion(ObjectNode json, Region region) {
        if (region == null) {
            json.putNull("region");
            return;
        }
        ObjectNode shape = json.putObject("region");
        shape.put("shape", region.shape().name().toLowerCase(Locale.ROOT));
        shape.put("x", region.x());
        shape.put("y", region.y());
        shape.put("width", region.width());
        shape.put("height", region.height());
    }

    private static void writeFinding(Finding finding, ObjectNode json) {
        for (FindingField field : FindingField.of(finding.kind())) {
            Object value = field.valueOf(finding);
            String name = field.key();
            if (value == null) {
                json.putNull(name);
                continue;
            }
            switch (field.type()) {
                case COUNT -> json.put(name, (Integer) value);
                case LATITUDE, LONGITUDE -> json.put(name, (Double) value);
                case TEXT_LIST -> {
                    ArrayNode items = json.putArray(name);
                    ((List<?>) value).forEach(item -> items.add(String.valueOf(item)));
                }
                case TEXT -> json.put(name, (String) value);
            }
        }
    }

    /**
     * Reads one annotation object.
     *
     * @param where how to name this object in a message, e.g. "notes.json, annotation 3"
     * @throws UserFacingException naming the field that is missing or wrong
     */
    public Annotation read(JsonNode json, String where) throws UserFacingException {
        Fields fields = new Fields(json, where);
        String id = fields.text("id", true);
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw fields.wrong("id", "must be a UUID");
        }
        AnnotationKind kind = AnnotationKind.parse(fields.text("kind", true));
        String sha256 = fields.text("footageSha256", true).toLowerCase(Locale.ROOT);
        if (sha256.length() != 64 || !sha256.chars().allMatch(HexFormat::isHexDigit)) {
            throw fields.wrong("footageSha256", "must be 64 hexadecimal digits");
        }
        int startFrame = fields.frame("startFrame");
        int endFrame = fields.frame("endFrame");
        if (endFrame < startFrame) {
            throw fields.wrong("endFrame", "must not be before startFrame (" + startFrame + ")");
        }
        FrameSpan span = new FrameSpan(startFrame, endFrame, fields.number("startPtsMs", true), fields.number("endPtsMs", true));
        String confidence = fields.text("confidence", false);
        return new Annotation(id, fields.wholeNumber("footageId"), sha256, span,
                fields.text("observation", true), fields.text("interpretation", false),
                confidence == null ? null : fields.choice("confidence", confidence, Confidence.class),
                fields.texts("tags"), readRegion(fields), readFinding(kind, fields),
                fields.text("author", true), Role.parse(fields.text("role", true)),
                fields.instant("createdAt", true), fields.instant("modifiedAt", false), null, readStatus(fields));
    }

    /**
     * The review state and review the file holds (importing keeps the review only as a claim).
     * Files written before review states held an injury's review as {@code medicalReview} and no
     * state: the state is then the review's verdict, or draft.
     */
    private static ReviewStatus readStatus(Fields fields) throws UserFacingException {
        Review review = readReview(fields);
        String state = fields.text("state", false);
        if (state == null) {
            return review == null ? ReviewStatus.DRAFT : ReviewStatus.reviewed(review);
        }
        try {
            return new ReviewStatus(ReviewState.parse(state), review, fields.text("unsealReason", false));
        } catch (IllegalArgumentException e) {
            throw fields.wrong("state", "'" + state + "' does not go with " + (review == null ? "no review"
                    : "a review that " + review.verdict().label() + " it"));
        }
    }

    private static Region readRegion(Fields fields) throws UserFacingException {
        JsonNode region = fields.json.get("region");
        if (region == null || region.isNull()) {
            return null;
        }
        Fields shape = new Fields(region, fields.where + ", region");
        double width = shape.number("width", true);
        double height = shape.number("height", true);
        if (width <= 0 || height <= 0) {
            throw shape.wrong("width", "and height must be above 0");
        }
        return new Region(shape.choice("shape", shape.text("shape", true), Region.Shape.class),
                shape.number("x", true), shape.number("y", true), width, height);
    }

    private static Finding readFinding(AnnotationKind kind, Fields fields) throws UserFacingException {
        FindingDraft draft = new FindingDraft(kind);
        for (FindingField field : FindingField.of(kind)) {
            String name = field.key();
            draft.set(field, switch (field.type()) {
                case TEXT -> fields.text(name, false);
                case COUNT -> {
                    Double count = fields.number(name, false);
                    if (count != null && (count < 0 || count != Math.rint(count))) {
                        throw fields.wrong(name, "must be a whole number of " + field.unit());
                    }
                    yield count == null ? null : count.intValue();
                }
                case LATITUDE -> fields.degrees(name, 90);
                case LONGITUDE -> fields.degrees(name, 180);
                case TEXT_LIST -> fields.texts(name);
            });
        }
        return draft.build();
    }

    /**
     * The file's review ({@code review}, or {@code medicalReview} as files wrote it before review
     * states), or else the review an earlier import claimed.
     */
    private static Review readReview(Fields fields) throws UserFacingException {
        for (String field : List.of("review", "medicalReview", "claimedReview")) {
            JsonNode review = fields.json.get(field);
            if (review != null && !review.isNull()) {
                Fields reviewFields = new Fields(review, fields.where + ", " + field);
                boolean named = review.has("reviewer");
                String fingerprint = named ? reviewFields.text("reviewerFingerprint", false) : null;
                if (fingerprint != null && !fingerprint.matches("[0-9a-f]{64}")) {
                    throw reviewFields.wrong("reviewerFingerprint", "must be 64 lower-case hexadecimal digits");
                }
                return new Review(reviewFields.choice("verdict", reviewFields.text("verdict", true), Review.Verdict.class),
                        named ? reviewFields.text("reviewer", true) : reviewFields.text("expertName", true), fingerprint,
                        reviewFields.instant("reviewedAt", true), reviewFields.text("comment", false));
            }
        }
        return null;
    }

    /** Typed access to one JSON object's fields, with messages that name the object and field. */
    private static final class Fields {
        private final JsonNode json;
        private final String where;

        Fields(JsonNode json, String where) throws UserFacingException {
            if (json == null || !json.isObject()) {
                throw new UserFacingException(where + " is not a JSON object.");
            }
            this.json = json;
            this.where = where;
        }

        UserFacingException wrong(String field, String problem) {
            return new UserFacingException(where + ": '" + field + "' " + problem + ".");
        }

        private JsonNode present(String field, boolean required) throws UserFacingException {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    throw wrong(field, "is missing");
                }
                return null;
            }
            return value;
        }

        String text(String field, boolean required) throws UserFacingException {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                throw wrong(field, "must be text");
            }
            return value.textValue();
        }

        List<String> texts(String field) throws UserFacingException {
            JsonNode value = present(field, false);
            List<String> texts = new ArrayList<>();
            if (value == null) {
                return texts;
            }
            if (!value.isArray()) {
                throw wrong(field, "must be a list of texts");
            }
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw wrong(field, "must be a list of texts");
                }
                texts.add(item.textValue());
            }
            return texts;
        }

        Double number(String field, boolean required) throws UserFacingException {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw wrong(field, "must be a number");
            }
            return value.doubleValue();
        }

        long wholeNumber(String field) throws UserFacingException {
            JsonNode value = present(field, true);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw wrong(field, "must be a whole number");
            }
            return value.longValue();
        }

        int frame(String field) throws UserFacingException {
            JsonNode value = present(field, true);
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
                throw wrong(field, "must be a frame number (0 or more)");
            }
            return value.intValue();
        }

        Double degrees(String field, double limit) throws UserFacingException {
            Double value = number(field, false);
            if (value != null && Math.abs(value) > limit) {
                throw wrong(field, "must be between -" + (int) limit + " and " + (int) limit + " degrees");
            }
            return value;
        }

        Instant instant(String field, boolean required) throws UserFacingException {
            String text = text(field, required);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw wrong(field, "must be a UTC time such as 2024-05-01T12:00:00Z");
            }
        }

        <E extends Enum<E>> E choice(String field, String text, Class<E> type) throws UserFacingException {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.strip())) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw wrong(field, "must be one of " + String.join(", ", names) + " (not '" + text + "')");
        }
    }
}
