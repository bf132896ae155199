package org.frameproof.media;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.media.callback.DefaultCallbackMedia;

/**
 * A {@link MediaSource}'s bytes as libVLC's callback media: libVLC reads footage it cannot open as
 * a file (a vault copy decrypted on the fly) through these calls, from its own input thread. Each
 * start of playback opens the bytes afresh and libVLC closes them when it stops.
 */
final class SourceMedia extends DefaultCallbackMedia {
    private static final Logger LOG = LoggerFactory.getLogger(SourceMedia.class);

    /** libVLC reads in blocks of this size; as large as FFmpeg's, so both read the same chunks. */
    private static final int BUFFER_BYTES = 1 << 16;

    private final MediaSource source;
    private SeekableBytes bytes;
    private long size;
    private long position;
    private volatile IOException failure;

    SourceMedia(MediaSource source) {
        super(true, BUFFER_BYTES);
        this.source = source;
    }

    /** Why the bytes could not be read, or null when every read succeeded. */
    IOException failure() {
        return failure;
    }

    /** libVLC asks for the size before it opens: the bytes are opened by whichever comes first. */
    @Override
    protected long onGetSize() {
        return opened() ? size : 0;
    }

    @Override
    protected boolean onOpen() {
        position = 0;
        return opened();
    }

    private boolean opened() {
        if (bytes != null) {
            return true;
        }
        try {
            bytes = source.open();
            size = bytes.size();
            return true;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            return false;
        }
    }

    @Override
    protected int onRead(byte[] buffer, int length) throws IOException {
        try {
            int read = bytes.read(position, buffer, 0, length);
            if (read < 0) {
                return 0;
            }
            position += read;
            return read;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw failure;
        }
    }

    @Override
    protected boolean onSeek(long offset) {
        position = offset;
        return true;
    }

    @Override
    protected void onClose() {
        try {
            if (bytes != null) {
                bytes.close();
            }
        } catch (IOException e) {
            // Playback is over; nothing read is lost by a failing close.
            LOG.warn("Closing the bytes libVLC played failed", e);
        }
        bytes = null;
    }
}
