package org.frameproof.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FindingDraft;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;

/**
 * Reads W3C Web Annotations of a video, as {@link WebAnnotationExport} writes them: an
 * {@code AnnotationCollection} (its first page), an {@code AnnotationPage}, one {@code Annotation}
 * or a list of them. The target names the footage by content ({@code urn:sha256:<hex>}) with a
 * Media Fragments {@code t=start,end} in seconds since the first frame, refined by an
 * {@code xywh=pixel:} region; the bodies give the observation (first {@code describing}), the
 * interpretation ({@code assessing}), the kind ({@code classifying}), the tags and, as
 * "Label: value" lines, the kind's fields, the author's role and a medical review. The creator,
 * role and review are what the file claims; the caller keeps them as such.
 */
public final class WebAnnotationImport {
    private static final String NUMBER = "[0-9]{1,12}(?:\\.[0-9]{1,9})?";
    private static final Pattern TIME = Pattern.compile("t=(?:npt:)?(" + NUMBER + "),(" + NUMBER + ")");
    private static final Pattern REGION = Pattern.compile("xywh=(?:pixel:)?(" + NUMBER + "),("
            + NUMBER + "),(" + NUMBER + "),(" + NUMBER + ")");
    private static final Pattern REVIEW = Pattern.compile("(confirmed|rejected) by (.+) at (\\S+)(?: \\((.*)\\))?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private WebAnnotationImport() {
    }

    /**
     * @param index the footage's frames, to turn the file's times into frames
     * @param now the creation time of an annotation whose file gives none
     * @throws UserFacingException when the file is not JSON, holds more annotations than the
     *     limit, or an annotation has no video target by SHA-256, no time, or a wrong field
     */
    public static List<Annotation> read(AnnotationFile file, ImportLimits limits, long footageId, FrameIndex index,
            Instant now) throws UserFacingException {
        JsonNode document = JsonImport.parse(file, parser -> parser.nextToken() == null ? null : parser.readValueAsTree());
        List<JsonNode> items = items(document, file.name());
        if (items.size() > limits.maxAnnotations()) {
            throw limits.tooMany(file.name());
        }
        List<Annotation> read = new ArrayList<>();
        for (JsonNode item : items) {
            read.add(annotation(item, file.name() + ", annotation " + (read.size() + 1), footageId, index, now));
        }
        return read;
    }

    private static List<JsonNode> items(JsonNode document, String name) throws UserFacingException {
        if (document == null) {
            throw new UserFacingException(name + " is empty.");
        }
        JsonNode list = document;
        String type = document.path("type").asText("");
        if (type.equals("AnnotationCollection")) {
            list = document.path("first").path("items");
        } else if (type.equals("AnnotationPage")) {
            list = document.path("items");
        } else if (type.equals("Annotation")) {
            return List.of(document);
        }
        if (!list.isArray()) {
            throw new UserFacingException(name + " is not a W3C Web Annotation file (no Annotation, AnnotationPage or"
                    + " AnnotationCollection with items).");
        }
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return items;
    }

    private static Annotation annotation(JsonNode json, String where, long footageId, FrameIndex index, Instant now)
            throws UserFacingException {
        JsonNode target = json.path("target");
        JsonNode source = target.path("source");
        String video = source.isTextual() ? source.asText() : source.path("id").asText(target.path("id").asText(""));
        if (!video.toLowerCase(Locale.ROOT).matches("urn:sha256:[0-9a-f]{64}")) {
            throw new UserFacingException(where + " names its video as '" + video + "', not by its SHA-256"
                    + " (urn:sha256:…): Frameproof imports annotations only onto the footage they name.");
        }
        JsonNode selector = target.path("selector");
        Matcher time = TIME.matcher(selector.path("value").asText(""));
        if (!time.matches()) {
            throw new UserFacingException(where + " has no time on the video (a selector 't=start,end' in seconds).");
        }
        long lastMs = index.spanMicros() / 1000 + 1000;
        long startMs = millis(time.group(1));
        long endMs = Math.min(lastMs, Math.max(startMs + 1, millis(time.group(2))));
        if (startMs > lastMs) {
            throw new UserFacingException(where + " starts at " + time.group(1) + " s, after the last frame of this footage.");
        }

        Bodies bodies = new Bodies(json.path("body"));
        Map<String, String> lines = bodies.lines();
        AnnotationKind kind = bodies.kind == null ? AnnotationKind.NOTE : AnnotationKind.parse(bodies.kind);
        JsonNode creator = json.path("creator").isArray() ? json.path("creator").path(0) : json.path("creator");
        String author = creator.isTextual() ? creator.asText() : creator.path("name").asText("");
        String role = lines.get("Author role");
        return new Annotation(UUID.randomUUID().toString(), footageId, video.substring("urn:sha256:".length()).toLowerCase(Locale.ROOT),
                EafImport.frames(index, startMs, endMs), bodies.observation == null ? "" : bodies.observation,
                bodies.interpretation, null, bodies.tags, region(selector.path("refinedBy"), lines.get("Region")),
                finding(kind, lines, where), author.isBlank() ? "(no creator in the file)" : author,
                role == null ? Role.RESEARCHER : Role.parse(role), instant(json.path("created"), now, where),
                instant(json.path("modified"), null, where), null, status(lines, where));
    }

