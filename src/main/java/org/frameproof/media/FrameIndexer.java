package org.frameproof.media;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;

/**
 * Builds a {@link FrameIndex} from a file's packets, without decoding: every presented frame's
 * own timestamp and key-frame flag, in presentation order. Runs in this process; for files not yet
 * known to be safe use {@link IsolatedProber}.
 */
public final class FrameIndexer {
    private FrameIndexer() {
    }

    /**
     * @param progress receives the fraction done (0..1, by byte position in the file)
     * @param cancelled polled between packets; when it answers true indexing stops
     * @throws CancellationException when {@code cancelled} answered true
     * @throws UserFacingException when the file is missing, not a video, or has no frames
     */
    public static FrameIndex index(Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        throw new UnsupportedOperationException("coming next");
    }
}
