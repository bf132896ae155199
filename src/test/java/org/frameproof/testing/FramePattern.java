package org.frameproof.testing;

import java.awt.image.BufferedImage;

/**
 * Reads the frame index that every test clip draws at the top of its upright picture
 * (specification: src/test/footage/README.md, generator: src/test/footage/make-clips.sh).
 *
 * <p>Two bands of 16 cells span the full width: the index band (top tenth of the height) holds the
 * index, most significant bit on the left, white for 1 and black for 0; the check band (the next tenth)
 * holds {@code index ^ CHECK_MASK}. The geometry is relative to the picture, so a scaled still or a
 * screenshot of the video area reads the same. A picture that is not an upright frame of a test clip
 * (turned, mirrored, damaged, blank) is refused with {@link UnreadablePatternException}: a wrong frame
 * can never pass as some other number.
 */
public final class FramePattern {
    /** Cells per band, one bit each: indexes 0 to 65535. */
    public static final int CELLS = 16;
    /** Each band is 1/BAND_DIVISOR of the picture height; the index band is first, the check band second. */
    public static final int BAND_DIVISOR = 10;
    /** The check band holds index XOR this mask; not a bit palindrome, so a mirrored picture fails. */
    public static final int CHECK_MASK = 0xA5C3;

    /*
     * Cells are drawn at luma 0 and 255 (after expansion from limited range); the clips' lossy codecs
     * keep the inner half of every cell within 20 of that. The background outside the bands stays
     * between about 110 and 150, so these limits leave a wide margin on both sides.
     */
    private static final int BLACK_MAX = 80;
    private static final int WHITE_MIN = 176;
    private static final int MIN_WIDTH = 4 * CELLS;
    private static final int MIN_HEIGHT = 4 * BAND_DIVISOR;

    /** The picture does not carry a readable, consistent frame pattern. */
    public static final class UnreadablePatternException extends RuntimeException {
        UnreadablePatternException(String message) {
            super(message);
        }
    }

    private FramePattern() {
    }

    /** The frame index drawn in an upright image given as ARGB pixels, row by row. */
    public static int read(int[] argb, int width, int height) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new UnreadablePatternException("image of " + width + "x" + height
                    + " is too small to carry a frame pattern (needs at least " + MIN_WIDTH + "x" + MIN_HEIGHT + ")");
        }
        if (argb.length < width * height) {
            throw new IllegalArgumentException("pixel array holds " + argb.length + " pixels, not " + width + "x" + height);
        }
        int index = readBand(argb, width, height, Band.INDEX);
        int check = readBand(argb, width, height, Band.CHECK);
        if ((index ^ CHECK_MASK) != check) {
            throw new UnreadablePatternException(String.format(
                    "check code fails: the index band reads %d (0x%04X), so the check band should read 0x%04X,"
                            + " but it reads 0x%04X; the image is damaged, mirrored or not a test-clip frame",
                    index, index, index ^ CHECK_MASK, check));
        }
        return index;
    }

    /** The frame index drawn in an upright image. */
    public static int read(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        return read(image.getRGB(0, 0, width, height, null, 0, width), width, height);
    }

    private enum Band {
        INDEX, CHECK;

        String label() {
            return name().toLowerCase();
        }
    }

    private static int readBand(int[] argb, int width, int height, Band band) {
        int value = 0;
        for (int cell = 0; cell < CELLS; cell++) {
            value = (value << 1) | readCell(argb, width, height, band, cell);
        }
        return value;
    }

    private static int readCell(int[] argb, int width, int height, Band band, int cell) {
        int left = cell * width / CELLS;
        int right = (cell + 1) * width / CELLS;
        int top = band.ordinal() * height / BAND_DIVISOR;
        int bottom = (band.ordinal() + 1) * height / BAND_DIVISOR;
        // Only the inner half of the cell counts: edges blur under lossy coding and chroma subsampling.
        int insetX = (right - left) / 4;
        int insetY = (bottom - top) / 4;
        int darkest = 255;
        int brightest = 0;
        for (int y = top + insetY; y < bottom - insetY; y++) {
            for (int x = left + insetX; x < right - insetX; x++) {
                int luma = luma(argb[y * width + x]);
                darkest = Math.min(darkest, luma);
                brightest = Math.max(brightest, luma);
            }
        }
        if (brightest <= BLACK_MAX) {
            return 0;
        }
        if (darkest >= WHITE_MIN) {
            return 1;
        }
        throw new UnreadablePatternException(String.format(
                "cell %d of the %s band (x %d-%d, y %d-%d) is neither clearly black nor clearly white"
                        + " (luma %d to %d); the image is not an upright, undamaged test-clip frame",
                cell, band.label(), left, right - 1, top, bottom - 1, darkest, brightest));
    }

    /** BT.601 luma of an ARGB pixel, 0-255. */
    private static int luma(int argb) {
        int red = (argb >> 16) & 0xFF;
        int green = (argb >> 8) & 0xFF;
        int blue = argb & 0xFF;
        return (299 * red + 587 * green + 114 * blue + 500) / 1000;
    }
}
