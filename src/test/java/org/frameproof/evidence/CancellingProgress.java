package org.frameproof.evidence;

/** Progress that says the work is cancelled once it has heard a number of updates, as a reviewer's cancel would. */
final class CancellingProgress implements Progress {
    private final int updatesBeforeCancel;
    private int updates;

    private CancellingProgress(int updatesBeforeCancel) {
        this.updatesBeforeCancel = updatesBeforeCancel;
    }

    /** Cancelled from the {@code n}-th update on. */
    static Progress afterUpdates(int n) {
        return new CancellingProgress(n);
    }

    @Override
    public void update(String item, long done, long total) {
        updates++;
    }

    @Override
    public boolean cancelled() {
        return updates >= updatesBeforeCancel;
    }
}
