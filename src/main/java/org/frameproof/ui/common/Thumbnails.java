package org.frameproof.ui.common;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaSource;
import org.frameproof.media.VaultSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small pictures of exact frames of footage items (the cases tree's first frames, search results'
 * frames), decoded off the FX thread once per session and kept in memory (a few kilobytes each).
 * A frame that cannot be decoded simply has none. Every picture is shown as {@link PictureLook}
 * says: veiled while its item is flagged graphic and not revealed.
 */
public final class Thumbnails {
    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    public static final int WIDTH = 64;
    public static final int HEIGHT = 36;
    private static final long DECODER_CACHE_BYTES = 8L << 20;
    /** Enough to leave nothing recognisable in a picture this small. */
    private static final double BLUR_RADIUS = 12;

    private final MediaAnalyzer analyzer;
    private final VaultSources vault;
    private final Executor background;
    private final Executor fx;
    private final PictureLook look;
    private final Map<String, ReadOnlyObjectWrapper<Image>> images = new HashMap<>();
    /** The decoder of the file last asked for, kept for the next frame of it; background thread only. */
    private FrameDecoder decoder;
    private MediaSource decoderFile;

    /**
     * @param vault where footage items are read from
     * @param background where files are read and decoded (one thread: decoders are not shared)
     * @param fx where the pictures are handed over (the FX thread)
     * @param look whether each item's pictures are veiled or grey
     */
    public Thumbnails(MediaAnalyzer analyzer, VaultSources vault, Executor background, Executor fx, PictureLook look) {
        this.analyzer = analyzer;
        this.vault = vault;
        this.background = background;
        this.fx = fx;
        this.look = look;
    }

    /** Shows frame {@code frame} of the item in {@code view}, veiled or grey as the item's pictures are. FX thread. */
    public void show(ImageView view, Footage item, int frame) {
        view.imageProperty().bind(of(item, frame));
        view.effectProperty().bind(look.effect(item, BLUR_RADIUS));
    }

    /** The first frame of a footage item; empty until decoded. Call on the FX thread. */
    public ReadOnlyObjectProperty<Image> of(Footage item) {
        return of(item, 0);
    }

    /** Frame {@code frame} of a footage item; empty until decoded. FX thread. */
    public ReadOnlyObjectProperty<Image> of(Footage item, int frame) {
        String frameKey = item.sha256() + "#" + frame;
        MediaSource file = vault.of(item);
        ReadOnlyObjectWrapper<Image> image = images.get(frameKey);
        if (image == null) {
            ReadOnlyObjectWrapper<Image> created = new ReadOnlyObjectWrapper<>();
            images.put(frameKey, created);
            background.execute(() -> {
                int[] pixels = frameScaled(file, frame);
                if (pixels != null) {
                    fx.execute(() -> created.set(SmallPictures.image(pixels, WIDTH, HEIGHT)));
                }
            });
            image = created;
        }
        return image.getReadOnlyProperty();
    }

    private int[] frameScaled(MediaSource file, int frame) {
        try {
            if (!file.equals(decoderFile)) {
                closeDecoder();
                MediaAnalysis analysis = analyzer.analyze(file, fraction -> { }, () -> false);
                decoder = FrameDecoder.open(file, analysis.index(), DECODER_CACHE_BYTES);
                decoderFile = file;
            }
            return SmallPictures.fit(decoder.frame(frame), WIDTH, HEIGHT);
        } catch (UserFacingException | RuntimeException e) {
            LOG.warn("A thumbnail of frame {} could not be decoded; it is shown without a picture", frame, e);
            closeDecoder();
            return null; // shown without a picture; opening the footage says what is wrong
        }
    }

    private void closeDecoder() {
        if (decoder != null) {
            decoder.close();
        }
        decoder = null;
        decoderFile = null;
    }
}
