package org.frameproof.evidence;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.Database;
import org.frameproof.store.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the search index's pending changes into its postings on a background thread, once saves
 * pause: a save only appends its words to the pending changes, so it stays quick, and a search
 * reads pending changes as they are until they are merged. {@link #saved} is called by the saving
 * thread after each save; {@link #close} before the store closes.
 */
final class SearchIndexMerger {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexMerger.class);

    /**
     * Pending search index changes merged per transaction: a short step, so that a save waits
     * little behind it (docs/decisions/0009-measurements-behind-tuned-constants.md).
     */
    private static final int MERGE_STEP = 500;
    private static final Duration MERGE_WHEN_QUIET_FOR = Duration.ofSeconds(2);

    private final Database database;
    private final SearchIndex searchIndex;
    private final long quietNanos;
    /** Merges the search index's pending changes (one thread; {@link #close} stops it). */
    private final ExecutorService indexMerger = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "search-index-merge");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean merging = new AtomicBoolean();
    /** When the last save was made ({@link System#nanoTime}). */
    private volatile long lastSave = System.nanoTime();

    SearchIndexMerger(Database database, SearchIndex searchIndex) {
        this(database, searchIndex, MERGE_WHEN_QUIET_FOR);
    }

    /** @param quietFor how long no save may have come before a merge step runs */
    SearchIndexMerger(Database database, SearchIndex searchIndex, Duration quietFor) {
        this.database = database;
        this.searchIndex = searchIndex;
        this.quietNanos = quietFor.toNanos();
        // Changes a closed session (or a command-line run) left pending are merged once saves pause.
        try {
            if (database.transaction(searchIndex::needsMerge)) {
                startMerging();
            }
        } catch (UserFacingException e) {
            // Unreadable now: the next save that finds too many pending starts the merge.
            LOG.warn("Whether the search index needs a merge could not be read", e);
        }
    }

    /**
     * A save was committed: the merge waits until saves pause again.
     *
     * @param mergeNow whether that save left so many changes pending that they should be merged
     */
    void saved(boolean mergeNow) {
        lastSave = System.nanoTime();
        if (mergeNow) {
            startMerging();
        }
    }

    private void startMerging() {
        if (merging.compareAndSet(false, true)) {
            indexMerger.execute(this::mergeIndex);
        }
    }

    /**
     * Background thread: merges the pending changes into the postings a small step at a time,
     * each its own transaction, and only once no save has come for the quiet time: merging
     * beside a run of saves slowed them (docs/decisions/0009-measurements-behind-tuned-constants.md).
     */
    private void mergeIndex() {
        try {
            boolean more = true;
            while (more) {
                long quiet = System.nanoTime() - lastSave;
                if (quiet < quietNanos) {
                    TimeUnit.NANOSECONDS.sleep(quietNanos - quiet);
                } else {
                    more = database.transaction(() -> searchIndex.mergeStep(MERGE_STEP));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UserFacingException e) {
            // The changes stay pending, searched as they are; the next save that needs it tries again.
            LOG.warn("Merging the search index failed", e);
        } finally {
            merging.set(false);
        }
    }

    /** Stops merging (a step under way finishes; the rest stays pending): before the store closes. */
    void close() {
        indexMerger.shutdownNow();
        try {
            indexMerger.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
