package org.frameproof.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import org.frameproof.domain.Annotation;

/**
 * Frameproof's own JSON: the case, its footage (with the re-hash of each vault copy made for this
 * export) and every field of every annotation, lossless so that {@link JsonImport} gives back the
 * same annotations.
 */
final class JsonExport {
    /** The value of {@code format} that marks our files. */
    static final String FORMAT = "frameproof-annotations";
    static final int FORMAT_VERSION = 1;

    private JsonExport() {
    }

    static void write(EvidenceExport input, ExportOptions options, OutputStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        AnnotationJson annotationJson = new AnnotationJson(mapper);
        ObjectNode document = mapper.createObjectNode();
        document.put("format", FORMAT);
        document.put("formatVersion", FORMAT_VERSION);
        document.put("generator", "Frameproof " + options.appVersion());
        document.put("generatedAt", options.generatedAt().toString());
        document.put("exportedBy", options.exportedBy());
        document.put("auditChainHead", options.auditHead());
        if (options.demo()) {
            document.put("demo", ExportOptions.DEMO_NOTICE);
        }
        ObjectNode caseJson = document.putObject("case");
        caseJson.put("title", input.caseInfo().title());
        caseJson.put("description", input.caseInfo().description());
        ArrayNode footage = document.putArray("footage");
        for (ExportedFootage item : input.footage()) {
            ObjectNode json = footage.addObject();
            json.put("id", item.id());
            json.put("originalName", item.originalName());
            json.put("sha256", item.sha256());
            json.put("md5", item.md5());
            json.put("firstPtsMs", item.firstPtsMs());
            json.put("durationMs", item.durationMs());
            json.put("avgFrameRate", item.avgFrameRate());
            json.put("frameCount", item.frameCount());
            json.put("width", item.width());
            json.put("height", item.height());
            item.verification().putInto(json.putObject("sha256Check"));
        }
        ArrayNode annotations = document.putArray("annotations");
        for (Annotation annotation : input.annotations()) {
            ExportedFootage item = input.footageOf(annotation);
            ObjectNode json = annotationJson.write(annotation, item);
            // Repeated on each annotation, so one taken out of the file still says its footage failed.
            item.verification().putInto(json.putObject("footageSha256Check"));
            annotations.add(json);
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, document);
    }
}
