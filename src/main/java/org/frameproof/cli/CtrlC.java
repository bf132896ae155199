package org.frameproof.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl+C as a request to cancel long work: while open, Ctrl+C marks the work cancelled and holds
 * the program's end until the work is closed, so it can first remove what it had half written.
 */
final class CtrlC implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CtrlC.class);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean pressed;

    /** Waits at most {@code cleanupSeconds} after Ctrl+C for the work to end. */
    CtrlC(String work, long cleanupSeconds) {
        hook = new Thread(() -> {
            pressed = true;
            try {
                finished.await(cleanupSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, work + "-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean pressed() {
        return pressed;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running and now lets the program end.
            LOG.info("Work was cancelled with Ctrl+C and has ended");
        }
    }
}
