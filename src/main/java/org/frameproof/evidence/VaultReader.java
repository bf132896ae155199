package org.frameproof.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.crypto.SecretKey;

/**
 * Random access to the plaintext of an encrypted vault file (see {@link EncryptedVaultFile}): a
 * read decrypts only the chunks it touches and keeps the last one, so sequential and nearby reads
 * (a demuxer's) decrypt each chunk once. A chunk that fails its tag fails the read with
 * {@link VaultFileDamagedException}; no byte of it is ever returned. Reads are serialised.
 */
public final class VaultReader implements AutoCloseable {
    private final FileChannel channel;
    private final EncryptedVaultFile file;
    private final String item;
    private final byte[] sealed;
    private final byte[] plain;
    private long cachedIndex = -1;
    private int cachedLength;

    private VaultReader(FileChannel channel, EncryptedVaultFile file, String item) {
        this.channel = channel;
        this.file = file;
        this.item = item;
        this.sealed = new byte[file.header().chunkBytes() + EncryptedVaultFile.TAG_BYTES];
        this.plain = new byte[file.header().chunkBytes()];
    }

    /**
     * Opens a finished vault file: its length must be what its header says, and its last chunk
     * must authenticate (which also authenticates the header) before {@link #size()} is trusted.
     *
     * @param item the name the reviewer knows the footage by, for messages
     */
    static VaultReader open(Path path, SecretKey key, String item) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            VaultReader reader = following(channel, key, item);
            EncryptedVaultFile.Header header = reader.file.header();
            long length = channel.size();
            if (length != header.fileBytes()) {
                throw new VaultFileDamagedException(item, length < header.fileBytes()
                        ? "it ends early (" + length + " of " + header.fileBytes() + " bytes)"
                        : "it has " + (length - header.fileBytes()) + " bytes more than its header says");
            }
            reader.load(header.chunkCount() - 1);
            return reader;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Reads a vault file that is still being written (the read-back check during an import): only
     * its header is read now, and each chunk once asked for; the caller checks the finished file
     * with {@link #open} afterwards. The channel stays the caller's.
     */
    static VaultReader following(FileChannel channel, SecretKey key, String item) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(EncryptedVaultFile.HEADER_BYTES);
        readFully(channel, header, 0);
        if (header.hasRemaining()) {
            throw new VaultFileDamagedException(item, "it is shorter than its header");
        }
        return new VaultReader(channel, new EncryptedVaultFile(key, EncryptedVaultFile.Header.decode(header.array(), item), item), item);
    }

    /** The plaintext's length in bytes. */
    public long size() {
        return file.header().plaintextBytes();
    }

    /**
     * Copies up to {@code length} plaintext bytes from {@code position} into {@code target} at
     * {@code offset}.
     *
     * @return how many bytes were copied (at least one when {@code length > 0}), or -1 at the end
     * @throws VaultFileDamagedException when a chunk read does not authenticate
     */
    public synchronized int read(long position, byte[] target, int offset, int length) throws IOException {
        if (position < 0 || offset < 0 || length < 0 || length > target.length - offset) {
            throw new IndexOutOfBoundsException("position " + position + ", offset " + offset + ", length " + length);
        }
        if (position >= size()) {
            return -1;
        }
        int copied = 0;
        while (copied < length && position + copied < size()) {
            int from = chunkAt(position + copied);
            int count = Math.min(length - copied, cachedLength - from);
            System.arraycopy(plain, from, target, offset + copied, count);
            copied += count;
        }
        return copied;
    }

    /** As {@link #read(long, byte[], int, int)}, into a buffer: the chunk pipeline reads this way. */
    synchronized int read(ByteBuffer target, long position) throws IOException {
        if (position >= size()) {
            return -1;
        }
        int from = chunkAt(position);
        int count = Math.min(target.remaining(), cachedLength - from);
        target.put(plain, from, count);
        return count;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Decrypts the chunk holding {@code position} (unless cached) and returns the position's offset in it. */
    private int chunkAt(long position) throws IOException {
        long index = position / file.header().chunkBytes();
        load(index);
        return (int) (position - index * file.header().chunkBytes());
    }

    private void load(long index) throws IOException {
        if (index == cachedIndex) {
            return;
        }
        cachedIndex = -1;
        int sealedLength = file.header().plaintextBytesOf(index) + EncryptedVaultFile.TAG_BYTES;
        ByteBuffer into = ByteBuffer.wrap(sealed, 0, sealedLength);
        readFully(channel, into, file.header().offsetOf(index));
        if (into.hasRemaining()) {
            throw new VaultFileDamagedException(item, "it ends inside chunk " + index + " of " + file.header().chunkCount());
        }
        cachedLength = file.open(index, sealed, plain);
        cachedIndex = index;
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int read = channel.read(into, at);
            if (read < 0) {
                return;
            }
            at += read;
        }
    }
}
