package org.frameproof.media;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.frameproof.domain.UserFacingException;

/**
 * Reads a video's facts and frame index. The workstation does it in a child process
 * ({@code IsolatedProber}) so a hostile file cannot crash it.
 */
@FunctionalInterface
public interface MediaAnalyzer {
    /**
     * @param progress receives the fraction done (0..1), on the calling thread
     * @param cancelled polled often; when it answers true the work stops with a CancellationException
     */
    MediaAnalysis analyze(MediaSource source, DoubleConsumer progress, BooleanSupplier cancelled) throws UserFacingException;
}
