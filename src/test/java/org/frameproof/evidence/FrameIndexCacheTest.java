package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaSource;
import org.frameproof.media.VaultSources;
import org.junit.jupiter.api.Test;

class FrameIndexCacheTest {
    /** The vault copies analysed, in order, each named by its content's hash and its item's id ("aa #1"). */
    private final List<String> read = new ArrayList<>();
    /** Names each copy of "clip.mp4 (#1)" with content "aa" as "aa #1". */
    private final VaultSources copies = (sha256, name) -> MediaSource.ofBytes(
            sha256 + " " + name.substring(name.indexOf('#'), name.length() - 1), sha256, () -> null);
    private final MediaAnalyzer analyzer = (copy, progress, cancelled) -> {
        read.add(copy.name());
        if (copy.name().startsWith("unreadable ")) {
            throw new UserFacingException("cannot read " + copy.name());
        }
        return new MediaAnalysis(null, new FrameIndex(new long[] {0, 1, 2}, new BitSet(), 1, 25));
    };

    @Test
    void anItemIsReadOnceAndItsDuplicatesShareItsIndex() throws Exception {
        FrameIndexCache cache = new FrameIndexCache(analyzer, copies, 2);
        FrameIndex first = cache.of(footage(1, "aa"));
        assertSame(first, cache.of(footage(1, "aa")));
        assertSame(first, cache.of(footage(7, "aa")), "a duplicate has the same content, so the same frames");
        assertEquals(List.of("aa #1"), read);
    }

    @Test
    void theIndexUsedLongestAgoLeavesFirst() throws Exception {
        FrameIndexCache cache = new FrameIndexCache(analyzer, copies, 2);
        cache.of(footage(1, "aa"));
        cache.of(footage(2, "bb"));
        cache.of(footage(1, "aa"));
        cache.of(footage(3, "cc"));
        cache.of(footage(1, "aa"));
        assertEquals(List.of("aa #1", "bb #2", "cc #3"), read, "item 1 was used after item 2, so item 2 left for item 3");
        cache.of(footage(2, "bb"));
        assertEquals(List.of("aa #1", "bb #2", "cc #3", "bb #2"), read);
    }

    @Test
    void anIndexThatCannotBeReadIsAskedForAgainNextTime() {
        FrameIndexCache cache = new FrameIndexCache(analyzer, copies, 2);
        assertThrows(UserFacingException.class, () -> cache.of(footage(4, "unreadable")));
        assertThrows(UserFacingException.class, () -> cache.of(footage(4, "unreadable")));
        assertEquals(List.of("unreadable #4", "unreadable #4"), read);
    }

    private static Footage footage(long id, String sha256) {
        return new Footage(id, 1, sha256, null, 0, "clip.mp4", null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
