package org.frameproof.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file opened for reading that gives back one byte changed (all bits flipped) at a given offset,
 * as a failing disk or someone writing to the file would: only positional reads, which is how the
 * vault reads, see the change.
 */
final class FlippingChannel extends FileChannel {
    private final FileChannel file;
    private final long flipped;

    FlippingChannel(FileChannel file, long flipped) {
        this.file = file;
        this.flipped = flipped;
    }

    @Override
    public int read(ByteBuffer target, long position) throws IOException {
        int start = target.position();
        int read = file.read(target, position);
        if (read > 0 && flipped >= position && flipped < position + read) {
            int at = start + (int) (flipped - position);
            target.put(at, (byte) ~target.get(at));
        }
        return read;
    }

    @Override
    public int read(ByteBuffer target) {
        throw new UnsupportedOperationException("the vault reads by position");
    }

    @Override
    public long read(ByteBuffer[] targets, int offset, int length) {
        throw new UnsupportedOperationException("the vault reads by position");
    }

    @Override
    public int write(ByteBuffer source) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public int write(ByteBuffer source, long position) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long position) throws IOException {
        file.position(position);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException("the vault reads by position");
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("the vault reads by position");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException("not locked");
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException("not locked");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