    /** The bodies of one annotation, by purpose. */
    private static final class Bodies {
        String observation;
        String interpretation;
        String kind;
        final List<String> tags = new ArrayList<>();
        final List<String> described = new ArrayList<>();

        Bodies(JsonNode body) {
            List<JsonNode> all = new ArrayList<>();
            if (body.isArray()) {
                body.forEach(all::add);
            } else if (!body.isMissingNode()) {
                all.add(body);
            }
            for (JsonNode item : all) {
                String value = item.isTextual() ? item.asText() : item.path("value").asText(null);
                if (value == null) {
                    continue;
                }
                switch (item.path("purpose").asText("describing")) {
                    case "assessing" -> interpretation = interpretation == null ? value : interpretation;
                    case "classifying" -> kind = kind == null ? value : kind;
                    case "tagging" -> tags.add(value);
                    default -> {
                        if (observation == null) {
                            observation = value;
                        } else {
                            described.add(value);
                        }
                    }
                }
            }
        }

        /** The "Label: value" lines of the describing bodies after the observation. */
        Map<String, String> lines() {
            Map<String, String> lines = new HashMap<>();
            for (String text : described) {
                for (String line : text.split("\\R")) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                    }
                }
            }
            return lines;
        }
    }

    private static Finding finding(AnnotationKind kind, Map<String, String> lines, String where) throws UserFacingException {
        FindingDraft draft = new FindingDraft(kind);
        for (FindingField field : FindingField.of(kind)) {
            String text = lines.get(field.label());
            draft.set(field, switch (field.type()) {
                case TEXT -> text;
                case COUNT -> number(text, field.label(), where, Integer::valueOf);
                case LATITUDE, LONGITUDE -> number(text, field.label(), where, Double::valueOf);
                case TEXT_LIST -> text == null ? List.of() : List.of(text.split("; "));
            });
        }
        return draft.build();
    }

    /**
     * The review the file holds ("Review: …", or "Medical review: …" as files wrote an injury's
     * before review states) as a reviewed status; importing keeps it only as a claim.
     */
    private static ReviewStatus status(Map<String, String> lines, String where) throws UserFacingException {
        Review review = review(lines.getOrDefault(FindingText.REVIEW, lines.get("Medical review")), where);
        return review == null ? ReviewStatus.DRAFT : ReviewStatus.reviewed(review);
    }

    /** "confirmed by NAME at TIME (comment)", as the export writes a review. */
    private static Review review(String text, String where) throws UserFacingException {
        if (text == null) {
            return null;
        }
        Matcher review = REVIEW.matcher(text.strip());
        if (!review.matches()) {
            throw new UserFacingException(where + ": the review '" + text + "' is not 'confirmed (or rejected) by"
                    + " NAME at TIME'.");
        }
        Review.Verdict verdict = review.group(1).equalsIgnoreCase("confirmed")
                ? Review.Verdict.CONFIRMED : Review.Verdict.REJECTED;
        return Review.claimed(verdict, review.group(2), parseInstant(review.group(3), where), review.group(4));
    }

    private static Region region(JsonNode refinedBy, String shape) {
        Matcher region = REGION.matcher(refinedBy.path("value").asText(""));
        if (!region.matches() || Double.parseDouble(region.group(3)) <= 0 || Double.parseDouble(region.group(4)) <= 0) {
            return null;
        }
        return new Region("ellipse".equalsIgnoreCase(shape) ? Region.Shape.ELLIPSE : Region.Shape.RECTANGLE,
                Double.parseDouble(region.group(1)), Double.parseDouble(region.group(2)),
                Double.parseDouble(region.group(3)), Double.parseDouble(region.group(4)));
    }

    @FunctionalInterface
    private interface Parse<T> {
        T of(String text);
    }

    private static <T> T number(String text, String label, String where, Parse<T> parse) throws UserFacingException {
        try {
            return text == null ? null : parse.of(text.strip());
        } catch (NumberFormatException e) {
            throw new UserFacingException(where + ": '" + label + ": " + text + "' is not a number.");
        }
    }

    private static long millis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }

    private static Instant instant(JsonNode value, Instant missing, String where) throws UserFacingException {
        return value.isTextual() ? parseInstant(value.asText(), where) : missing;
    }

    private static Instant parseInstant(String text, String where) throws UserFacingException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserFacingException(where + ": '" + text + "' is not a UTC time such as 2024-05-01T12:00:00Z.");
        }
    }
}
