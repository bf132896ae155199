package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.BitSet;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeqBlockTest {
    @Test
    void keepsExactlyTheOffsetsAddedAndNotRemovedThroughListsAndBitmaps() {
        Random random = new Random(5);
        TreeSet<Integer> expected = new TreeSet<>();
        byte[] stored = SeqBlock.EMPTY;
        int longest = 0;
        // Grows past the list's limit (a bitmap), then shrinks to a few hundred (a list again),
        // adding now and then on the way down.
        for (int step = 0; step < 5_000; step++) {
            int offset = random.nextInt(SeqBlock.SIZE);
            stored = SeqBlock.changed(stored, new int[] {offset});
            expected.add(offset);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), SeqBlock.offsets(stored), "adding, step " + step);
            longest = Math.max(longest, stored.length);
        }
        while (expected.size() > 300) {
            Integer[] present = expected.toArray(Integer[]::new);
            int offset = random.nextInt(10) == 0 ? random.nextInt(SeqBlock.SIZE) : present[random.nextInt(present.length)];
            if (offset % 10 == 0 && random.nextBoolean()) {
                stored = SeqBlock.changed(stored, new int[] {offset});
                expected.add(offset);
            } else {
                stored = SeqBlock.changed(stored, new int[] {-1 - offset});
                expected.remove(offset);
            }
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), SeqBlock.offsets(stored),
                    "removing, " + expected.size() + " left");
        }
        assertEquals(SeqBlock.SIZE / 8, longest, "never longer than a bitmap");
        assertEquals(2 * expected.size(), stored.length, "a list again once sparse");
        for (int offset : expected.stream().mapToInt(Integer::intValue).toArray()) {
            stored = SeqBlock.changed(stored, new int[] {-1 - offset});
        }
        assertEquals(0, stored.length);
    }

    @Test
    void addingWhatIsThereOrRemovingWhatIsNotChangesNothing() {
        byte[] list = SeqBlock.of(new int[] {3, 9});
        assertSame(list, SeqBlock.changed(list, new int[] {9}));
        assertSame(list, SeqBlock.changed(list, new int[] {-1 - 4}));
        assertSame(list, SeqBlock.changed(list, new int[] {5, -1 - 5}), "added and taken out again");
        byte[] bitmap = SeqBlock.of(IntStream.range(0, 2_000).toArray());
        assertSame(bitmap, SeqBlock.changed(bitmap, new int[] {1_999}));
        assertSame(bitmap, SeqBlock.changed(bitmap, new int[] {-1 - 5_000}));
    }

    @Test
    void manyChangesAtOnceEndWhereTheSameChangesOneByOneDo() {
        Random random = new Random(9);
        byte[] oneByOne = SeqBlock.EMPTY;
        int[] changes = new int[3_000];
        for (int i = 0; i < changes.length; i++) {
            int offset = random.nextInt(4_000);
            changes[i] = random.nextInt(4) == 0 ? -1 - offset : offset;
            oneByOne = SeqBlock.changed(oneByOne, new int[] {changes[i]});
        }
        assertArrayEquals(oneByOne, SeqBlock.changed(SeqBlock.EMPTY, changes));
    }

    @Test
    void setsTheBlocksSequenceNumbersAndCountsTheNewOnes() {
        BitSet seqs = new BitSet();
        seqs.set(2 * SeqBlock.SIZE + 7);
        assertEquals(2, SeqBlock.addTo(seqs, 2, SeqBlock.of(new int[] {0, 7, SeqBlock.SIZE - 1})));
        assertArrayEquals(new int[] {2 * SeqBlock.SIZE, 2 * SeqBlock.SIZE + 7, 3 * SeqBlock.SIZE - 1}, seqs.stream().toArray());
        BitSet dense = new BitSet();
        assertEquals(3_000, SeqBlock.addTo(dense, 0, SeqBlock.of(IntStream.range(100, 3_100).toArray())));
        assertEquals(100, dense.nextSetBit(0));
        assertEquals(3_099, dense.length() - 1);
    }
}
