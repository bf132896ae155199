package org.frameproof.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of ours in a fresh JVM, as a user's shell would, and captures what it prints. */
public final class ChildJvm {
    /** What the child printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private ChildJvm() {
    }

    public static Result run(Class<?> mainClass, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(List.of(), mainClass.getName(), environment, args);
    }

    /** Runs {@code mainClass} (named, for classes of the default package such as the benchmarks) with JVM options. */
    public static Result run(List<String> jvmOptions, String mainClass, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Read both streams fully before waiting, so a chatty child never blocks on a full pipe.
        var stderr = process.getErrorStream().readAllBytes();
        var stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not finish within 2 minutes");
        }
        return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                new String(stderr, StandardCharsets.UTF_8));
    }
}
