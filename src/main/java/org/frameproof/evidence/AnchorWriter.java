package org.frameproof.evidence;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.frameproof.domain.ChainHead;
import org.frameproof.store.StoreException;

/**
 * Writes chain heads to the key file on one background thread, so that a save does not wait for
 * the key file's atomic replace and its fsyncs. Heads handed in while a write runs are coalesced:
 * only the newest is written next, and heads are handed in commit order, so a written head is
 * never followed by an older one. The failure of the last write is kept, for every save and the
 * close to report, until a later write succeeds; the thread itself prints nothing.
 */
final class AnchorWriter {
    /** Writes one head, on the writer's thread. */
    @FunctionalInterface
    interface Write {
        void write(ChainHead head) throws StoreException;
    }

    private final Write write;
    private final AtomicReference<ChainHead> newest = new AtomicReference<>();
    private final AtomicReference<StoreException> failure = new AtomicReference<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "frameproof-chain-anchor");
        writer.setDaemon(true);
        return writer;
    });

    AnchorWriter(Write write) {
        this.write = write;
    }

    /** Queues {@code head} for writing, replacing a queued older one; returns at once. */
    void hand(ChainHead head) {
        if (newest.getAndSet(head) == null) {
            thread.execute(this::writeNewest);
        }
    }

    private void writeNewest() {
        ChainHead head = newest.getAndSet(null);
        if (head == null) {
            return;
        }
        try {
            write.write(head);
            failure.set(null);
        } catch (StoreException e) {
            failure.set(e);
        } catch (RuntimeException e) {
            // Caught here, or the pool's thread would print it to standard error and nobody would be told.
            failure.set(new StoreException(e.toString(), e));
        }
    }

    /** Why the last background write failed, or null when it succeeded: the key file's head is behind meanwhile. */
    StoreException failure() {
        return failure.get();
    }

    /**
     * Waits until every head handed in so far is written.
     *
     * @throws StoreException when the last write failed
     */
    void flush() throws StoreException {
        awaitWritten();
        StoreException failed = failure();
        if (failed != null) {
            throw failed;
        }
    }

    /** Waits until every head handed in so far was written or failed. */
    void awaitWritten() throws StoreException {
        if (thread.isShutdown()) {
            return;
        }
        try {
            thread.submit(this::writeNewest).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while keeping the audit chain head in the key file.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Writing a chain head throws nothing", e.getCause());
        }
    }

    /** Flushes, then ends the thread; no head is handed in afterwards. Closing again does nothing more. */
    void close() throws StoreException {
        try {
            flush();
        } finally {
            thread.shutdown();
        }
    }
}
