package org.frameproof.media;

import java.nio.file.Path;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;

/**
 * Decodes the exact frame N of a video, as displayed, with FFmpeg.
 *
 * <p>Not thread-safe: one decoder belongs to one thread (the player's decode thread). Open one
 * decoder per thread that needs frames; close it on that thread.
 *
 * <p>Frame N is found by its own timestamp ({@link FrameIndex#pts(int)}): the decoder seeks to the
 * key frame at or before N and decodes forward until the frame with that timestamp comes out. A
 * forward step (N = last + 1) continues the open decoder without seeking. Frames decoded on the
 * way that fit the cache are kept, so stepping back through a long GOP decodes it once.
 */
public final class FrameDecoder implements AutoCloseable {
    /** The default bound of the decoded-frame cache: 512 MB. */
    public static final long DEFAULT_CACHE_BYTES = 512L << 20;

    private FrameDecoder() {
    }

    /**
     * Opens {@code file} for decoding the frames of {@code index}.
     *
     * @param cacheBytes upper bound of the memory decoded frames may hold in the cache
     * @throws UserFacingException when the file is missing, unreadable or has no decodable video
     */
    public static FrameDecoder open(Path file, FrameIndex index, long cacheBytes) throws UserFacingException {
        throw new UnsupportedOperationException("coming next");
    }

    /**
     * The exact frame {@code frame} as displayed.
     *
     * @throws IndexOutOfBoundsException when the index has no such frame
     * @throws UserFacingException when the file is damaged so that this frame cannot be decoded
     */
    public DecodedFrame frame(int frame) throws UserFacingException {
        throw new UnsupportedOperationException("coming next");
    }

    /** Width as displayed (after aspect ratio and rotation), the width of every decoded frame. */
    public int displayWidth() {
        throw new UnsupportedOperationException("coming next");
    }

    /** Height as displayed, the height of every decoded frame. */
    public int displayHeight() {
        throw new UnsupportedOperationException("coming next");
    }

    /** Bytes the decoded-frame cache holds now (never above the bound given to {@link #open}). */
    public long cachedBytes() {
        throw new UnsupportedOperationException("coming next");
    }

    @Override
    public void close() {
    }
}
