package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class StillsExportTest {
    @TempDir
    Path folder;

    private final PatternFrames frames = new PatternFrames(640, 360);

    private ExportResult export(Path out, ExportMonitor monitor) throws UserFacingException {
        return new Exporter(frames).export(ExportFormat.STILLS, ExportFixtures.evidence(), out, ExportFixtures.options(), monitor);
    }

    @Test
    void eachStillIsExactlyTheFrameItsSidecarNames() throws Exception {
        Path out = folder.resolve("stills");
        ExportResult result = export(out, ExportMonitor.NONE);

        assertEquals(4 * 3 + 1, result.files(), "PNG, sidecar and hash per frame, and SHA256SUMS");
        assertEquals(Sha256.of(out.resolve(StillsExport.SUMS)), result.sha256());
        ObjectMapper mapper = new ObjectMapper();
        for (int frame : List.of(0, 100, 300, 1834)) {
            String png = String.format("VID-20240301-WA0007_frame%06d.png", frame);
            BufferedImage still = ImageIO.read(out.resolve(png).toFile());
            JsonNode sidecar = mapper.readTree(out.resolve(png + ".json").toFile());
            assertEquals(frame, sidecar.get("frameIndex").asInt());
            assertEquals(frame, PatternFrames.frameNumber(still), "the pattern in the PNG names its frame");
            BufferedImage expected = frames.frame(ExportFixtures.footage(), frame);
            assertArrayEquals(expected.getRGB(0, 0, 640, 360, null, 0, 640), still.getRGB(0, 0, 640, 360, null, 0, 640),
                    "lossless at full resolution");
            assertEquals(ExportFixtures.SHA256, sidecar.get("sourceSha256").asText());
            assertEquals(ExportFixtures.ptsMs(frame), sidecar.get("ptsMs").asDouble(), 1e-9);
            assertEquals(Sha256.of(out.resolve(png)), sidecar.get("sha256").asText());
            assertEquals(Sha256.of(out.resolve(png)) + "  " + png + "\n", Files.readString(out.resolve(png + ".sha256")));
        }
        JsonNode injury = mapper.readTree(out.resolve("VID-20240301-WA0007_frame001834.png.json").toFile());
        assertEquals("ellipse", injury.get("annotations").get(0).get("region").get("shape").asText());
        assertEquals("00:01:01.194", injury.get("time").asText());
    }

    @Test
    void sha256sumChecksTheWholeFolder() throws Exception {
        Path out = folder.resolve("stills");
        export(out, ExportMonitor.NONE);
        Tools.require("sha256sum", "coreutils");
        Process check = new ProcessBuilder("sha256sum", "--check", "--strict", StillsExport.SUMS)
                .directory(out.toFile()).redirectErrorStream(true).start();
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), said);
        assertEquals(8, said.lines().filter(line -> line.endsWith(": OK")).count(), said);
    }

    @Test
    void aFolderThatHoldsFilesIsRefusedAndKeptAsItWas() throws Exception {
        Path out = Files.createDirectory(folder.resolve("stills"));
        Files.writeString(out.resolve("mine.txt"), "keep me");
        UserFacingException refused = assertThrows(UserFacingException.class, () -> export(out, ExportMonitor.NONE));
        assertEquals("Cannot write stills into " + out + ": it already holds files. Choose a new or empty folder.",
                refused.getMessage());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("mine.txt")), files.toList());
        }
    }

    @Test
    void anEmptyFolderIsFilledAndACancelLeavesNothing() throws Exception {
        Path empty = Files.createDirectory(folder.resolve("empty"));
        export(empty, ExportMonitor.NONE);
        assertTrue(Files.exists(empty.resolve(StillsExport.SUMS)));

        Path cancelled = folder.resolve("cancelled");
        assertThrows(CancellationException.class, () -> export(cancelled, new CancellingMonitor(1)));
        assertFalse(Files.exists(cancelled));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(empty), files.toList(), "no hidden staging folder left behind");
        }
    }
}
