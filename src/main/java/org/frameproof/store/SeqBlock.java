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

    /** {@code stored} with {@code offset} in it. */
    static byte[] with(byte[] stored, int offset) {
        if (isBitmap(stored)) {
            if ((stored[offset >>> 3] & 1 << (offset & 7)) != 0) {
                return stored;
            }
            byte[] bitmap = stored.clone();
            bitmap[offset >>> 3] |= (byte) (1 << (offset & 7));
            return bitmap;
        }
        int[] offsets = offsets(stored);
        int at = Arrays.binarySearch(offsets, offset);
        if (at >= 0) {
            return stored;
        }
        int[] grown = new int[offsets.length + 1];
        int insert = -at - 1;
        System.arraycopy(offsets, 0, grown, 0, insert);
        grown[insert] = offset;
        System.arraycopy(offsets, insert, grown, insert + 1, offsets.length - insert);
        return of(grown);
    }

    /** {@code stored} without {@code offset}; {@link #EMPTY} when nothing is left. */
    static byte[] without(byte[] stored, int offset) {
        int[] offsets = offsets(stored);
        int at = Arrays.binarySearch(offsets, offset);
        if (at < 0) {
            return stored;
        }
        int[] shrunk = new int[offsets.length - 1];
        System.arraycopy(offsets, 0, shrunk, 0, at);
        System.arraycopy(offsets, at + 1, shrunk, at, shrunk.length - at);
        return isBitmap(stored) && shrunk.length >= LIST_BELOW ? bitmap(shrunk) : list(shrunk);
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

    /** The block holding these offsets (ascending, distinct). */
    static byte[] of(int[] offsets) {
        return offsets.length >= BITMAP_FROM ? bitmap(offsets) : list(offsets);
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

    private static boolean isBitmap(byte[] stored) {
        return stored.length == BITMAP_BYTES;
    }

    private static byte[] list(int[] offsets) {
        byte[] stored = new byte[offsets.length * 2];
        for (int i = 0; i < offsets.length; i++) {
            stored[2 * i] = (byte) (offsets[i] >>> 8);
            stored[2 * i + 1] = (byte) offsets[i];
        }
        return stored;
    }

    private static byte[] bitmap(int[] offsets) {
        byte[] bitmap = new byte[BITMAP_BYTES];
        for (int offset : offsets) {
            bitmap[offset >>> 3] |= (byte) (1 << (offset & 7));
        }
        return bitmap;
    }
}
