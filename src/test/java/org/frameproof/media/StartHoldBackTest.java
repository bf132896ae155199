package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.IntBuffer;
import java.util.Arrays;
import org.frameproof.media.StartHoldBack.Verdict;
import org.junit.jupiter.api.Test;

/** The start hold-back on made-up pictures: no libVLC. */
class StartHoldBackTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final int COLUMNS = PictureSignature.columnsFor(WIDTH);
    private static final int ROWS = PictureSignature.rowsFor(HEIGHT);

    private final StartHoldBack holdBack = new StartHoldBack();

    /** A flat grey picture of {@code level}: pictures of levels far apart are different frames. */
    private static IntBuffer picture(int level, int width, int height) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xff000000 | level << 16 | level << 8 | level);
        return IntBuffer.wrap(pixels);
    }

    private static PictureSignature signature(int level) {
        return PictureSignature.of(picture(level, WIDTH, HEIGHT), WIDTH, HEIGHT, COLUMNS, ROWS);
    }

    private Verdict judge(int level) {
        return holdBack.judge(picture(level, WIDTH, HEIGHT), WIDTH, HEIGHT);
    }

    @Test
    void framesBeforeTheAwaitedPictureAreHeldThenItStarts() {
        holdBack.await(signature(100), COLUMNS, ROWS, 4);
        assertEquals(Verdict.HOLD, judge(40));
        assertEquals(Verdict.HOLD, judge(60));
        assertEquals(Verdict.START, judge(101), "a picture a level off is the same frame");
        assertEquals(Verdict.SHOW, judge(40), "after the start every frame is shown");
    }

    @Test
    void atMostSoManyFramesAreHeld() {
        holdBack.await(signature(100), COLUMNS, ROWS, 2);
        assertEquals(Verdict.HOLD, judge(10));
        assertEquals(Verdict.HOLD, judge(20));
        assertEquals(Verdict.SHOW, judge(30), "libVLC started late: the frames it plays are shown");
        assertEquals(Verdict.SHOW, judge(100), "nothing is awaited any more");
    }

    @Test
    void nothingIsHeldWhenNoPictureIsAwaited() {
        holdBack.await(null, COLUMNS, ROWS, 4);
        assertEquals(Verdict.SHOW, judge(10));
    }

    @Test
    void aPictureSmallerThanTheGridIsShown() {
        holdBack.await(signature(100), COLUMNS, ROWS, 4);
        assertEquals(Verdict.SHOW, holdBack.judge(picture(10, COLUMNS - 1, ROWS), COLUMNS - 1, ROWS));
    }
}
