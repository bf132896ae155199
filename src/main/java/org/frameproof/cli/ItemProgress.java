package org.frameproof.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.frameproof.evidence.Progress;

/**
 * Names each item on standard error once, as work reaches it: for the vault's one-off conversion
 * on open, and the steps of making the demo case (cancelled by Ctrl+C).
 */
final class ItemProgress implements Progress {
    private final PrintWriter err;
    private final BooleanSupplier cancelled;
    private String lastItem;

    ItemProgress(PrintWriter err) {
        this(err, () -> false);
    }

    ItemProgress(PrintWriter err, BooleanSupplier cancelled) {
        this.err = err;
        this.cancelled = cancelled;
    }

    @Override
    public void update(String item, long done, long total) {
        if (!item.equals(lastItem)) {
            lastItem = item;
            err.println(item);
            err.flush();
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
