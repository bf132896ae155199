package org.frameproof.ui.cases;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.ui.common.SmallPictures;
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
                    fx.execute(() -> created.set(SmallPictures.image(pixels, WIDTH, HEIGHT)));
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
                return SmallPictures.fit(decoder.frame(0), WIDTH, HEIGHT);
            }
        } catch (UserFacingException | RuntimeException e) {
            return null; // the tree shows the item without a picture; opening it says what is wrong
        }
    }
}
