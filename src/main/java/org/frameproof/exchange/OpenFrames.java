package org.frameproof.exchange;

/** Frames of vault copies with decoders to release when the export is done. */
public interface OpenFrames extends FrameSource, AutoCloseable {
    @Override
    void close();
}
