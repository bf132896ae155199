package org.frameproof.media;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.frameproof.domain.UserFacingException;

/**
 * Reads a video's facts and frame index in this process (one demux pass plus a SHA-256 pass). A
 * hostile file can crash FFmpeg and with it this process: the workstation uses
 * {@link IsolatedProber}, which runs this in a child process.
 */
public final class MediaProbe {
    private MediaProbe() {
    }

    /**
     * @param progress receives the fraction done (0..1)
     * @param cancelled polled often; when it answers true the work stops
     * @throws CancellationException when cancelled
     * @throws UserFacingException with a one-line reason: missing, empty, not a video, broken
     */
    public static MediaAnalysis analyze(Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        throw new UnsupportedOperationException("coming next");
    }
}
