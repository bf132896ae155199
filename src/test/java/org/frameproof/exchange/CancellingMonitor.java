package org.frameproof.exchange;

/** A monitor that cancels once {@code after} steps are done, as a reviewer's Cancel button would. */
final class CancellingMonitor implements ExportMonitor {
    private final long after;
    private long done;
    private long total;

    CancellingMonitor(long after) {
        this.after = after;
    }

    @Override
    public void progress(long finished, long steps) {
        done = finished;
        total = steps;
    }

    @Override
    public boolean isCancelled() {
        return done >= after;
    }

    long total() {
        return total;
    }
}
