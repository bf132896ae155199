package org.frameproof.ui.common;

import java.util.Arrays;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.frameproof.media.DecodedFrame;

/** Thumbnails of decoded frames: the whole frame fitted into a small box, keeping its shape. */
public final class SmallPictures {
    private SmallPictures() {
    }

    /**
     * Fits the frame into {@code width x height} pixels on black, each pixel the average of the
     * frame's pixels it covers (so a small picture is not a sample of single pixels). Any thread.
     */
    public static int[] fit(DecodedFrame frame, int width, int height) {
        int[] out = new int[width * height];
        Arrays.fill(out, 0xFF000000);
        double scale = Math.min((double) width / frame.width(), (double) height / frame.height());
        int fittedWidth = Math.max(1, (int) Math.round(frame.width() * scale));
        int fittedHeight = Math.max(1, (int) Math.round(frame.height() * scale));
        int left = (width - fittedWidth) / 2;
        int top = (height - fittedHeight) / 2;
        for (int y = 0; y < fittedHeight; y++) {
            int y0 = y * frame.height() / fittedHeight;
            int y1 = Math.max(y0 + 1, (y + 1) * frame.height() / fittedHeight);
            for (int x = 0; x < fittedWidth; x++) {
                int x0 = x * frame.width() / fittedWidth;
                int x1 = Math.max(x0 + 1, (x + 1) * frame.width() / fittedWidth);
                long r = 0;
                long g = 0;
                long b = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        int argb = frame.argb()[sy * frame.width() + sx];
                        r += (argb >> 16) & 0xFF;
                        g += (argb >> 8) & 0xFF;
                        b += argb & 0xFF;
                    }
                }
                long count = (long) (y1 - y0) * (x1 - x0);
                out[(top + y) * width + left + x] = 0xFF000000 | (int) (r / count) << 16 | (int) (g / count) << 8 | (int) (b / count);
            }
        }
        return out;
    }

    /** The pixels of {@link #fit} as an image. FX thread. */
    public static Image image(int[] pixels, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }
}
