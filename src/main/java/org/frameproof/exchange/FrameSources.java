package org.frameproof.exchange;

import java.nio.file.Path;

/**
 * Opens the exact frames of a data folder's vault copies for reports and stills. The app answers
 * with FFmpeg's decoder and the index cache of the data folder.
 */
@FunctionalInterface
public interface FrameSources {
    OpenFrames open(Path dataFolder);

    /** Frames with decoders to release when the export is done. */
    interface OpenFrames extends FrameSource, AutoCloseable {
        @Override
        void close();
    }
}
