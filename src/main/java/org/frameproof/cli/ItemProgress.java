package org.frameproof.cli;

import java.io.PrintWriter;
import org.frameproof.evidence.Progress;

/** Names each item on standard error once, as work reaches it: for the vault's one-off conversion on open. */
final class ItemProgress implements Progress {
    private final PrintWriter err;
    private String lastItem;

    ItemProgress(PrintWriter err) {
        this.err = err;
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
        return false;
    }
}
