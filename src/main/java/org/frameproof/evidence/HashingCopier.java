package org.frameproof.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a file and hashes it in the same pass. SHA-256 runs on the calling thread (the JDK's
 * SHA-NI intrinsic does about 2 GB/s); MD5, which has no such instruction and is half as fast,
 * runs beside it on a second thread over the same buffers, so it costs no extra time on two cores.
 */
final class HashingCopier {
    static final int BUFFER_BYTES = 4 << 20;
    private static final int BUFFERS = 3;

    private HashingCopier() {
    }

    /** Copies {@code source} into the new file {@code target} (synced to disk) and returns the hashes of what was copied. */
    static Hashes copy(Path source, Path target, String item, Progress progress) throws IOException, CancelledException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Hashes hashes = pass(in, out, item, progress);
            out.force(true);
            return hashes;
        }
    }

    /**
     * Re-reads a file and returns its SHA-256 (MD5 null). Checks compare SHA-256 only, so they
     * leave the second core to other work instead of spending it on MD5.
     */
    static Hashes hash(Path file, String item, Progress progress) throws IOException, CancelledException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return pass(in, null, item, progress);
        }
    }

    /** One pass over {@code in}: SHA-256, and when copying to {@code out} also MD5 (on a second thread). */
    private static Hashes pass(FileChannel in, FileChannel out, String item, Progress progress)
            throws IOException, CancelledException {
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = out == null ? null : digest("MD5");
        long total = in.size();
        ByteBuffer[] buffers = new ByteBuffer[BUFFERS];
        Future<?>[] md5Done = new Future<?>[BUFFERS];
        ExecutorService md5Thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "md5");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long done = 0;
            for (int turn = 0; ; turn = (turn + 1) % BUFFERS) {
                if (progress.cancelled()) {
                    throw new CancelledException("Cancelled: " + item);
                }
                await(md5Done[turn]);
                if (buffers[turn] == null) {
                    buffers[turn] = ByteBuffer.allocate(BUFFER_BYTES);
                }
                ByteBuffer buffer = buffers[turn].clear();
                int read = fill(in, buffer);
                if (read <= 0) {
                    break;
                }
                byte[] array = buffer.array();
                if (md5 != null) {
                    md5Done[turn] = md5Thread.submit(() -> md5.update(array, 0, read));
                }
                sha256.update(array, 0, read);
                if (out != null) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                done += read;
                progress.update(item, done, total);
            }
            for (Future<?> pending : md5Done) {
                await(pending);
            }
            return new Hashes(HexFormat.of().formatHex(sha256.digest()), md5 == null ? null : HexFormat.of().formatHex(md5.digest()), done);
        } finally {
            md5Thread.shutdownNow();
        }
    }

    private static int fill(FileChannel in, ByteBuffer buffer) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total;
    }

    private static void await(Future<?> pending) throws IOException {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IOException("MD5 failed: " + e.getCause(), e.getCause());
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has " + algorithm, e);
        }
    }
}
