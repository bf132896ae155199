package org.frameproof.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
 * resolution, with a sidecar {@code .json} (source file, its SHA-256 and the re-hash of its vault
 * copy made for this export, frame index, timestamp, the annotations and regions on it) and a {@code .sha256} of the PNG; {@code SHA256SUMS} lists
 * every file, so {@code sha256sum -c SHA256SUMS} checks the whole folder, and its own hash is the
 * export's hash. {@link #writeFrame} writes one frame (the one on screen) the same way.
 */
final class StillsExport {
    static final String SUMS = "SHA256SUMS";
    /** Lists the stills left out because their footage failed its check (only when some were). */
    static final String FAILED = "FAILED.txt";

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
            StringBuilder sums = new StringBuilder();
            StringBuilder leftOut = new StringBuilder();
            int done = 0;
            for (List<Annotation> onFrame : byFrame.values()) {
                monitor.checkCancelled();
                Annotation first = onFrame.get(0);
                ExportedFootage footage = input.footageOf(first);
                int frameNumber = first.span().startFrame();
                if (footage.failedCheck()) {
                    // No picture is drawn from a copy that failed its check; the folder says which were left out.
                    leftOut.append(fileName(footage, frameNumber)).append(": ").append(footage.failureNotice()).append('\n');
                    monitor.progress(++done, byFrame.size());
                    continue;
                }
                Still still = Still.of(footage, first.span(), onFrame, fileName(footage, frameNumber),
                        frames.frame(footage, frameNumber), options);
                Files.write(folder.resolve(still.name()), still.png());
                Files.write(folder.resolve(still.name() + ".json"), still.sidecar());
                Files.write(folder.resolve(still.name() + ".sha256"), still.sumLine());
                sums.append(Sha256.sumLine(still.pngHash(), still.name()))
                        .append(Sha256.sumLine(Sha256.of(still.sidecar()), still.name() + ".json"));
                totals[0] += still.png().length + still.sidecar().length;
                totals[1] += 3;
                monitor.progress(++done, byFrame.size());
            }
            if (!leftOut.isEmpty()) {
                byte[] failed = ("Stills left out, because their footage failed its SHA-256 check:\n" + leftOut)
                        .getBytes(StandardCharsets.UTF_8);
                Files.write(folder.resolve(FAILED), failed);
                sums.append(Sha256.sumLine(Sha256.of(failed), FAILED));
                totals[0] += failed.length;
                totals[1] += 1;
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
        return fileName(footage.originalName(), frame);
    }

    static String fileName(String originalName, int frame) {
        String stem = originalName.replaceFirst("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return String.format(Locale.ROOT, "%s_frame%06d.png", stem, frame);
    }

    /**
     * One frame as a still of its own: {@code out} (a PNG), {@code out.json} and {@code out.sha256}
     * beside it. Each file is written whole; if a later one fails, the earlier ones are removed.
     *
     * @param span the frame (start == end), with its own timestamp
     * @param onFrame the annotations showing on that frame, whose regions the sidecar lists
     */
    static ExportResult writeFrame(ExportedFootage footage, FrameSpan span, List<Annotation> onFrame,
            ExportOptions options, FrameSource frames, Path out) throws UserFacingException {
        Path png = out.toAbsolutePath().normalize();
        Still still = Still.of(footage, span, onFrame, png.getFileName().toString(),
                frames.frame(footage, span.startFrame()), options);
        Path sidecar = png.resolveSibling(still.name() + ".json");
        Path hash = png.resolveSibling(still.name() + ".sha256");
        List<Path> written = new ArrayList<>();
        try {
            written.add(AtomicOutput.writeFile(png, stream -> stream.write(still.png())).path());
            written.add(AtomicOutput.writeFile(sidecar, stream -> stream.write(still.sidecar())).path());
            AtomicOutput.writeFile(hash, stream -> stream.write(still.sumLine()));
        } catch (UserFacingException | RuntimeException e) {
            written.forEach(AtomicOutput::deleteQuietly);
            throw e;
        }
        return new ExportResult(ExportFormat.STILLS, png, still.pngHash(), still.png().length + still.sidecar().length, 3);
    }

    /** A frame encoded as PNG, with its hash and its sidecar. */
    private record Still(String name, byte[] png, String pngHash, byte[] sidecar) {
        static Still of(ExportedFootage footage, FrameSpan span, List<Annotation> onFrame, String name,
                BufferedImage frame, ExportOptions options) throws UserFacingException {
            try {
                ByteArrayOutputStream encoded = new ByteArrayOutputStream(frame.getWidth() * frame.getHeight() * 2);
                if (!ImageIO.write(options.demo() ? stampedDemo(frame) : frame, "png", encoded)) {
                    throw new IOException("No PNG writer is available");
                }
                byte[] png = encoded.toByteArray();
                String pngHash = Sha256.of(png);
                ObjectMapper mapper = new ObjectMapper();
                byte[] sidecar = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                        StillsExport.sidecar(mapper, footage, span, onFrame, name, pngHash, frame, options));
                return new Still(name, png, pngHash, sidecar);
            } catch (IOException e) {
                throw new UserFacingException("Cannot encode frame " + span.startFrame() + " of " + footage.originalName()
                        + " as PNG: " + e.getMessage(), e);
            }
        }

        /**
         * A still of the demo store says DEMO on the picture itself, in a band across its top, so that
         * it cannot pass for a frame of real footage wherever it travels without its sidecar.
         */
        private static BufferedImage stampedDemo(BufferedImage frame) {
            BufferedImage stamped = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = stamped.createGraphics();
            try {
                graphics.drawImage(frame, 0, 0, null);
                int band = Math.max(12, frame.getHeight() / 16);
                graphics.setColor(new Color(160, 0, 0));
                graphics.fillRect(0, 0, frame.getWidth(), band);
                graphics.setColor(Color.WHITE);
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, band * 3 / 4));
                graphics.drawString("DEMO - not evidence", band / 3, band * 3 / 4);
            } finally {
                graphics.dispose();
            }
            return stamped;
        }

        /** {@code <sha256>  <name>}, the line {@code sha256sum -c} checks. */
        byte[] sumLine() {
            return Sha256.sumLine(pngHash, name).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static ObjectNode sidecar(ObjectMapper mapper, ExportedFootage footage, FrameSpan span,
            List<Annotation> onFrame, String png, String pngHash, BufferedImage frame, ExportOptions options) {
        ObjectNode json = mapper.createObjectNode();
        json.put("file", png);
        json.put("sha256", pngHash);
        json.put("sourceFile", footage.originalName());
        json.put("sourceSha256", footage.sha256());
        footage.verification().putInto(json.putObject("sourceSha256Check"));
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
        json.put("auditChainHead", options.auditHead());
        if (options.demo()) {
            json.put("demo", ExportOptions.DEMO_NOTICE);
        }
        return json;
    }
}
