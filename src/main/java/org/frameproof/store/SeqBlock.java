package org.frameproof.store;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The annotations of one block, as a search word's row in {@code search_posting} stores them: a
 * block covers {@link #SIZE} consecutive sequence numbers. A sparse block is the numbers' offsets
 * in the block, ascending, two bytes each (big-endian); a dense one is a bitmap of {@link #SIZE}
 * bits. One row per word and block instead of one per word and annotation is what lets a search
 * read a common word's hundred thousand annotations in milliseconds.
 */
final class SeqBlock {
    static final int SIZE = 16_384;
    /** A bitmap's length; a list is always shorter, which tells the two apart. */
    private static final int BITMAP_BYTES = SIZE / 8;
    /** A list this long would be as long as the bitmap. */
    private static final int BITMAP_FROM = BITMAP_BYTES / 2;
    /** A bitmap turns back into a list below this (not just below BITMAP_FROM, so a block at the edge does not flip at every change). */
    private static final int LIST_BELOW = BITMAP_FROM / 2;
    static final byte[] EMPTY = new byte[0];

    private SeqBlock() {
    }

    static long blockOf(long seq) {
        return seq / SIZE;
    }

    static int offsetOf(long seq) {
        return (int) (seq % SIZE);
    }

    /**
     * {@code stored} with {@code changes} made in order: an offset {@code n >= 0} added, {@code -1 - n}
     * taken out. {@link #EMPTY} when nothing is left; {@code stored} itself when nothing changed.
     */
    static byte[] changed(byte[] stored, int[] changes) {
        BitSet offsets = bits(stored);
        BitSet before = (BitSet) offsets.clone();
        for (int change : changes) {
            offsets.set(change >= 0 ? change : -1 - change, change >= 0);
        }
        return offsets.equals(before) ? stored : encode(offsets, isBitmap(stored));
    }

    /**
     * Sets the block's sequence numbers in {@code seqs}.
     *
     * @return how many of them were not set before
     */
    static int addTo(BitSet seqs, long block, byte[] stored) {
        int base = Math.toIntExact(block * SIZE);
        int added = 0;
        for (int offset : offsets(stored)) {
            if (!seqs.get(base + offset)) {
                seqs.set(base + offset);
                added++;
            }
        }
        return added;
    }

    /** The block holding these offsets. */
    static byte[] of(int[] offsets) {
        BitSet bits = new BitSet(SIZE);
        for (int offset : offsets) {
            bits.set(offset);
        }
        return encode(bits, false);
    }

    /** The offsets in {@code stored}, ascending. */
    static int[] offsets(byte[] stored) {
        if (isBitmap(stored)) {
            return BitSet.valueOf(stored).stream().toArray();
        }
        int[] offsets = new int[stored.length / 2];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (stored[2 * i] & 0xff) << 8 | stored[2 * i + 1] & 0xff;
        }
        return offsets;
    }

    private static BitSet bits(byte[] stored) {
        if (isBitmap(stored)) {
            return BitSet.valueOf(stored);
        }
        BitSet bits = new BitSet(SIZE);
        for (int offset : offsets(stored)) {
            bits.set(offset);
        }
        return bits;
    }

    private static boolean isBitmap(byte[] stored) {
        return stored.length == BITMAP_BYTES;
    }

    /** A bitmap when a list would be as long, or when it was one and is still at least half that full. */
    private static byte[] encode(BitSet offsets, boolean wasBitmap) {
        int count = offsets.cardinality();
        if (count >= BITMAP_FROM || wasBitmap && count >= LIST_BELOW) {
            return Arrays.copyOf(offsets.toByteArray(), BITMAP_BYTES);
        }
        int[] ascending = offsets.stream().toArray();
        byte[] stored = new byte[ascending.length * 2];
        for (int i = 0; i < ascending.length; i++) {
            stored[2 * i] = (byte) (ascending[i] >>> 8);
            stored[2 * i + 1] = (byte) ascending[i];
        }
        return stored;
    }
}
