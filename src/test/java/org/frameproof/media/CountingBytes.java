package org.frameproof.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test's {@link SeekableBytes} over a file, independent of the app's own: counts its reads, so a
 * test can tell FFmpeg or libVLC really read through it, and can be made to fail from a position on.
 */
final class CountingBytes implements SeekableBytes {
    private final RandomAccessFile file;
    private final AtomicInteger reads;
    private final long failFrom;

    private CountingBytes(Path path, AtomicInteger reads, long failFrom) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "r");
        this.reads = reads;
        this.failFrom = failFrom;
    }

    /** A source of {@code path} whose every opening counts its reads into {@code reads}. */
    static MediaSource source(Path path, AtomicInteger reads) {
        return failingFrom(path, reads, Long.MAX_VALUE);
    }

    /** A source whose reads at or past {@code failFrom} throw, as a vault chunk that fails its check. */
    static MediaSource failingFrom(Path path, AtomicInteger reads, long failFrom) {
        return MediaSource.ofBytes(String.valueOf(path.getFileName()), path.toString() + " " + failFrom,
                () -> new CountingBytes(path, reads, failFrom));
    }

    @Override
    public long size() throws IOException {
        return file.length();
    }

    @Override
    public synchronized int read(long position, byte[] target, int offset, int length) throws IOException {
        reads.incrementAndGet();
        if (position + length > failFrom) {
            throw new IOException("chunk at " + position + " failed its authentication");
        }
        if (position >= file.length()) {
            return -1;
        }
        file.seek(position);
        return file.read(target, offset, length);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
