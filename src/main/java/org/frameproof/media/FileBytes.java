package org.frameproof.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** A plain file as {@link SeekableBytes}. */
public final class FileBytes implements SeekableBytes {
    private final RandomAccessFile file;

    private FileBytes(RandomAccessFile file) {
        this.file = file;
    }

    public static FileBytes open(Path path) throws IOException {
        return new FileBytes(new RandomAccessFile(path.toFile(), "r"));
    }

    @Override
    public long size() throws IOException {
        return file.length();
    }

    @Override
    public int read(long position, byte[] target, int offset, int length) throws IOException {
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
