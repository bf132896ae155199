package org.frameproof.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.ffmpeg;
import org.bytedeco.javacpp.Loader;
import org.frameproof.domain.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes short clips out of nothing, with the {@code ffmpeg} program that FFmpeg's Java binding
 * ships, so the demo case needs no download and no system FFmpeg. Each clip is a window onto a
 * generated scene: two clips that look at the same scene through different windows and from
 * different moments are two angles of one event.
 */
public final class SyntheticClips {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticClips.class);
    private static final long POLL_MILLISECONDS = 50;

    /** What a generated scene shows. */
    public enum Scene {
        /** FFmpeg's moving test card: colour bars, a sweeping gradient and a running counter. */
        TEST_CARD("testsrc2="),
        /** Soft colour gradients that drift slowly. */
        GRADIENTS("gradients=n=3:speed=0.05:");

        /** FFmpeg's source filter with its own options, ready for the size and rate to follow. */
        private final String source;

        Scene(String source) {
            this.source = source;
        }
    }

    /**
     * One clip.
     *
     * @param width the clip's width in pixels (even)
     * @param height the clip's height in pixels (even)
     * @param frameRate frames per second
     * @param seconds how long it lasts
     * @param toneHz the pitch of a sine tone on an audio track, or 0 for a clip without sound
     * @param scene what the clip looks at
     * @param sceneWidth the scene's width ({@code >= x + width})
     * @param sceneHeight the scene's height ({@code >= y + height})
     * @param x where the clip's window starts in the scene, from the left
     * @param y where the clip's window starts in the scene, from the top
     * @param startSeconds how far into the scene the clip begins
     */
    public record Clip(int width, int height, int frameRate, double seconds, int toneHz, Scene scene, int sceneWidth,
                       int sceneHeight, int x, int y, double startSeconds) {

        /** A clip of a whole scene of its own size, from its start. */
        public static Clip whole(int width, int height, int frameRate, double seconds, int toneHz, Scene scene) {
            return new Clip(width, height, frameRate, seconds, toneHz, scene, width, height, 0, 0, 0);
        }

        List<String> arguments(Path out) {
            List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-v", "error", "-y",
                    "-f", "lavfi", "-i", String.format(Locale.ROOT, "%ssize=%dx%d:rate=%d,trim=start=%s:duration=%s,setpts=PTS-STARTPTS,"
                            + "crop=%d:%d:%d:%d,format=yuv420p", scene.source, sceneWidth, sceneHeight, frameRate,
                            number(startSeconds), number(seconds), width, height, x, y)));
            if (toneHz > 0) {
                arguments.addAll(List.of("-f", "lavfi", "-i",
                        String.format(Locale.ROOT, "sine=frequency=%d:duration=%s", toneHz, number(seconds)),
                        "-c:a", "aac", "-b:a", "96k"));
            }
            arguments.addAll(List.of("-c:v", "libopenh264", "-b:v", "2M", "-g", String.valueOf(frameRate),
                    "-movflags", "+faststart", "-shortest", out.toString()));
            return arguments;
        }

        private static String number(double value) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
    }

    /**
     * Writes {@code clip} as an H.264 MP4 file at {@code out}.
     *
     * @param cancelled asked while FFmpeg works; when it says yes, FFmpeg is stopped and the file removed
     * @return false when cancelled (nothing is left at {@code out})
     * @throws UserFacingException when FFmpeg cannot be started or fails (nothing is left at {@code out})
     */
    public boolean make(Clip clip, Path out, BooleanSupplier cancelled) throws UserFacingException {
        List<String> command = new ArrayList<>();
        command.add(program());
        command.addAll(clip.arguments(out));
        Path messages = null;
        try {
            // FFmpeg's own words, to say what went wrong; with -v error it writes nothing else.
            messages = Files.createTempFile("frameproof-ffmpeg", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(messages.toFile())).start();
            while (!process.waitFor(POLL_MILLISECONDS, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    process.destroyForcibly().waitFor();
                    deleteQuietly(out);
                    return false;
                }
            }
            if (process.exitValue() != 0) {
                deleteQuietly(out);
                LOG.warn("FFmpeg failed to make a clip, exit code {}", process.exitValue());
                throw new UserFacingException("FFmpeg failed to make a demo clip (exit code " + process.exitValue() + "): "
                        + Files.readString(messages).strip());
            }
            return true;
        } catch (IOException e) {
            LOG.warn("FFmpeg could not be run to make a clip", e);
            deleteQuietly(out);
            throw new UserFacingException("FFmpeg could not be run to make the demo's clips: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(out);
            return false;
        } finally {
            if (messages != null) {
                deleteQuietly(messages);
            }
        }
    }

    /** The path of the bundled {@code ffmpeg} program, unpacked from its jar on first use. */
    private static String program() throws UserFacingException {
        try {
            return Loader.load(ffmpeg.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("The bundled ffmpeg program could not be unpacked", e);
            throw new UserFacingException("The ffmpeg program that comes with Frameproof could not be unpacked: "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("A half-made clip or FFmpeg's messages could not be removed", e);
        }
    }
}
