package org.frameproof.media;

import java.io.Closeable;
import java.io.IOException;

/**
 * The bytes of a video, read at any position: how FFmpeg and libVLC read footage that must never
 * be written out in the clear (the vault decrypts chunk by chunk behind this shape). An instance
 * belongs to one reader at a time.
 */
public interface SeekableBytes extends Closeable {
    /** The number of bytes. */
    long size() throws IOException;

    /**
     * Reads up to {@code length} bytes starting at {@code position} into {@code target} from
     * {@code offset}.
     *
     * @return the number of bytes read (at least 1 when {@code length > 0}), or -1 at the end
     * @throws IOException when the bytes cannot be read or fail their check
     */
    int read(long position, byte[] target, int offset, int length) throws IOException;
}
