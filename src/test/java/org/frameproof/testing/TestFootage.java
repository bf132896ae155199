package org.frameproof.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed test clips (src/test/footage, made by make-clips.sh) and their ground truth, which
 * ffprobe wrote beside each clip. Tests find the folder through the system property
 * {@code frameproof.footage} (set by Surefire), else src/test/footage under the working directory.
 */
public final class TestFootage {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TestFootage() {
    }

    /** The folder holding the clips. */
    public static Path folder() {
        String configured = System.getProperty("frameproof.footage");
        return configured != null ? Path.of(configured) : Path.of("src", "test", "footage");
    }

    /** A file in the footage folder. */
    public interface FootageFile {
        String fileName();

        default Path path() {
            return folder().resolve(fileName());
        }
    }

    /** A video clip whose every frame draws its own index (see {@link FramePattern}). */
    public enum Clip implements FootageFile {
        /** H.264 high profile, 3 B-frames, two GOPs of 100 frames, 640x360 at 25 fps, AAC sine tone. */
        H264_BFRAMES_LONGGOP("h264-bframes-longgop.mp4"),
        /** HEVC at 29.97 fps, closed GOPs of 60 frames. */
        HEVC("hevc.mp4"),
        /** VP9 in WebM, one GOP, alt-ref frames. */
        VP9("vp9.webm"),
        /** AV1 (libaom) in MP4, 24 fps, one GOP. */
        AV1("av1.mp4"),
        /** MPEG-4 part 2 with B-frames, GOPs of 50 frames. */
        MPEG4_PART2("mpeg4-part2.mp4"),
        /** MPEG-2 in a transport stream whose first frame is presented at 11.4 s; key frame every 10 frames. */
        MPEG2_TS_LATE_START("mpeg2-late-start.ts"),
        /** Motion JPEG in AVI: every frame a key frame. */
        MJPEG("mjpeg.avi"),
        /** Variable frame rate H.264: about 30 fps, then about 15 fps, jitter on every frame. */
        VFR_PHONE("vfr-phone.mp4"),
        /** Portrait phone clip: stored 320x240, Display Matrix says turn 90 degrees clockwise, shows 240x320. */
        PORTRAIT_ROTATION_90("portrait-rotation90.mp4"),
        /** MOV whose edit list starts the presentation at 1.5 s. */
        MOV_EDIT_LIST_START_1500MS("editlist-start-1500ms.mov");

        private final String fileName;

        Clip(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public String fileName() {
            return fileName;
        }

        /** Facts about the clip from ffprobe (file {@code <clip>.facts.json}). */
        public Facts facts() {
            Path file = folder().resolve(fileName + ".facts.json");
            try {
                return JSON.readValue(file.toFile(), Facts.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ground truth " + file, e);
            }
        }

        /** Every frame in presentation order, from ffprobe (file {@code <clip>.frames.csv}). */
        public List<Frame> frames() {
            return readFrames(folder().resolve(fileName + ".frames.csv"));
        }

        /** Frame count from the ground truth. */
        public int frameCount() {
            return facts().frameCount();
        }

        /** Degrees clockwise a player turns the stored picture to show it upright. */
        public int rotation() {
            return facts().rotation();
        }
    }

    /** A file that is not a playable video; each must be refused with a clear message. */
    public enum BadInput implements FootageFile {
        /** The first half of h264-bframes-longgop.mp4 (its index is at the front, the media cut off). */
        TRUNCATED_H264("bad-truncated-h264.mp4"),
        /** A line of text in a file named .mp4. */
        TEXT_NAMED_MP4("bad-text-named.mp4"),
        /** An empty file named .mp4. */
        EMPTY_MP4("bad-empty.mp4"),
        /** AAC audio only, no video stream. */
        AUDIO_ONLY("bad-audio-only.m4a");

        private final String fileName;

        BadInput(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public String fileName() {
            return fileName;
        }
    }

    /**
     * One frame of a clip: its index in presentation order, its own timestamp in milliseconds exactly as
     * written in the CSV (3 decimals, e.g. {@code 11400.000}), and whether it is a key frame.
     */
    public record Frame(int frame, BigDecimal ptsMs, boolean key) {
    }

    /** The fields of {@code <clip>.facts.json}; make-clips.sh documents how ffprobe gave each one. */
    public record Facts(
            String file,
            String codec,
            String container,
            int storedWidth,
            int storedHeight,
            int rotation,
            int displayMatrixRotation,
            int width,
            int height,
            int frameCount,
            int keyFrameCount,
            BigDecimal startTimeMs,
            BigDecimal lastPtsMs,
            BigDecimal formatStartTimeMs,
            BigDecimal durationMs,
            String avgFrameRate,
            BigDecimal minFrameDurationMs,
            BigDecimal maxFrameDurationMs,
            boolean variableFrameRate,
            boolean hasAudio) {
    }

    private static List<Frame> readFrames(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth " + csv, e);
        }
        if (lines.isEmpty() || !lines.get(0).equals("frame,pts_ms,key")) {
            throw new IllegalStateException(csv + " does not start with the header frame,pts_ms,key");
        }
        List<Frame> frames = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length != 3 || !(fields[2].equals("0") || fields[2].equals("1"))) {
                throw new IllegalStateException(csv + ": malformed row '" + line + "'");
            }
            frames.add(new Frame(Integer.parseInt(fields[0]), new BigDecimal(fields[1]), fields[2].equals("1")));
        }
        return List.copyOf(frames);
    }
}
