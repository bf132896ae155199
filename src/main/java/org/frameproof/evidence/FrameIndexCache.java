package org.frameproof.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.VaultSources;

/**
 * The frame indexes of footage items' vault copies (every frame's own timestamp, which annotations
 * store beside their frame numbers), the ones used last kept in memory in front of the analyzer
 * (which reads the index cache on disk or analyses the copy): every annotation saved checks its
 * frames against one. Keyed by the content's SHA-256, so duplicates share one. Thread-safe; two
 * threads asking for the same new item may both read it.
 */
final class FrameIndexCache {
    /** Frame indexes kept in memory: each is a few bytes per frame, and reviewers work on a few items at a time. */
    static final int CACHED_INDEXES = 8;

    private final MediaAnalyzer analyzer;
    private final VaultSources copies;
    private final Map<String, FrameIndex> indexCache;

    FrameIndexCache(MediaAnalyzer analyzer, VaultSources copies) {
        this(analyzer, copies, CACHED_INDEXES);
    }

    /** @param capacity how many indexes stay in memory; the one used longest ago leaves first */
    FrameIndexCache(MediaAnalyzer analyzer, VaultSources copies, int capacity) {
        this.analyzer = analyzer;
        this.copies = copies;
        this.indexCache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FrameIndex> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @throws UserFacingException when the vault copy cannot be read or indexed */
    FrameIndex of(Footage item) throws UserFacingException {
        synchronized (indexCache) {
            FrameIndex cached = indexCache.get(item.sha256());
            if (cached != null) {
                return cached;
            }
        }
        // Read outside the lock: a slow read of one item does not hold up another's cached index.
        FrameIndex index = analyzer.analyze(copies.of(item), progress -> { }, () -> false).index();
        synchronized (indexCache) {
            indexCache.put(item.sha256(), index);
        }
        return index;
    }
}
