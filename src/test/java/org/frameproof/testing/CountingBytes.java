package org.frameproof.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.frameproof.media.FileBytes;
import org.frameproof.media.MediaSource;
import org.frameproof.media.SeekableBytes;

/**
 * A test's {@link SeekableBytes} over a file: counts its reads, so a test can tell FFmpeg or libVLC
 * really read through it, and can be made to fail from a position on.
 */
public final class CountingBytes implements SeekableBytes {
    private final FileBytes file;
    private final AtomicInteger reads;
    private final long failFrom;

    private CountingBytes(Path path, AtomicInteger reads, long failFrom) throws IOException {
        this.file = FileBytes.open(path);
        this.reads = reads;
        this.failFrom = failFrom;
    }

    /** A source of {@code path} whose every opening counts its reads into {@code reads}. */
    public static MediaSource source(Path path, AtomicInteger reads) {
        return failingFrom(path, reads, Long.MAX_VALUE);
    }

    /** A source whose reads at or past {@code failFrom} throw, as a vault chunk that fails its check. */
    public static MediaSource failingFrom(Path path, AtomicInteger reads, long failFrom) {
        return MediaSource.ofBytes(String.valueOf(path.getFileName()), path.toString() + " " + failFrom,
                () -> new CountingBytes(path, reads, failFrom));
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public synchronized int read(long position, byte[] target, int offset, int length) throws IOException {
        reads.incrementAndGet();
        if (position + length > failFrom) {
            throw new IOException("chunk at " + position + " failed its authentication");
        }
        return file.read(position, target, offset, length);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
