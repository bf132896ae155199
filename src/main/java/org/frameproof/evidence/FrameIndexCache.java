package org.frameproof.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;

/**
 * The frame indexes of the footage items used last, kept in memory in front of
 * {@link FrameIndexes} (which reads the index cache on disk or analyses the copy): every annotation
 * saved checks its frames against one. Keyed by the content's SHA-256, so duplicates share one.
 * Thread-safe; two threads asking for the same new item may both read it.
 */
final class FrameIndexCache implements FrameIndexes {
    /** Frame indexes kept in memory: each is a few bytes per frame, and reviewers work on a few items at a time. */
    static final int CACHED_INDEXES = 8;

    private final FrameIndexes source;
    private final Map<String, FrameIndex> indexCache;

    FrameIndexCache(FrameIndexes source) {
        this(source, CACHED_INDEXES);
    }

    /** @param capacity how many indexes stay in memory; the one used longest ago leaves first */
    FrameIndexCache(FrameIndexes source, int capacity) {
        this.source = source;
        this.indexCache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FrameIndex> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public FrameIndex of(Footage item) throws UserFacingException {
        synchronized (indexCache) {
            FrameIndex cached = indexCache.get(item.sha256());
            if (cached != null) {
                return cached;
            }
        }
        // Read outside the lock: a slow read of one item does not hold up another's cached index.
        FrameIndex index = source.of(item);
        synchronized (indexCache) {
            indexCache.put(item.sha256(), index);
        }
        return index;
    }
}
