package org.frameproof.media.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.BitSet;
import java.util.List;
import java.util.stream.LongStream;
import org.frameproof.domain.FrameIndex;
import org.junit.jupiter.api.Test;

/** The looped range on its own: what playback is told, and where a start lands. */
class LoopRangeTest {
    private final ScriptedPlayback playback = new ScriptedPlayback();
    private final LoopRange loop = new LoopRange(playback);
    /** 100 frames at 25 a second: frame N at N * 40 ms. */
    private final FrameIndex index = new FrameIndex(LongStream.range(0, 100).toArray(), new BitSet(), 1, 25);

    @Test
    void playbackLoopsOnlyOnceBLiesAfterA() {
        playback.loop = List.of(0L, 1L);
        loop.markStart(30, index);
        assertNull(playback.loop, "A alone is no loop");
        loop.markEnd(10, index);
        assertNull(playback.loop, "B before A is no loop");
        loop.markEnd(50, index);
        assertEquals(List.of(1_200_000L, 2_000_000L), playback.loop);

        loop.forget();
        assertNull(playback.loop);
        assertEquals(-1, loop.start());
        assertEquals(-1, loop.end());
    }

    @Test
    void aStartOutsideTheRangeStartsAtA() {
        assertEquals(70, loop.startFor(70), "no loop: where asked");
        loop.markStart(30, index);
        assertEquals(30, loop.startFor(70), "A alone: at A");
        loop.markEnd(50, index);
        assertEquals(30, loop.startFor(10));
        assertEquals(40, loop.startFor(40));
        assertEquals(30, loop.startFor(50), "B itself is outside: playing from it would loop at once");
        loop.forget();
        assertEquals(70, loop.startFor(70));
    }
}
