package org.frameproof.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import javax.crypto.SecretKey;

/**
 * Writes plaintext into a new encrypted vault file as it arrives (see {@link EncryptedVaultFile}).
 * The plaintext's length is in the header, which every chunk authenticates, so it is declared up
 * front; a source that gives more or fewer bytes fails the copy. Each chunk is written as soon as
 * it is full, and the last as soon as the declared length is reached, so a reader following behind
 * can decrypt everything written so far. Not thread-safe.
 */
final class VaultWriter {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileChannel out;
    private final EncryptedVaultFile file;
    private final String item;
    private final byte[] plain;
    private final byte[] sealed;
    private int buffered;
    private long index;
    private long received;

    /** Writes the header at the start of the empty file {@code out}. */
    VaultWriter(FileChannel out, SecretKey key, long plaintextBytes, String item) throws IOException {
        this(out, key, plaintextBytes, item, EncryptedVaultFile.CHUNK_BYTES);
    }

    /** With another chunk size: tests use small chunks to cross many chunk boundaries cheaply. */
    VaultWriter(FileChannel out, SecretKey key, long plaintextBytes, String item, int chunkBytes) throws IOException {
        byte[] prefix = new byte[EncryptedVaultFile.NONCE_PREFIX_BYTES];
        RANDOM.nextBytes(prefix);
        this.out = out;
        this.file = new EncryptedVaultFile(key, new EncryptedVaultFile.Header(chunkBytes, plaintextBytes, prefix), item);
        this.item = item;
        this.plain = new byte[chunkBytes];
        this.sealed = new byte[chunkBytes + EncryptedVaultFile.TAG_BYTES];
        write(ByteBuffer.wrap(file.header().encode()), 0);
        if (plaintextBytes == 0) {
            sealChunk();
        }
    }

    /** Encrypts and writes {@code data} (all of it). */
    void write(ByteBuffer data) throws IOException {
        if (received + data.remaining() > file.header().plaintextBytes()) {
            throw sizeChanged(received + data.remaining());
        }
        received += data.remaining();
        while (data.hasRemaining()) {
            int count = Math.min(data.remaining(), plain.length - buffered);
            data.get(plain, buffered, count);
            buffered += count;
            if (buffered == file.header().plaintextBytesOf(index)) {
                sealChunk();
            }
        }
    }

    /** Checks that exactly the declared length arrived; the caller then syncs the file. */
    void finish() throws IOException {
        if (received != file.header().plaintextBytes()) {
            throw sizeChanged(received);
        }
    }

    private void sealChunk() throws IOException {
        int length = file.seal(index, plain, sealed);
        write(ByteBuffer.wrap(sealed, 0, length), file.header().offsetOf(index));
        index++;
        buffered = 0;
    }

    private void write(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += out.write(bytes, at);
        }
    }

    private IOException sizeChanged(long bytes) {
        return new SourceChangedException(item + " changed while it was copied: it was " + file.header().plaintextBytes()
                + " bytes when the copy began, and gave " + (bytes > file.header().plaintextBytes() ? "more" : bytes + " bytes"));
    }
}
