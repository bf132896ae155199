package org.frameproof.ui.cases;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.ui.player.MediaAnalyzer;

/**
 * Small pictures of each footage item's first frame, decoded off the FX thread once per session
 * and kept in memory (a few kilobytes each). A file that cannot be decoded simply has none.
 */
public final class Thumbnails {
    static final int WIDTH = 64;
    static final int HEIGHT = 36;
    private static final long DECODER_CACHE_BYTES = 8L << 20;

    private final MediaAnalyzer analyzer;
    private final Executor background;
    private final Executor fx;
    private final Map<String, ReadOnlyObjectWrapper<Image>> images = new HashMap<>();

    /**
     * @param background where files are read and decoded (one thread: decoders are not shared)
     * @param fx where the pictures are handed over (the FX thread)
     */
    public Thumbnails(MediaAnalyzer analyzer, Executor background, Executor fx) {
        this.analyzer = analyzer;
        this.background = background;
        this.fx = fx;
    }

    /** The first frame of {@code file}, known by {@code key}; empty until decoded. Call on the FX thread. */
    public ReadOnlyObjectProperty<Image> of(String key, Path file) {
        ReadOnlyObjectWrapper<Image> image = images.get(key);
        if (image == null) {
            ReadOnlyObjectWrapper<Image> created = new ReadOnlyObjectWrapper<>();
            images.put(key, created);
            background.execute(() -> {
                int[] pixels = firstFrameScaled(file);
                if (pixels != null) {
                    fx.execute(() -> created.set(toImage(pixels)));
                }
            });
            image = created;
        }
        return image.getReadOnlyProperty();
    }

    private int[] firstFrameScaled(Path file) {
        try {
            MediaAnalysis analysis = analyzer.analyze(file, fraction -> { }, () -> false);
            try (FrameDecoder decoder = FrameDecoder.open(file, analysis.index(), DECODER_CACHE_BYTES)) {
                return scaled(decoder.frame(0));
            }
        } catch (UserFacingException | RuntimeException e) {
            return null; // the tree shows the item without a picture; opening it says what is wrong
        }
    }

    /** Fits the frame into the thumbnail, keeping its shape, on black (area average per pixel). */
    static int[] scaled(DecodedFrame frame) {
        int[] out = new int[WIDTH * HEIGHT];
        java.util.Arrays.fill(out, 0xFF000000);
        double scale = Math.min((double) WIDTH / frame.width(), (double) HEIGHT / frame.height());
        int width = Math.max(1, (int) Math.round(frame.width() * scale));
        int height = Math.max(1, (int) Math.round(frame.height() * scale));
        int left = (WIDTH - width) / 2;
        int top = (HEIGHT - height) / 2;
        for (int y = 0; y < height; y++) {
            int y0 = y * frame.height() / height;
            int y1 = Math.max(y0 + 1, (y + 1) * frame.height() / height);
            for (int x = 0; x < width; x++) {
                int x0 = x * frame.width() / width;
                int x1 = Math.max(x0 + 1, (x + 1) * frame.width() / width);
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
                out[(top + y) * WIDTH + left + x] = 0xFF000000 | (int) (r / count) << 16 | (int) (g / count) << 8 | (int) (b / count);
            }
        }
        return out;
    }

    private static Image toImage(int[] pixels) {
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        image.getPixelWriter().setPixels(0, 0, WIDTH, HEIGHT, PixelFormat.getIntArgbInstance(), pixels, 0, WIDTH);
        return image;
    }
}
