package org.frameproof.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/** Command-line tools tests use as independent references (ffmpeg, openssl). */
public final class Tools {
    private Tools() {
    }

    public static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails the calling test unless {@code tool} is on the PATH: a missing reference tool must show,
     * never skip a test. {@code ./frameproof test} installs each of them.
     */
    public static void require(String tool, String debianPackage) {
        Assertions.assertTrue(onPath(tool), tool + " is not installed: this test uses it as an independent reference."
                + " ./frameproof test installs it (Debian package " + debianPackage + ").");
    }

    /** Runs a tool to completion and fails loudly when it fails. */
    public static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** A small H.264 test clip of {@code seconds} seconds, different for each {@code seed}. */
    public static Path clip(Path folder, String name, int seconds, int seed) throws IOException, InterruptedException {
        Path clip = folder.resolve(name);
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=" + seconds,
                "-metadata", "comment=clip " + seed, "-c:v", "libx264", "-g", "25",
                "-pix_fmt", "yuv420p", clip.toString());
        return clip;
    }
}
