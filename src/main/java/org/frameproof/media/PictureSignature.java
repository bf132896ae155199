package org.frameproof.media;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * A small fingerprint of a picture, for telling which of a few neighbouring frames a played
 * picture is: the mean brightness of each cell of a {@value #COLUMNS} x {@value #ROWS} grid laid
 * over the whole picture. Since the grid covers the picture whatever its size, libVLC's frames
 * (scaled down to fit the window, converted to RGB by libVLC's own code) compare with FFmpeg's
 * full-size ones. Every pixel counts: sampling a few per cell made a scaled picture of a detailed
 * frame look less like its own frame than moving footage's neighbours do. Pictures must be at
 * least as large as the grid.
 */
public final class PictureSignature {
    static final int COLUMNS = 32;
    static final int ROWS = 18;
    private static final int LEAST_CELL_PIXELS = 16;

    private final int columns;
    private final double[] cells;

    private PictureSignature(int columns, double[] cells) {
        this.columns = columns;
        this.cells = cells;
    }

    /** The signature of a frame as {@link DecodedFrame} holds it. */
    public static PictureSignature of(DecodedFrame frame) {
        return of(IntBuffer.wrap(frame.argb()), frame.width(), frame.height());
    }

    /** The signature of {@code width x height} pixels, one {@code 0xAARRGGBB} int each, row by row from index 0. */
    public static PictureSignature of(IntBuffer argb, int width, int height) {
        return of(argb, width, height, COLUMNS, ROWS);
    }

    /**
     * The signature on a grid of {@code columns x rows}: only signatures on the same grid compare.
     * A coarser grid suits a small picture (see {@link #columnsFor}).
     */
    public static PictureSignature of(IntBuffer argb, int width, int height, int columns, int rows) {
        if (width < columns || height < rows || argb.limit() < width * height) {
            throw new IllegalArgumentException(argb.limit() + " pixels for " + width + "x" + height);
        }
        Coverage across = new Coverage(width, columns);
        Coverage down = new Coverage(height, rows);
        double[] sums = new double[columns * rows];
        double[] rowSums = new double[columns];
        for (int y = 0; y < height; y++) {
            Arrays.fill(rowSums, 0);
            int rowStart = y * width;
            for (int x = 0; x < width; x++) {
                int luma = luma(argb.get(rowStart + x));
                rowSums[across.first[x]] += luma * across.share[x];
                if (across.share[x] < 1) {
                    rowSums[across.first[x] + 1] += luma * (1 - across.share[x]);
                }
            }
            int top = down.first[y] * columns;
            for (int column = 0; column < columns; column++) {
                sums[top + column] += rowSums[column] * down.share[y];
                if (down.share[y] < 1) {
                    sums[top + columns + column] += rowSums[column] * (1 - down.share[y]);
                }
            }
        }
        double cellArea = (double) width / columns * height / rows;
        double[] cells = new double[sums.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = sums[i] / cellArea;
        }
        return new PictureSignature(columns, cells);
    }

    /**
     * Columns of a grid whose cells are at least {@value #LEAST_CELL_PIXELS} pixels wide in a picture
     * {@code width} wide, at most {@value #COLUMNS}. A scaler blurs a pixel or two across each
     * cell's edge, which in narrower cells put libVLC's picture of a hard-edged frame far from
     * FFmpeg's (docs/decisions/0009-measurements-behind-tuned-constants.md).
     */
    public static int columnsFor(int width) {
        return Math.max(1, Math.min(COLUMNS, width / LEAST_CELL_PIXELS));
    }

    /** Rows of such a grid in a picture {@code height} high, at most {@value #ROWS}. */
    public static int rowsFor(int height) {
        return Math.max(1, Math.min(ROWS, height / LEAST_CELL_PIXELS));
    }

    /**
     * How unlike the two pictures are: the root mean square of their cells' differences, 0 to 255.
     * Squares make a frame that differs in a few cells (something moved) stand further off than
     * the small even differences of one frame scaled and converted twice.
     */
    public double distance(PictureSignature other) {
        if (columns != other.columns || cells.length != other.cells.length) {
            throw new IllegalArgumentException("Signatures on different grids do not compare");
        }
        double sum = 0;
        for (int i = 0; i < cells.length; i++) {
            double difference = cells[i] - other.cells[i];
            sum += difference * difference;
        }
        return Math.sqrt(sum / cells.length);
    }

    /** Rec. 601 weights in integers: the grid compares pictures, it does not measure colour. */
    private static int luma(int argb) {
        int red = argb >> 16 & 0xff;
        int green = argb >> 8 & 0xff;
        int blue = argb & 0xff;
        return (77 * red + 150 * green + 29 * blue) >> 8;
    }

    /**
     * How the pixels of a row (or column) fall into the grid's cells: pixel {@code i} lies in cell
     * {@code first[i]} by {@code share[i]} and in the next cell by the rest. A pixel that straddles
     * two cells counts in both by the part of it in each, so a picture scaled by any factor has the
     * cell means it had (whole pixels flipped a cell's mean at sharp edges, see
     * docs/decisions/0009-measurements-behind-tuned-constants.md).
     */
    private static final class Coverage {
        final int[] first;
        final double[] share;

        Coverage(int pixels, int cells) {
            first = new int[pixels];
            share = new double[pixels];
            for (int i = 0; i < pixels; i++) {
                double start = (double) i * cells / pixels;
                double end = (double) (i + 1) * cells / pixels;
                first[i] = (int) start;
                double boundary = first[i] + 1;
                share[i] = end <= boundary || first[i] == cells - 1 ? 1 : (boundary - start) / (end - start);
            }
        }
    }
}
