package org.frameproof.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Reads a file in chunks on one thread and hands every chunk, in order, to a fixed set of
 * consumers that each run on their own thread, so reading and all consumers overlap. A chunk's
 * buffer is read into again only once every consumer is done with it, so memory stays at
 * {@code SLOTS} chunks. Another thread can follow behind the consumers ({@link #readTrailing}).
 * A pipeline without consumers only reads.
 */
final class ChunkPipeline implements AutoCloseable {
    static final int CHUNK_BYTES = 1 << 20;
    private static final int SLOTS = 8;
    private static final long PROGRESS_POLL_MILLIS = 100;

    /** Where chunks come from: a file's channel, or a vault file's plaintext. */
    @FunctionalInterface
    interface ChunkSource {
        /** Reads bytes at {@code position} into {@code target}; -1 at the end. */
        int read(ByteBuffer target, long position) throws IOException;
    }

    /** Takes one chunk: its own view of the bytes, from position 0 to its limit. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(ByteBuffer chunk) throws IOException;
    }

    private final ChunkConsumer[] consumers;
    private final ExecutorService[] threads;
    // Direct buffers: a channel reads into them without a copy, and SHA-256 ran faster over them than
    // over heap arrays (docs/decisions/0009-measurements-behind-tuned-constants.md).
    private final ByteBuffer[] buffers = new ByteBuffer[SLOTS];
    private final Future<?>[][] busy = new Future<?>[SLOTS][];
    private int next;
    /** Bytes every consumer is done with, from the start of the file. */
    private long completed;
    /** True once {@link #finish} saw every consumer done, or the pipeline was closed. */
    private boolean over;
    private volatile IOException trailingFailure;

    ChunkPipeline(String name, ChunkConsumer... consumers) {
        this.consumers = consumers;
        this.threads = new ExecutorService[consumers.length];
        for (int i = 0; i < consumers.length; i++) {
            String threadName = name + "-" + i;
            threads[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /**
     * Reads {@code in} from its start to its end and hands it on, reporting {@code reported} bytes
     * of {@code total} as done after each chunk.
     *
     * @return the bytes read
     */
    long readAll(ChunkSource in, String item, Progress progress, long total, LongSupplier reported)
            throws IOException, CancelledException {
        long position = 0;
        while (true) {
            if (progress.cancelled()) {
                throw new CancelledException("Cancelled: " + item);
            }
            int read = readChunk(in, position, Long.MAX_VALUE);
            if (read <= 0) {
                return position;
            }
            position += read;
            progress.update(item, reported.getAsLong(), total);
        }
    }

    /** {@link #readAll} reporting the bytes this pipeline's consumers are done with. */
    long readAll(ChunkSource in, String item, Progress progress, long total) throws IOException, CancelledException {
        return readAll(in, item, progress, total, this::completed);
    }

    /**
     * Starts a thread that reads {@code file} behind {@code leader}: each stretch that all of the
     * leader's consumers are done with (e.g. written to this file) is read from the file and handed
     * to this pipeline's consumers, until the leader finishes or is closed.
     */
    Thread readTrailing(ChunkSource file, ChunkPipeline leader) {
        Thread trailing = new Thread(() -> {
            try {
                long position = 0;
                for (long available = leader.awaitCompletedBeyond(position); available >= 0;
                        available = leader.awaitCompletedBeyond(position)) {
                    while (position < available) {
                        int read = readChunk(file, position, available - position);
                        if (read <= 0) {
                            throw new IOException("the copy ended after " + position + " bytes");
                        }
                        position += read;
                    }
                }
                finish();
            } catch (IOException e) {
                trailingFailure = e;
            } catch (InterruptedException e) {
                trailingFailure = new IOException("Interrupted while checking the copy", e);
            }
        }, "trailing-reader");
        trailing.setDaemon(true);
        trailing.start();
        return trailing;
    }

    /** Waits for a {@link #readTrailing} thread to end, reporting this pipeline's progress meanwhile. */
    void awaitTrailing(Thread trailing, String item, Progress progress, long total)
            throws IOException, CancelledException, InterruptedException {
        while (trailing.isAlive()) {
            if (progress.cancelled()) {
                throw new CancelledException("Cancelled: " + item);
            }
            trailing.join(PROGRESS_POLL_MILLIS);
            progress.update(item, completed(), total);
        }
        if (trailingFailure != null) {
            throw trailingFailure;
        }
        progress.update(item, completed(), total);
    }

    /** Waits until every consumer is done with every chunk; their results are then safe to read. */
    void finish() throws IOException {
        for (Future<?>[] slot : busy) {
            await(slot);
        }
        synchronized (this) {
            over = true;
            notifyAll();
        }
    }

    synchronized long completed() {
        return completed;
    }

    /**
     * Waits until consumers are done with more than {@code position} bytes and returns how many,
     * or -1 when no more will come (finished or closed).
     */
    private synchronized long awaitCompletedBeyond(long position) throws InterruptedException {
        while (completed <= position && !over) {
            wait();
        }
        return completed > position ? completed : -1;
    }

    /** Reads at most {@code limit} bytes at {@code position} into the next free buffer and hands them on. */
    private int readChunk(ChunkSource in, long position, long limit) throws IOException {
        int slot = next;
        await(busy[slot]);
        if (buffers[slot] == null) {
            buffers[slot] = ByteBuffer.allocateDirect(CHUNK_BYTES);
        }
        ByteBuffer buffer = buffers[slot].clear().limit((int) Math.min(CHUNK_BYTES, limit));
        while (buffer.hasRemaining()) {
            int read = in.read(buffer, position + buffer.position());
            if (read < 0) {
                break;
            }
        }
        int length = buffer.position();
        if (length > 0) {
            handOn(slot, length, position + length);
            next = (slot + 1) % SLOTS;
        }
        return length;
    }

    private void handOn(int slot, int length, long end) {
        if (consumers.length == 0) {
            // Reading was the work (a read-back that authenticates as it reads): the chunk is done.
            markCompleted(end);
            return;
        }
        ByteBuffer chunk = buffers[slot];
        AtomicInteger remaining = new AtomicInteger(consumers.length);
        busy[slot] = new Future<?>[consumers.length];
        for (int i = 0; i < consumers.length; i++) {
            ChunkConsumer consumer = consumers[i];
            ByteBuffer view = chunk.asReadOnlyBuffer().position(0).limit(length);
            busy[slot][i] = threads[i].submit(() -> {
                consumer.accept(view);
                // Each consumer takes chunks in order, so chunks complete in order.
                if (remaining.decrementAndGet() == 0) {
                    markCompleted(end);
                }
                return null;
            });
        }
    }

    private synchronized void markCompleted(long end) {
        completed = end;
        notifyAll();
    }

    private static void await(Future<?>[] slot) throws IOException {
        if (slot == null) {
            return;
        }
        for (Future<?> pending : slot) {
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        for (ExecutorService thread : threads) {
            thread.shutdownNow();
        }
        synchronized (this) {
            over = true;
            notifyAll();
        }
    }
}
