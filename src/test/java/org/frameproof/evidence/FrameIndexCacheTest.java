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
import org.junit.jupiter.api.Test;

class FrameIndexCacheTest {
    /** The items whose index was read from the source, in order. */
    private final List<Long> read = new ArrayList<>();
    private final FrameIndexes source = item -> {
        read.add(item.id());
        if (item.sha256().equals("unreadable")) {
            throw new UserFacingException("cannot read " + item.id());
        }
        return new FrameIndex(new long[] {0, 1, 2}, new BitSet(), 1, 25);
    };

    @Test
    void anItemIsReadOnceAndItsDuplicatesShareItsIndex() throws Exception {
        FrameIndexCache cache = new FrameIndexCache(source, 2);
        FrameIndex first = cache.of(footage(1, "aa"));
        assertSame(first, cache.of(footage(1, "aa")));
        assertSame(first, cache.of(footage(7, "aa")), "a duplicate has the same content, so the same frames");
        assertEquals(List.of(1L), read);
    }

    @Test
    void theIndexUsedLongestAgoLeavesFirst() throws Exception {
        FrameIndexCache cache = new FrameIndexCache(source, 2);
        cache.of(footage(1, "aa"));
        cache.of(footage(2, "bb"));
        cache.of(footage(1, "aa"));
        cache.of(footage(3, "cc"));
        cache.of(footage(1, "aa"));
        assertEquals(List.of(1L, 2L, 3L), read, "item 1 was used after item 2, so item 2 left for item 3");
        cache.of(footage(2, "bb"));
        assertEquals(List.of(1L, 2L, 3L, 2L), read);
    }

    @Test
    void anIndexThatCannotBeReadIsAskedForAgainNextTime() {
        FrameIndexCache cache = new FrameIndexCache(source, 2);
        assertThrows(UserFacingException.class, () -> cache.of(footage(4, "unreadable")));
        assertThrows(UserFacingException.class, () -> cache.of(footage(4, "unreadable")));
        assertEquals(List.of(4L, 4L), read);
    }

    private static Footage footage(long id, String sha256) {
        return new Footage(id, 1, sha256, null, 0, "clip.mp4", null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
