package org.frameproof.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Region;

/**
 * W3C Web Annotation Data Model (JSON-LD): an {@code AnnotationCollection} whose first page holds
 * one {@code Annotation} per finding. Each annotation is valid on its own (it repeats the
 * {@code @context}), so a tool may split the page.
 *
 * <p>The target is the footage, named by its content ({@code urn:sha256:<hex>}) so that any copy
 * of the file matches, with a Media Fragments selector {@code t=start,end} in seconds since the
 * first frame (a point lasts one frame). A drawn region refines it with {@code xywh=pixel:x,y,w,h}
 * on the displayed frame (an ellipse by its bounding box; the body says it is an ellipse).
 *
 * <p>Bodies: the observation ({@code describing}), the interpretation ({@code assessing}), the
 * kind ({@code classifying}), each tag ({@code tagging}), and the frames, the footage's re-hash
 * for this export, the author's role and the kind's fields as "Label: value" lines
 * ({@code describing}); for an imported annotation also "Imported from …" (the file, its SHA-256,
 * who imported it and when) and "Claimed in import: …".
 */
final class WebAnnotationExport {
    static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    static final String MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/";

    private WebAnnotationExport() {
    }

    static void write(EvidenceExport input, ExportOptions options, OutputStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ObjectNode collection = mapper.createObjectNode();
        collection.put("@context", CONTEXT);
        collection.put("id", urn(input.caseInfo().title() + "|" + options.generatedAt()));
        collection.put("type", "AnnotationCollection");
        collection.put("label", (options.demo() ? "DEMO: " : "") + input.caseInfo().title());
        collection.put("total", input.annotations().size());
        collection.put("generated", options.generatedAt().toString());
        collection.set("generator", generator(mapper, options));
        ObjectNode page = collection.putObject("first");
        page.put("@context", CONTEXT);
        page.put("id", urn(input.caseInfo().title() + "|" + options.generatedAt() + "|page 1"));
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        ArrayNode items = page.putArray("items");
        for (Annotation annotation : input.annotations()) {
            items.add(annotation(mapper, annotation, input.footageOf(annotation), options));
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, collection);
    }

    static ObjectNode annotation(ObjectMapper mapper, Annotation annotation, ExportedFootage footage, ExportOptions options) {
        ObjectNode json = mapper.createObjectNode();
        json.put("@context", CONTEXT);
        json.put("id", "urn:uuid:" + annotation.id());
        json.put("type", "Annotation");
        json.put("motivation", "describing");
        json.put("created", annotation.createdAt().toString());
        if (annotation.modifiedAt() != null) {
            json.put("modified", annotation.modifiedAt().toString());
        }
        ObjectNode creator = json.putObject("creator");
        creator.put("type", "Person");
        creator.put("name", annotation.author());
        json.put("generated", options.generatedAt().toString());
        json.set("generator", generator(mapper, options));

        ArrayNode bodies = json.putArray("body");
        bodies.add(text(mapper, "describing", annotation.observation()));
        if (!FindingText.blank(annotation.interpretation())) {
            bodies.add(text(mapper, "assessing", annotation.interpretation()));
        }
        bodies.add(text(mapper, "classifying", annotation.kind().code()));
        for (String tag : annotation.tags()) {
            bodies.add(text(mapper, "tagging", tag));
        }
        bodies.add(text(mapper, "describing", String.join("\n", fieldLines(annotation, footage))));

        ObjectNode target = json.putObject("target");
        target.put("type", "SpecificResource");
        ObjectNode source = target.putObject("source");
        source.put("id", "urn:sha256:" + footage.sha256());
        source.put("type", "Video");
        if (footage.mimeType() != null) {
            source.put("format", footage.mimeType());
        }
        source.put("label", footage.originalName());
        ObjectNode selector = target.putObject("selector");
        selector.put("type", "FragmentSelector");
        selector.put("conformsTo", MEDIA_FRAGMENTS);
        selector.put("value", "t=" + seconds(footage.startMillis(annotation.span())) + ","
                + seconds(footage.endMillis(annotation.span())));
        if (annotation.region() != null) {
            Region region = annotation.region();
            ObjectNode spatial = selector.putObject("refinedBy");
            spatial.put("type", "FragmentSelector");
            spatial.put("conformsTo", MEDIA_FRAGMENTS);
            spatial.put("value", "xywh=pixel:" + Math.round(region.x()) + "," + Math.round(region.y()) + ","
                    + Math.max(1, Math.round(region.width())) + "," + Math.max(1, Math.round(region.height())));
        }
        return json;
    }

    private static List<String> fieldLines(Annotation annotation, ExportedFootage footage) {
        List<String> lines = new ArrayList<>();
        lines.add("Kind: " + annotation.kind().label());
        lines.add(annotation.span().isPoint() ? "Frame: " + annotation.span().startFrame()
                : "Frames: " + annotation.span().startFrame() + " to " + annotation.span().endFrame());
        lines.add("Footage SHA-256: " + annotation.footageSha256());
        lines.add("Footage SHA-256 check: " + footage.verification().result() + ", re-checked at "
                + footage.verification().checkedAt());
        if (annotation.confidence() != null) {
            lines.add("Confidence: " + annotation.confidence().name().toLowerCase(Locale.ROOT));
        }
        if (annotation.region() != null) {
            lines.add("Region: " + annotation.region().shape().name().toLowerCase(Locale.ROOT));
        }
        lines.add("Author role: " + annotation.role().label());
        lines.addAll(FindingText.describe(annotation.finding()));
        lines.addAll(FindingText.reviewLines(annotation));
        lines.addAll(FindingText.importLines(annotation));
        return lines;
    }

    private static ObjectNode text(ObjectMapper mapper, String purpose, String value) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "TextualBody");
        body.put("purpose", purpose);
        body.put("value", value);
        body.put("format", "text/plain");
        return body;
    }

    private static ObjectNode generator(ObjectMapper mapper, ExportOptions options) {
        ObjectNode generator = mapper.createObjectNode();
        generator.put("type", "Software");
        generator.put("name", "Frameproof " + options.appVersion());
        if (options.auditHead() != null) {
            generator.put("frameproof:auditChainHead", options.auditHead());
        }
        if (options.demo()) {
            generator.put("frameproof:demo", ExportOptions.DEMO_NOTICE);
        }
        return generator;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** A stable URN for a collection or page of this export. */
    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
