package org.frameproof.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.function.IntBinaryOperator;
import java.util.Arrays;
import org.frameproof.testing.FramePattern.UnreadablePatternException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader against pictures painted here from the written spec (README.md), independent of ffmpeg;
 * FramePatternFootageTest checks it against the real clips.
 */
class FramePatternTest {
    private static final int WHITE = 0xFFFFFFFF;
    private static final int BLACK = 0xFF000000;
    private static final int GREY = 0xFF808080;

    @ParameterizedTest
    @CsvSource({"0,320,240", "1,320,240", "37,640,360", "23130,240,320", "65535,1920,1080", "4660,101,77",
            "32768,64,40"})
    void readsTheIndexPaintedFromTheSpec(int index, int width, int height) {
        assertEquals(index, FramePattern.read(paint(index, width, height), width, height));
    }

    @Test
    void readsEveryIndexAtTheClipSize() {
        for (int index = 0; index <= 0xFFFF; index += 97) {
            assertEquals(index, FramePattern.read(paint(index, 320, 240), 320, 240));
        }
    }

    @Test
    void readsABufferedImage() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 320, 240, paint(1234, 320, 240), 0, 320);
        assertEquals(1234, FramePattern.read(image));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 15})
    void refusesAFlippedIndexCell(int cell) {
        int[] argb = paint(300, 320, 240);
        fillCell(argb, 320, 240, 0, cell, cellColour(argb, 320, 240, 0, cell) == WHITE ? BLACK : WHITE);
        assertRefused(argb, 320, 240, "check code fails");
    }

    @Test
    void refusesAFlippedCheckCell() {
        int[] argb = paint(300, 320, 240);
        fillCell(argb, 320, 240, 1, 3, cellColour(argb, 320, 240, 1, 3) == WHITE ? BLACK : WHITE);
        assertRefused(argb, 320, 240, "check code fails");
    }

    @Test
    void refusesAGreyedCell() {
        int[] argb = paint(300, 320, 240);
        fillCell(argb, 320, 240, 0, 9, GREY);
        assertRefused(argb, 320, 240, "cell 9 of the index band");
    }

    @Test
    void refusesAMirroredPicture() {
        for (int index : new int[] {0, 1, 300, 0x8001, 0xFFFF}) {
            int[] mirrored = transform(paint(index, 320, 240), 320, 240, 320, 240, (x, y) -> y * 320 + (319 - x));
            assertRefused(mirrored, 320, 240, "");
        }
    }

    @Test
    void refusesAPictureUpsideDown() {
        int[] turned = transform(paint(300, 320, 240), 320, 240, 320, 240, (x, y) -> (239 - y) * 320 + (319 - x));
        assertRefused(turned, 320, 240, "neither clearly black nor clearly white");
    }

    @Test
    void readsAPortraitPictureOnlyWithItsRotationApplied() {
        // Upright 240x320 content stored turned 90 degrees counter-clockwise (320x240), as in the portrait clip.
        int[] stored = transform(paint(300, 240, 320), 240, 320, 320, 240, (x, y) -> x * 240 + (239 - y));
        assertRefused(stored, 320, 240, "neither clearly black nor clearly white");
        int[] turnedClockwise = transform(stored, 320, 240, 240, 320, (x, y) -> (239 - x) * 320 + y);
        assertEquals(300, FramePattern.read(turnedClockwise, 240, 320));
    }

    @Test
    void refusesABlankPicture() {
        int[] grey = new int[320 * 240];
        Arrays.fill(grey, GREY);
        assertRefused(grey, 320, 240, "neither clearly black nor clearly white");
    }

    @Test
    void refusesAPictureTooSmallToCarryThePattern() {
        assertRefused(new int[10 * 10], 10, 10, "too small");
    }

    private static void assertRefused(int[] argb, int width, int height, String messagePart) {
        UnreadablePatternException refusal = assertThrows(UnreadablePatternException.class,
                () -> FramePattern.read(argb, width, height));
        assertTrue(refusal.getMessage().contains(messagePart), refusal.getMessage());
    }

    /** A picture as make-clips.sh draws it: the two bands over mid-grey stripes. */
    private static int[] paint(int index, int width, int height) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cell = x * FramePattern.CELLS / width;
                int band = y * FramePattern.BAND_DIVISOR / height;
                int value = band == 0 ? index : index ^ FramePattern.CHECK_MASK;
                boolean white = (value >> (15 - cell) & 1) == 1;
                int stripe = (x + y) % 48 < 24 ? 0xFF767676 : 0xFF8A8A8A;
                argb[y * width + x] = band >= 2 ? stripe : white ? WHITE : BLACK;
            }
        }
        return argb;
    }

    private static int cellColour(int[] argb, int width, int height, int band, int cell) {
        int x = (2 * cell + 1) * width / (2 * FramePattern.CELLS);
        int y = (2 * band + 1) * height / (2 * FramePattern.BAND_DIVISOR);
        return argb[y * width + x];
    }

    private static void fillCell(int[] argb, int width, int height, int band, int cell, int colour) {
        for (int y = band * height / FramePattern.BAND_DIVISOR; y < (band + 1) * height / FramePattern.BAND_DIVISOR; y++) {
            for (int x = cell * width / FramePattern.CELLS; x < (cell + 1) * width / FramePattern.CELLS; x++) {
                argb[y * width + x] = colour;
            }
        }
    }

    /** A new picture whose pixel (x, y) is {@code source[sourceOffset.applyAsInt(x, y)]}. */
    private static int[] transform(int[] source, int sourceWidth, int sourceHeight, int width, int height,
            IntBinaryOperator sourceOffset) {
        assertEquals(sourceWidth * sourceHeight, width * height);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = source[sourceOffset.applyAsInt(x, y)];
            }
        }
        return argb;
    }
}
