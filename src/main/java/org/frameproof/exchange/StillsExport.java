package org.frameproof.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.UserFacingException;

/**
 * Every annotated frame (each annotation's first frame, once per frame) as a lossless PNG at full
 * resolution, with a sidecar {@code .json} (source file and its SHA-256, frame index, timestamp,
 * the annotations and regions on it) and a {@code .sha256} of the PNG; {@code SHA256SUMS} lists
 * every file, so {@code sha256sum -c SHA256SUMS} checks the whole folder, and its own hash is the
 * export's hash.
 */
final class StillsExport {
    static final String SUMS = "SHA256SUMS";

    private StillsExport() {
    }

    static ExportResult write(EvidenceExport input, ExportOptions options, FrameSource frames, ExportMonitor monitor,
            Path out) throws UserFacingException {
        Map<String, List<Annotation>> byFrame = new LinkedHashMap<>();
        for (Annotation annotation : input.annotations()) {
            byFrame.computeIfAbsent(annotation.footageId() + "/" + annotation.span().startFrame(), key -> new ArrayList<>())
                    .add(annotation);
        }
        long[] totals = new long[2];
        String[] sumsHash = new String[1];
        AtomicOutput.writeFolder(out, folder -> {
            ObjectMapper mapper = new ObjectMapper();
            StringBuilder sums = new StringBuilder();
            int done = 0;
            for (List<Annotation> onFrame : byFrame.values()) {
                monitor.checkCancelled();
                Annotation first = onFrame.get(0);
                ExportedFootage footage = input.footageOf(first);
                int frameNumber = first.span().startFrame();
                BufferedImage frame = frames.frame(footage, frameNumber);
                String png = fileName(footage, frameNumber);
                Path pngFile = folder.resolve(png);
                if (!ImageIO.write(frame, "png", pngFile.toFile())) {
                    throw new IOException("No PNG writer is available");
                }
                String pngHash = Sha256.of(pngFile);
                byte[] sidecar = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                        sidecar(mapper, footage, first.span(), onFrame, png, pngHash, frame, options));
                Files.write(folder.resolve(png + ".json"), sidecar);
                Files.writeString(folder.resolve(png + ".sha256"), Sha256.sumLine(pngHash, png), StandardCharsets.UTF_8);
                sums.append(Sha256.sumLine(pngHash, png)).append(Sha256.sumLine(Sha256.of(sidecar), png + ".json"));
                totals[0] += Files.size(pngFile) + sidecar.length;
                totals[1] += 3;
                monitor.progress(++done, byFrame.size());
            }
            byte[] sumsBytes = sums.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(folder.resolve(SUMS), sumsBytes);
            sumsHash[0] = Sha256.of(sumsBytes);
            totals[1] += 1;
        });
        return new ExportResult(ExportFormat.STILLS, out.toAbsolutePath().normalize(), sumsHash[0], totals[0], (int) totals[1]);
    }

    /** {@code <original name without extension>_frame<000123>.png}, safe on every file system. */
    static String fileName(ExportedFootage footage, int frame) {
        String stem = footage.originalName().replaceFirst("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return String.format(Locale.ROOT, "%s_frame%06d.png", stem, frame);
    }

    private static ObjectNode sidecar(ObjectMapper mapper, ExportedFootage footage, FrameSpan span,
            List<Annotation> onFrame, String png, String pngHash, BufferedImage frame, ExportOptions options) {
        ObjectNode json = mapper.createObjectNode();
        json.put("file", png);
        json.put("sha256", pngHash);
        json.put("sourceFile", footage.originalName());
        json.put("sourceSha256", footage.sha256());
        json.put("frameIndex", span.startFrame());
        json.put("ptsMs", span.startPtsMs());
        json.put("time", footage.startTimecode(span));
        json.put("width", frame.getWidth());
        json.put("height", frame.getHeight());
        ArrayNode annotations = json.putArray("annotations");
        for (Annotation annotation : onFrame) {
            ObjectNode item = annotations.addObject();
            item.put("id", annotation.id());
            item.put("kind", annotation.kind().code());
            AnnotationJson.putRegion(item, annotation.region());
        }
        json.put("generatedAt", options.generatedAt().toString());
        json.put("exportedBy", options.exportedBy());
        json.put("generator", "Frameproof " + options.appVersion());
        return json;
    }
}
