package org.frameproof.ui.timeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.Image;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaSource;
import org.frameproof.ui.common.SmallPictures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeline's thumbnails: small pictures of exact frames, decoded on a background thread by a
 * decoder of their own (never the player's), the frames in view now first, earlier requests
 * dropped. Kept per file in a bounded cache (a few kilobytes each).
 */
final class Filmstrip {
    private static final Logger LOG = LoggerFactory.getLogger(Filmstrip.class);

    static final int WIDTH = 64;
    static final int HEIGHT = 36;
    private static final int CACHED = 2000;
    private static final long DECODER_CACHE_BYTES = 64L << 20;

    /** What to decode: the frames of one file that the strip shows and lacks, in frame order. */
    private record Request(MediaSource file, FrameIndex index, int[] frames) {
    }

    private final Executor background;
    private final Executor fx;
    private final Runnable decoded;
    private final AtomicReference<Request> wanted = new AtomicReference<>();
    private final AtomicBoolean working = new AtomicBoolean();
    // FX thread
    private MediaSource file;
    private FrameIndex index;
    private final Map<Integer, Image> pictures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            return size() > CACHED;
        }
    };
    // background thread
    private FrameDecoder decoder;
    private MediaSource decoderFile;

    /**
     * @param background one thread, where frames are decoded
     * @param fx the FX thread
     * @param decoded called on the FX thread whenever a picture is ready
     */
    Filmstrip(Executor background, Executor fx, Runnable decoded) {
        this.background = background;
        this.fx = fx;
        this.decoded = decoded;
    }

    /** The file whose frames the strip shows (null: none). FX thread. */
    void show(MediaSource newFile, FrameIndex newIndex) {
        file = newFile;
        index = newIndex;
        pictures.clear();
        wanted.set(null);
        if (newFile == null) {
            // On the decoding thread, after any decoding under way: the decoder is that thread's.
            background.execute(this::closeDecoder);
        }
    }

    FrameIndex index() {
        return index;
    }

    /** The picture of a frame, or null while it is not decoded. FX thread. */
    Image picture(int frame) {
        return pictures.get(frame);
    }

    /** The frames in view, in frame order: those without a picture are decoded next. FX thread. */
    void want(int[] frames) {
        if (file == null) {
            return;
        }
        int[] missing = Arrays.stream(frames).filter(frame -> !pictures.containsKey(frame)).toArray();
        if (missing.length == 0) {
            return;
        }
        wanted.set(new Request(file, index, missing));
        if (working.compareAndSet(false, true)) {
            background.execute(this::work);
        }
    }

    private void work() {
        try {
            for (Request request = wanted.getAndSet(null); request != null; request = wanted.getAndSet(null)) {
                decode(request);
            }
        } finally {
            working.set(false);
        }
        // A request that came in after the last look and before working was cleared.
        if (wanted.get() != null && working.compareAndSet(false, true)) {
            background.execute(this::work);
        }
    }

    /** Decodes the request's frames in order, until a newer request replaces it. */
    private void decode(Request request) {
        try {
            if (decoder == null || !request.file().equals(decoderFile)) {
                closeDecoder();
                decoder = FrameDecoder.open(request.file(), request.index(), DECODER_CACHE_BYTES);
                decoderFile = request.file();
            }
            for (int frame : request.frames()) {
                if (wanted.get() != null) {
                    return;
                }
                int[] pixels = SmallPictures.fit(decoder.frame(frame), WIDTH, HEIGHT);
                fx.execute(() -> {
                    if (request.file().equals(file)) {
                        pictures.put(frame, SmallPictures.image(pixels, WIDTH, HEIGHT));
                        decoded.run();
                    }
                });
            }
        } catch (UserFacingException | RuntimeException e) {
            // A damaged stretch has no thumbnails; the player says what is wrong when it gets there.
            LOG.warn("The filmstrip's pictures could not be decoded", e);
            closeDecoder();
        }
    }

    private void closeDecoder() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
            decoderFile = null;
        }
    }
}
