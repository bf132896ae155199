package org.frameproof.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Copies and hashes files with every stage on its own thread, so that reading, SHA-256, MD5 and
 * writing overlap on two cores instead of adding up: SHA-256 (the JDK's SHA-NI intrinsic, as
 * fast as {@code openssl dgst}) is then the whole cost of a check, and MD5 (no such instruction,
 * half as fast) the whole cost of a copy.
 */
final class HashingCopier {
    static final int BUFFER_BYTES = ChunkPipeline.CHUNK_BYTES;

    private HashingCopier() {
    }

    /** What a copy read from its source, and what the copy reads back as. */
    record Copied(Hashes source, String copySha256) {
        /** Whether the copy reads back as the source was read. */
        boolean intact() {
            return source.sha256().equals(copySha256);
        }
    }

    /**
     * Copies {@code source} into the new file {@code target} (synced to disk). The copy is read back
     * from the file chunk by chunk as soon as each chunk is written (never from the buffers that wrote
     * it) for its SHA-256 and MD5, while the source is still being read; so the result holds the
     * source's SHA-256, the copy's SHA-256 to compare it with, and the copy's MD5.
     *
     * @param sourceOptions how to open the source beside reading it: {@link LinkOption#NOFOLLOW_LINKS}
     *     refuses a source that is a symbolic link
     */
    static Copied copy(Path source, Path target, String item, Progress progress, LinkOption... sourceOptions)
            throws IOException, CancelledException {
        Set<OpenOption> reading = new HashSet<>(List.of(sourceOptions));
        reading.add(StandardOpenOption.READ);
        try (FileChannel in = FileChannel.open(source, reading);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel back = FileChannel.open(target, StandardOpenOption.READ)) {
            MessageDigest sourceSha = digest("SHA-256");
            MessageDigest copySha = digest("SHA-256");
            MessageDigest copyMd5 = digest("MD5");
            long copied = copy(in::read, in.size(), out, new ChunkPipeline.ChunkConsumer[] {sourceSha::update, chunk -> write(out, chunk)},
                    () -> { }, back::read, new ChunkPipeline.ChunkConsumer[] {copySha::update, copyMd5::update}, item, progress);
            return new Copied(new Hashes(hex(sourceSha), hex(copyMd5), copied), hex(copySha));
        }
    }

