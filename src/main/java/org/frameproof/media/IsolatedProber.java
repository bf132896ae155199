package org.frameproof.media;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.frameproof.domain.UserFacingException;

/**
 * Probes and indexes a video in a child JVM, so a file that crashes a native decoder cannot take
 * the workstation down, and keeps the result in a cache folder so that reopening is instant.
 * Thread-safe: each call runs its own child.
 */
public final class IsolatedProber {
    private final Path cacheFolder;

    /** @param cacheFolder where analyses are kept (e.g. {@code <data>/index-cache}); created when missing */
    public IsolatedProber(Path cacheFolder) {
        this.cacheFolder = cacheFolder;
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
        throw new UnsupportedOperationException("coming next");
    }
}
