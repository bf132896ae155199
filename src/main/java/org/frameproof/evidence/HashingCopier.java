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
        MessageDigest sourceSha = digest("SHA-256");
        MessageDigest copySha = digest("SHA-256");
        MessageDigest copyMd5 = digest("MD5");
        Set<OpenOption> reading = new HashSet<>(List.of(sourceOptions));
        reading.add(StandardOpenOption.READ);
        try (FileChannel in = FileChannel.open(source, reading);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel back = FileChannel.open(target, StandardOpenOption.READ);
             ChunkPipeline copying = new ChunkPipeline("copy", sourceSha::update, chunk -> write(out, chunk));
             ChunkPipeline checking = new ChunkPipeline("check", copySha::update, copyMd5::update)) {
            long total = in.size();
            Thread checker = checking.readTrailing(back, copying);
            try {
                long copied = copying.readAll(in, item, progress, total, checking::completed);
                copying.finish();
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
        MessageDigest sha256 = digest("SHA-256");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             ChunkPipeline reading = new ChunkPipeline("hash", sha256::update)) {
            long read = reading.readAll(in, item, progress, in.size());
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
