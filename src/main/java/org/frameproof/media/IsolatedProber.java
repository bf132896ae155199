package org.frameproof.media;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javax.crypto.SecretKey;
import org.frameproof.domain.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes and indexes a video in a child JVM ({@link ProbeWorker}), so a file that crashes a
 * native decoder cannot take the workstation down, and keeps the result in an encrypted cache
 * ({@link AnalysisCache}) so that reopening is instant. Thread-safe: each call runs its own child.
 *
 * <p>The child holds nothing worth stealing: its environment is cleared to what a JVM needs (no
 * passphrase), its command line names no file, and it reads the video's bytes from this process
 * ({@link ByteRequests}), so it analyses vault copies it could not decrypt itself.
 *
 * <p>The cache is keyed by the source's identity: a plain file's path, size and modification time
 * (vault files are never rewritten, so these name their content), a vault copy's content hash.
 * Keying plain files by SHA-256 would need the whole file read on every open, seconds for an hour
 * of footage. The analysis still carries the SHA-256 for the evidence record.
 */
public final class IsolatedProber {
    private static final Logger LOG = LoggerFactory.getLogger(IsolatedProber.class);

    /** A child that reports no progress for this long is taken to hang and is stopped. */
    static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(60);
    /** Exit codes above this mean the child was ended by signal (exit - 128): a native crash. */
    private static final int SIGNALLED = 128;
    /** What the child's environment keeps of this process's: none of them holds a secret. */
    static final Set<String> CHILD_ENVIRONMENT = Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final AnalysisCache cache;
    private final String workerClass;
    private final Duration silenceLimit;

    /**
     * @param cacheFolder where analyses are kept (e.g. {@code <data>/index-cache}); created when missing
     * @param cacheKey the key the cache's entries are encrypted and named with
     */
    public IsolatedProber(Path cacheFolder, SecretKey cacheKey) {
        this(cacheFolder, cacheKey, ProbeWorker.class.getName(), DEFAULT_SILENCE_LIMIT);
    }

    /** With another worker main class (tests use one that crashes like a broken decoder does). */
    IsolatedProber(Path cacheFolder, SecretKey cacheKey, String workerClass, Duration silenceLimit) {
        this.cache = new AnalysisCache(cacheFolder, cacheKey);
        this.workerClass = workerClass;
        this.silenceLimit = silenceLimit;
    }

    /** {@link #analyze(MediaSource, DoubleConsumer, BooleanSupplier)} of a plain file. */
    public MediaAnalysis analyze(Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        return analyze(MediaSource.of(file), progress, cancelled);
    }

    /**
     * The video's facts and frame index: from the cache when the source is unchanged, else from a
     * child process.
     *
     * @param progress receives the fraction done (0..1)
     * @param cancelled polled often; when it answers true the child is stopped
     * @throws CancellationException when cancelled
     * @throws UserFacingException with a one-line reason, also when the child crashed or hung
     */
    public MediaAnalysis analyze(MediaSource source, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        if (source.file().isPresent()) {
            MediaInput.checkReadable(source.file().get());
        }
        String identity;
        try {
            identity = source.identity();
        } catch (IOException e) {
            throw new UserFacingException(source.name() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        MediaAnalysis cached = cache.load(identity);
        if (cached != null) {
            progress.accept(1.0);
            return cached;
        }
        byte[] result;
        try (SeekableBytes bytes = source.open()) {
            result = runWorker(source.name(), bytes, progress, cancelled);
        } catch (IOException e) {
            throw new UserFacingException(source.name() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        StoredAnalysis stored;
        MediaAnalysis analysis;
        try {
            stored = StoredAnalysis.read(new ByteArrayInputStream(result)).withSource(identity);
            analysis = stored.analysis();
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(source.name() + ": the probe of this file gave an unreadable answer ("
                    + e.getMessage() + ")", e);
        }
        cache.store(stored);
        return analysis;
    }

    /** This process's environment without anything a child must not see. */
    static Map<String, String> childEnvironment(Map<String, String> parent) {
        Map<String, String> kept = new HashMap<>(parent);
        kept.keySet().retainAll(CHILD_ENVIRONMENT);
        return kept;
    }

    private byte[] runWorker(String name, SeekableBytes bytes, DoubleConsumer progress, BooleanSupplier cancelled)
            throws IOException, UserFacingException {
        // A crash report goes to the temporary folder, not into the reviewer's working folder.
        String crashReport = Path.of(System.getProperty("java.io.tmpdir"), "frameproof-probe-crash-%p.log").toString();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:ErrorFile=" + crashReport,
                "-cp", System.getProperty("java.class.path"), workerClass);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = childEnvironment(builder.environment());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new UserFacingException("Cannot start the probe process (" + e.getMessage() + ")", e);
        }
        try (DataOutputStream toChild = new DataOutputStream(new BufferedOutputStream(child.getOutputStream()))) {
            AtomicLong lastSign = new AtomicLong(System.nanoTime());
            AtomicReference<String> error = new AtomicReference<>();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
            ByteRequests.introduce(name, bytes.size(), toChild);
            CompletableFuture<Void> status = CompletableFuture.runAsync(
                    () -> readStatus(child.getErrorStream(), bytes, toChild, progress, lastSign, error));
            while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    child.destroyForcibly();
                    throw new CancellationException("Probing " + name + " was cancelled");
                }
                if (System.nanoTime() - lastSign.get() > silenceLimit.toNanos()) {
                    child.destroyForcibly();
                    throw new UserFacingException(name + ": the decoder stopped responding on this file ("
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
                throw new UserFacingException(name + ": the decoder crashed on this file (signal "
                        + (exit - SIGNALLED) + "). The file may be damaged or hostile; nothing else was affected.");
            }
            throw new UserFacingException(name + ": the probe of this file failed (exit code " + exit
                    + (error.get() == null ? "" : ": " + error.get()) + ").");
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CancellationException("Probing " + name + " was interrupted");
        } catch (IOException e) {
            child.destroyForcibly();
            throw new UserFacingException("The probe process failed (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the child's progress and requests for bytes, and answers the requests. */
    private static void readStatus(InputStream stderr, SeekableBytes bytes, DataOutputStream toChild,
            DoubleConsumer progress, AtomicLong lastSign, AtomicReference<String> error) {
        byte[] buffer = new byte[ByteRequests.MOST_BYTES];
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lastSign.set(System.nanoTime());
                if (line.startsWith(ByteRequests.READ)) {
                    ByteRequests.serve(line, bytes, buffer, toChild);
                } else if (line.startsWith(ProbeWorker.PROGRESS)) {
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
            LOG.debug("The probe's child process stopped mid-line", e);
        }
    }

    private static byte[] readAll(InputStream stdout) {
        try (stdout) {
            return stdout.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
