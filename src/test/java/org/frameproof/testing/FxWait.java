package org.frameproof.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.testfx.util.WaitForAsyncUtils;

/** Screen-test helpers: read on the FX thread, wait for a condition, read the frame pattern of an image. */
public final class FxWait {
    private FxWait() {
    }

    /** Runs {@code work} on the FX thread and returns its result; an assertion failing there fails the test. */
    public static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
    }

    /** The frame number drawn into {@code image} (see {@link FramePattern}). */
    public static int readPattern(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return FramePattern.read(argb, width, height);
    }
}
