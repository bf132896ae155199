package org.frameproof.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;

/**
 * The ffmpeg command line as an independent ground-truth decoder for tests (never part of Frameproof).
 * It is not installed by {@code ./frameproof test}, so tests that need it call {@link #assumeInstalled()}
 * and are skipped, with a message saying why, where it is missing. The CLI applies rotation metadata,
 * so every picture it returns is upright as displayed.
 */
public final class FfmpegCli {
    private static final long TIMEOUT_SECONDS = 120;
    private static volatile Boolean installed;

    /** A decoded upright picture, one ARGB int per pixel, row by row. */
    public record Picture(int[] argb, int width, int height) {
    }

    private FfmpegCli() {
    }

    /** Fails the calling test unless the {@code ffmpeg} command runs: it is an independent decoder to compare with. */
    public static void requireInstalled() {
        Assertions.assertTrue(isInstalled(), "the ffmpeg command line does not run: this test uses it as an independent"
                + " decoder. ./frameproof test installs it (Debian package ffmpeg).");
    }

    private static boolean isInstalled() {
        if (installed == null) {
            try {
                Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-version")
                        .redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                installed = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
            } catch (IOException e) {
                installed = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                installed = false;
            }
        }
        return installed;
    }

    /** Frame {@code index} (0-based, presentation order) of a clip as displayed, through a PNG. */
    public static BufferedImage frame(Path clip, int index) {
        return selectFrame(clip, index, List.of());
    }

    /** Frame {@code index} as stored in the file, without applying rotation metadata. */
    public static BufferedImage storedFrame(Path clip, int index) {
        return selectFrame(clip, index, List.of("-noautorotate"));
    }

    /**
     * Decodes every frame of a clip in presentation order, as displayed, and hands each to
     * {@code consumer} as it arrives; returns how many frames there were. {@code width} and
     * {@code height} are the displayed size (after rotation).
     */
    public static int forEachFrame(Path clip, int width, int height, Consumer<Picture> consumer) {
        List<String> arguments = List.of("-i", clip.toString(), "-fps_mode", "passthrough",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        int[] count = {0};
        run(arguments, stdout -> {
            byte[] rgb = new byte[width * height * 3];
            while (stdout.readNBytes(rgb, 0, rgb.length) == rgb.length) {
                int[] argb = new int[width * height];
                for (int i = 0; i < argb.length; i++) {
                    argb[i] = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8
                            | (rgb[3 * i + 2] & 0xFF);
                }
                consumer.accept(new Picture(argb, width, height));
                count[0]++;
            }
            if (stdout.read() != -1) {
                throw new IllegalStateException("ffmpeg wrote a partial frame for " + clip
                        + ": is its displayed size not " + width + "x" + height + "?");
            }
        });
        return count[0];
    }

    private static BufferedImage selectFrame(Path clip, int index, List<String> inputOptions) {
        List<String> arguments = new ArrayList<>(inputOptions);
        arguments.addAll(List.of("-i", clip.toString(), "-vf", "select=eq(n\\," + index + ")",
                "-fps_mode", "passthrough", "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"));
        BufferedImage[] image = {null};
        run(arguments, stdout -> image[0] = ImageIO.read(stdout));
        if (image[0] == null) {
            throw new IllegalStateException("ffmpeg gave no picture for frame " + index + " of " + clip);
        }
        return image[0];
    }

    private interface StdoutReader {
        void read(InputStream stdout) throws IOException;
    }

    private static void run(List<String> arguments, StdoutReader reader) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).start();
            // Drain stderr beside stdout so a chatty ffmpeg never blocks on a full pipe.
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (InputStream stdout = process.getInputStream()) {
                reader.read(stdout);
                stdout.transferTo(OutputStream.nullOutputStream());
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed (exit " + process.exitValue() + "): " + command + "\n"
                        + new String(stderr.join(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static byte[] readAll(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
