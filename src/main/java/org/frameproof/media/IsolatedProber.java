package org.frameproof.media;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.frameproof.domain.UserFacingException;

/**
 * Probes and indexes a video in a child JVM ({@link ProbeWorker}), so a file that crashes a
 * native decoder cannot take the workstation down, and keeps the result in a cache folder so
 * that reopening is instant. Thread-safe: each call runs its own child.
 *
 * <p>The cache is keyed by the file's absolute path, size and modification time, and each entry
 * repeats them and is checked on load (a damaged or stale entry is probed again). Keying by
 * SHA-256 would need the whole file read on every open, seconds for an hour of footage; files in
 * the evidence vault are read-only copies, so path, size and time name their content. The
 * analysis still carries the SHA-256 for the evidence record.
 */
public final class IsolatedProber {
    /** A child that reports no progress for this long is taken to hang and is stopped. */
    static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(60);
    /** Exit codes above this mean the child was ended by signal (exit - 128): a native crash. */
    private static final int SIGNALLED = 128;

    private final Path cacheFolder;
    private final String workerClass;
    private final Duration silenceLimit;

    /** @param cacheFolder where analyses are kept (e.g. {@code <data>/index-cache}); created when missing */
    public IsolatedProber(Path cacheFolder) {
        this(cacheFolder, ProbeWorker.class.getName(), DEFAULT_SILENCE_LIMIT);
    }

    /** With another worker main class (tests use one that crashes like a broken decoder does). */
    IsolatedProber(Path cacheFolder, String workerClass, Duration silenceLimit) {
        this.cacheFolder = cacheFolder;
        this.workerClass = workerClass;
        this.silenceLimit = silenceLimit;
    }

    /**
     * The file's facts and frame index: from the cache when the file is unchanged, else from a
     * child process.
     *
     * @param progress receives the fraction done (0..1)
     * @param cancelled polled often; when it answers true the child is stopped
     * @throws CancellationException when cancelled
     * @throws UserFacingException with a one-line reason, also when the child crashed or hung
     */
    public MediaAnalysis analyze(Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        MediaInput.checkReadable(file);
        Path absolute = file.toAbsolutePath().normalize();
        long size;
        long modified;
        try {
            size = Files.size(absolute);
            modified = Files.getLastModifiedTime(absolute).toMillis();
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Path entry = cacheFolder.resolve(cacheKey(absolute, size, modified) + ".json");
        MediaAnalysis cached = fromCache(entry, absolute, size, modified);
        if (cached != null) {
            progress.accept(1.0);
            return cached;
        }
        byte[] result = runWorker(absolute, progress, cancelled);
        StoredAnalysis stored;
        MediaAnalysis analysis;
        try {
            stored = StoredAnalysis.read(new ByteArrayInputStream(result));
            analysis = stored.analysis();
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(file.getFileName() + ": the probe of this file gave an unreadable answer ("
                    + e.getMessage() + ")", e);
        }
        store(entry, stored);
        return analysis;
    }

    private byte[] runWorker(Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        // A crash report goes to the temporary folder, not into the reviewer's working folder.
        String crashReport = Path.of(System.getProperty("java.io.tmpdir"), "frameproof-probe-crash-%p.log").toString();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:ErrorFile=" + crashReport,
                "-cp", System.getProperty("java.class.path"), workerClass, file.toString());
        Process child;
        try {
            child = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UserFacingException("Cannot start the probe process (" + e.getMessage() + ")", e);
        }
        try (OutputStream ignored = child.getOutputStream()) {
            AtomicLong lastSign = new AtomicLong(System.nanoTime());
            AtomicReference<String> error = new AtomicReference<>();
            CompletableFuture<Void> status = CompletableFuture.runAsync(
                    () -> readStatus(child.getErrorStream(), progress, lastSign, error));
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
            while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    child.destroyForcibly();
                    throw new CancellationException("Probing " + file.getFileName() + " was cancelled");
                }
                if (System.nanoTime() - lastSign.get() > silenceLimit.toNanos()) {
                    child.destroyForcibly();
                    throw new UserFacingException(file.getFileName() + ": the decoder stopped responding on this file ("
                            + silenceLimit.toSeconds() + " s without progress).");
                }
            }
            status.join();
            byte[] result = output.join();
            int exit = child.exitValue();
            if (exit == 0) {
                return result;
            }
            if (exit == ProbeWorker.UNUSABLE_FILE && error.get() != null) {
                throw new UserFacingException(error.get());
            }
            if (exit > SIGNALLED) {
                throw new UserFacingException(file.getFileName() + ": the decoder crashed on this file (signal "
                        + (exit - SIGNALLED) + "). The file may be damaged or hostile; nothing else was affected.");
            }
            throw new UserFacingException(file.getFileName() + ": the probe of this file failed (exit code " + exit
                    + (error.get() == null ? "" : ": " + error.get()) + ").");
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CancellationException("Probing " + file.getFileName() + " was interrupted");
        } catch (IOException e) {
            child.destroyForcibly();
            throw new UserFacingException("The probe process failed (" + e.getMessage() + ")", e);
        }
    }

    private static void readStatus(InputStream stderr, DoubleConsumer progress, AtomicLong lastSign,
            AtomicReference<String> error) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lastSign.set(System.nanoTime());
                if (line.startsWith(ProbeWorker.PROGRESS)) {
                    progress.accept(Double.parseDouble(line.substring(ProbeWorker.PROGRESS.length())));
                } else if (line.startsWith(ProbeWorker.ERROR)) {
                    error.set(line.substring(ProbeWorker.ERROR.length()));
                } else if (error.get() == null && !line.isBlank()) {
                    // The first line of anything else (a Java failure) says most about it.
                    error.set(line.strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The child died mid-line; its exit code tells what happened.
        }
    }

    private static byte[] readAll(InputStream stdout) {
        try (stdout) {
            return stdout.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaAnalysis fromCache(Path entry, Path file, long size, long modified) {
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(entry)) {
            StoredAnalysis stored = StoredAnalysis.read(in);
            if (!stored.path().equals(file.toString()) || stored.size() != size || stored.modifiedMillis() != modified) {
                return null;
            }
            return stored.analysis();
        } catch (IOException | RuntimeException e) {
            // A damaged entry is only a lost shortcut: probe again and overwrite it.
            return null;
        }
    }

    /** Best effort: a cache that cannot be written only makes the next open slower. */
    private void store(Path entry, StoredAnalysis stored) {
        Path partial = null;
        try {
            Files.createDirectories(cacheFolder);
            partial = Files.createTempFile(cacheFolder, ".entry", ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                stored.write(out);
            }
            Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Nothing of the reviewer's is lost; the analysis in hand is returned all the same.
            try {
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // The temporary file stays; it never passes for an entry (wrong name).
            }
        }
    }

    private static String cacheKey(Path file, long size, long modified) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((file + "\n" + size + "\n" + modified).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
