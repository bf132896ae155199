package org.frameproof.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
            return copy(in, out, chunk -> write(out, chunk), () -> { }, back::read, item, progress);
        }
    }

    /**
     * As {@link #copy(Path, Path, String, Progress)}, encrypting the copy into a vault file under
     * {@code key}; the copy is read back by decrypting it, so its hashes are of its plaintext.
     */
    static Copied copyEncrypted(Path source, Path target, SecretKey key, String item, Progress progress)
            throws IOException, CancelledException {
        Copied copied;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel back = FileChannel.open(target, StandardOpenOption.READ)) {
            VaultWriter writer = new VaultWriter(out, key, in.size(), item);
            VaultReader following = VaultReader.following(back, key, item);
            copied = copy(in, out, writer::write, writer::finish, following::read, item, progress);
        }
        // The read-back decrypted every byte; opening also checks the finished file's length and last chunk.
        VaultReader.open(target, key, item).close();
        return copied;
    }

    /** The work after the last chunk is written and before the copy is synced. */
    @FunctionalInterface
    private interface Completion {
        void run() throws IOException;
    }

    private static Copied copy(FileChannel in, FileChannel out, ChunkPipeline.ChunkConsumer writer, Completion complete,
                               ChunkPipeline.ChunkSource back, String item, Progress progress)
            throws IOException, CancelledException {
        MessageDigest sourceSha = digest("SHA-256");
        MessageDigest copySha = digest("SHA-256");
        MessageDigest copyMd5 = digest("MD5");
        try (ChunkPipeline reading = new ChunkPipeline("copy", sourceSha::update, writer);
             ChunkPipeline checking = new ChunkPipeline("check", copySha::update, copyMd5::update)) {
            long total = in.size();
            Thread checker = checking.readTrailing(back, reading);
            try {
                long copied = reading.readAll(in::read, item, progress, total, checking::completed);
                reading.finish();
                complete.run();
                out.force(true);
                checking.awaitTrailing(checker, item, progress, total);
                return new Copied(new Hashes(hex(sourceSha), hex(copyMd5), copied), hex(copySha));
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
