package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestFootage.Facts;
import org.frameproof.testing.TestFootage.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code probe}, {@code frames} and {@code still} on every kind of committed clip, against ffprobe's ground truth. */
@NativeTier
class MediaCommandsTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The real root command with captured output; the workstation is never opened here. */
    private int run(String... args) {
        var commandLine = TestStores.commandLine((data, video) -> {
            throw new AssertionError("no workstation in these tests");
        }, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void framesPrintsTheGroundTruthByteForByte(Clip clip) throws Exception {
        assertEquals(0, run("frames", clip.path().toString()), err.toString());
        assertEquals(Files.readString(clip.path().resolveSibling(clip.fileName() + ".frames.csv")), out.toString());
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void probeAgreesWithFfprobe(Clip clip) throws Exception {
        assertEquals(0, run("probe", clip.path().toString()), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        Facts facts = clip.facts();
        for (String key : List.of("frameCount", "durationMs", "width", "height", "rotation", "avgFrameRate",
                "variableFrameRate", "codec", "container", "startTimeMs", "sha256", "tags")) {
            assertTrue(json.has(key), "probe prints " + key);
        }
        assertEquals(facts.frameCount(), json.get("frameCount").asInt());
        assertEquals(facts.width(), json.get("width").asInt());
        assertEquals(facts.height(), json.get("height").asInt());
        assertEquals(facts.rotation(), json.get("rotation").asInt());
        assertEquals(facts.codec(), json.get("codec").asText());
        assertEquals(facts.container(), json.get("container").asText());
        assertEquals(facts.variableFrameRate(), json.get("variableFrameRate").asBoolean());
        assertEquals(0, facts.startTimeMs().compareTo(new BigDecimal(json.get("startTimeMs").asText()).setScale(3)));
        // From the first frame to the end of the last: the span of the timestamps plus one frame's duration.
        double span = facts.lastPtsMs().subtract(facts.startTimeMs()).doubleValue();
        double duration = json.get("durationMs").asDouble();
        assertTrue(duration > span && duration <= span + facts.maxFrameDurationMs().doubleValue() + 0.001,
                duration + " after a span of " + span);
        String[] rate = facts.avgFrameRate().split("/");
        double ffprobeRate = Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]);
        // ffprobe divides frames by the stream's duration; ours counts intervals from the first to the last
        // timestamp. At a constant rate they agree (up to time-base rounding: WebM counts milliseconds);
        // at a variable rate each is only an average (within 5%).
        double tolerance = facts.variableFrameRate() ? ffprobeRate * 0.05 : ffprobeRate * 1e-3;
        assertEquals(ffprobeRate, json.get("avgFrameRate").asDouble(), tolerance);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(clip.path())));
        assertEquals(sha256, json.get("sha256").asText());
        assertFalse(json.get("truncated").asBoolean());
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void stillSavesTheExactFrameUprightForFirstLastMidGopAndRandomFrames(Clip clip) throws Exception {
        List<Frame> frames = clip.frames();
        TreeSet<Integer> asked = new TreeSet<>(List.of(0, frames.size() - 1, midGop(frames)));
        Random random = new Random(7 + clip.ordinal());
        for (int i = 0; i < 3; i++) {
            asked.add(random.nextInt(frames.size()));
        }
        for (int frame : asked) {
            Path png = folder.resolve("frame-" + frame + ".png");
            assertEquals(0, run("still", clip.path().toString(), "--frame", Integer.toString(frame), "--out", png.toString()),
                    err.toString());
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(clip.facts().width(), image.getWidth());
            assertEquals(clip.facts().height(), image.getHeight());
            assertEquals(frame, FramePattern.read(image), clip + " frame " + frame);
        }
    }

    /** A frame halfway between the first key frame that has a long run after it and the next one. */
    private static int midGop(List<Frame> frames) {
        int longestStart = 0;
        int longest = 0;
        int start = 0;
        for (int i = 1; i <= frames.size(); i++) {
            if (i == frames.size() || frames.get(i).key()) {
                if (i - start > longest) {
                    longest = i - start;
                    longestStart = start;
                }
                start = i;
            }
        }
        return longestStart + longest / 2;
    }

    @Test
    void stillFindsAFrameByItsTimeSinceTheFirstFrame() throws Exception {
        Clip clip = Clip.MPEG2_TS_LATE_START;
        Path png = folder.resolve("timed.png");
        // Frame 30 at 25 fps is 1.2 s after the first frame (which is at 11.4 s).
        assertEquals(0, run("still", clip.path().toString(), "--time", "00:00:01.200", "--out", png.toString()), err.toString());
        assertEquals(30, FramePattern.read(ImageIO.read(png.toFile())));
    }

    @Test
    void aFrameOutOfRangeIsRefusedInOneLine() {
        Path png = folder.resolve("none.png");
        int frames = Clip.MJPEG.frameCount();
        assertEquals(1, run("still", Clip.MJPEG.path().toString(), "--frame", Integer.toString(frames), "--out", png.toString()));
        assertEquals("frameproof: Frame " + frames + " does not exist: this footage has frames 0 to " + (frames - 1) + ".",
                err.toString().strip());
        assertFalse(Files.exists(png));
    }

    @Test
    void anUnwritableOutputIsRefusedAndLeavesNothing() throws Exception {
        Path png = folder.resolve("missing-folder").resolve("still.png");
        assertEquals(1, run("still", Clip.MJPEG.path().toString(), "--frame", "1", "--out", png.toString()));
        assertTrue(err.toString().startsWith("frameproof: Cannot write "), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void badFilesGetOneLineReasons() {
        assertRefused("probe", folder.resolve("nothing-here.mp4"), "no such file");
        assertRefused("frames", BadInput.EMPTY_MP4.path(), "the file is empty");
        assertRefused("probe", BadInput.TEXT_NAMED_MP4.path(), "not a video");
        assertRefused("probe", BadInput.AUDIO_ONLY.path(), "not a video: no video stream");
        assertRefused("still", BadInput.AUDIO_ONLY.path(), "not a video: no video stream");
    }

    private void assertRefused(String command, Path file, String reason) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] args = command.equals("still")
                ? new String[] {command, file.toString(), "--frame", "0", "--out", folder.resolve("x.png").toString()}
                : new String[] {command, file.toString()};
        assertEquals(1, run(args), command + " " + file);
        String message = err.toString().strip();
        assertTrue(message.startsWith("frameproof: ") && message.contains(reason), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals("", out.toString());
    }

    @Test
    void aTruncatedFileKeepsTheFramesBeforeTheCutAndSaysSo() throws Exception {
        assertEquals(0, run("probe", BadInput.TRUNCATED_H264.path().toString()), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertTrue(json.get("truncated").asBoolean());
        int frames = json.get("frameCount").asInt();
        assertTrue(frames > 0 && frames < Clip.H264_BFRAMES_LONGGOP.frameCount(), "frames " + frames);
        out.getBuffer().setLength(0);
        assertEquals(0, run("frames", BadInput.TRUNCATED_H264.path().toString()), err.toString());
        List<String> rows = out.toString().lines().toList();
        assertEquals(frames + 1, rows.size());
        // The clip draws the number of its frame at 25 fps; B-frames lost in the cut leave gaps in the numbering.
        long drawn = Math.round(Double.parseDouble(rows.get(rows.size() - 1).split(",")[1]) * 25 / 1000);
        Path png = folder.resolve("last-before-cut.png");
        assertEquals(0, run("still", BadInput.TRUNCATED_H264.path().toString(), "--frame", Integer.toString(frames - 1),
                "--out", png.toString()), err.toString());
        assertEquals(drawn, FramePattern.read(ImageIO.read(png.toFile())));
    }
}