    /**
     * Copies {@code source} into the new vault file {@code target} (synced to disk), encrypted under
     * {@code key}. SHA-256 and MD5 are taken of the very buffers that are encrypted, while they are
     * encrypted, so the hashes are of the plaintext the file holds. The copy is read back from the
     * file chunk by chunk as soon as each chunk is written (never from the buffers that wrote it),
     * and every chunk's authentication tag is checked: a copy that opens proves it holds exactly what
     * was sealed, so decrypting it again only to re-hash it would prove nothing more
     * (docs/decisions/0008-import-checks-the-copy-by-its-tags.md).
     *
     * @return the hashes of the source as it was read and sealed
     * @throws VaultFileDamagedException when the copy does not read back as it was written
     */
    static Hashes copyEncrypted(Path source, Path target, SecretKey key, String item, Progress progress)
            throws IOException, CancelledException {
        Hashes copied;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel back = FileChannel.open(target, StandardOpenOption.READ)) {
            copied = copyEncrypted(in, out, back, key, item, progress);
        }
        // The read-back checked every chunk; opening also checks the finished file's length and last chunk.
        VaultReader.open(target, key, item).close();
        return copied;
    }

    /** As {@link #copyEncrypted(Path, Path, SecretKey, String, Progress)}, reading the copy back through {@code back}. */
    static Hashes copyEncrypted(FileChannel in, FileChannel out, FileChannel back, SecretKey key, String item,
                                Progress progress) throws IOException, CancelledException {
        return copyEncrypted(in::read, in.size(), out, back, key, item, progress);
    }

    /**
     * As {@link #copyEncrypted(Path, Path, SecretKey, String, Progress)}, from the {@code size} bytes
     * of a stream read once in order: footage arriving in a bundle, never written in plaintext.
     */
    static Hashes copyEncrypted(InputStream source, long size, Path target, SecretKey key, String item, Progress progress)
            throws IOException, CancelledException {
        Hashes copied;
        ReadableByteChannel in = Channels.newChannel(source);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel back = FileChannel.open(target, StandardOpenOption.READ)) {
            copied = copyEncrypted((buffer, position) -> in.read(buffer), size, out, back, key, item, progress);
        }
        if (copied.size() != size) {
            throw new IOException("the footage ended after " + copied.size() + " of " + size + " bytes");
        }
        VaultReader.open(target, key, item).close();
        return copied;
    }

    private static Hashes copyEncrypted(ChunkPipeline.ChunkSource in, long size, FileChannel out, FileChannel back,
                                        SecretKey key, String item, Progress progress) throws IOException, CancelledException {
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        VaultWriter writer = new VaultWriter(out, key, size, item);
        VaultReader following = VaultReader.following(back, key, item);
        long read = copy(in, size, out, new ChunkPipeline.ChunkConsumer[] {sha256::update, md5::update, writer::write},
                writer::finish, following::read, new ChunkPipeline.ChunkConsumer[0], item, progress);
        return new Hashes(hex(sha256), hex(md5), read);
    }

    /** The work after the last chunk is written and before the copy is synced. */
    @FunctionalInterface
    private interface Completion {
        void run() throws IOException;
    }

    /**
     * Reads {@code in} once, handing every chunk to the {@code leading} consumers (one of which
     * writes {@code out}), syncs {@code out}, and reads each written stretch back through
     * {@code back} into the {@code trailing} consumers.
     *
     * @return the bytes read from {@code in}
     */
    private static long copy(ChunkPipeline.ChunkSource in, long total, FileChannel out, ChunkPipeline.ChunkConsumer[] leading,
                             Completion complete,
                             ChunkPipeline.ChunkSource back, ChunkPipeline.ChunkConsumer[] trailing, String item,
                             Progress progress) throws IOException, CancelledException {
        try (ChunkPipeline reading = new ChunkPipeline("copy", leading);
             ChunkPipeline checking = new ChunkPipeline("check", trailing)) {
            Thread checker = checking.readTrailing(back, reading);
            try {
                long copied = reading.readAll(in, item, progress, total, checking::completed);
                reading.finish();
                complete.run();
                out.force(true);
                checking.awaitTrailing(checker, item, progress, total);
                return copied;
            } finally {
                checker.interrupt();
                checker.join(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while copying", e);
        }
    }

    /** Re-reads a file and returns its SHA-256 (MD5 null: checks compare SHA-256 only). */
    static Hashes hash(Path file, String item, Progress progress) throws IOException, CancelledException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return hash(in::read, in.size(), item, progress);
        }
    }

    /** Re-reads a vault file's plaintext and returns its SHA-256, as {@link #hash(Path, String, Progress)}. */
    static Hashes hash(VaultReader reader, String item, Progress progress) throws IOException, CancelledException {
        return hash(reader::read, reader.size(), item, progress);
    }

    private static Hashes hash(ChunkPipeline.ChunkSource in, long size, String item, Progress progress)
            throws IOException, CancelledException {
        MessageDigest sha256 = digest("SHA-256");
        try (ChunkPipeline reading = new ChunkPipeline("hash", sha256::update)) {
            long read = reading.readAll(in, item, progress, size);
            reading.finish();
            // The reports while reading lag the digest; say once that all of it is hashed.
            progress.update(item, read, size);
            return new Hashes(hex(sha256), null, read);
        }
    }

    private static void write(FileChannel out, ByteBuffer chunk) throws IOException {
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has " + algorithm, e);
        }
    }
}
