package org.frameproof.exchange;

import java.util.concurrent.CancellationException;

/**
 * Progress and cancellation of a long export. A JavaFX {@code Task} adapts it with
 * {@code updateProgress} and {@code isCancelled}; the command line prints progress or ignores it.
 */
public interface ExportMonitor {
    /** A monitor that shows nothing and never cancels. */
    ExportMonitor NONE = new ExportMonitor() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} steps are finished. */
    void progress(long done, long total);

    boolean isCancelled();

    /**
     * {@code done} of {@code total} bytes of the footage are re-hashed, before anything is
     * written; by default shown as progress like the rest.
     */
    default void rehashing(long done, long total) {
        progress(done, total);
    }

    /** Stops the export here if it was cancelled; the writer then deletes its partial output. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("Export cancelled");
        }
    }
}
