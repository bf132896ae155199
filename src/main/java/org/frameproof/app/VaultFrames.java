package org.frameproof.app;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.FrameSources;
import org.frameproof.exchange.ExportedFootage;
import org.frameproof.exchange.FrameSource;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.IsolatedProber;

/**
 * Exact frames of vault copies for reports and stills, from FFmpeg's decoder with the frame index
 * the prober cached at import: the very frames the player shows. One decoder per footage item
 * stays open until {@link #close()}.
 */
public final class VaultFrames implements FrameSources.OpenFrames {
    /**
     * Exports visit frames in order and never step back, so the decoder keeps no frames behind
     * the one asked for; that also lets it skip the non-reference frames before it (B-frames that
     * no other frame refers to), as for a still.
     */
    private static final long CACHE_BYTES = 1;

    private final IsolatedProber prober;
    private final Map<Path, FrameDecoder> decoders = new HashMap<>();

    public VaultFrames(IsolatedProber prober) {
        this.prober = prober;
    }

    @Override
    public synchronized BufferedImage frame(ExportedFootage footage, int frame) throws UserFacingException {
        FrameDecoder decoder = decoders.get(footage.mediaFile());
        if (decoder == null) {
            decoder = FrameDecoder.open(footage.mediaFile(),
                    prober.analyze(footage.mediaFile(), progress -> { }, () -> false).index(), CACHE_BYTES);
            decoders.put(footage.mediaFile(), decoder);
        }
        DecodedFrame decoded = decoder.frame(frame);
        return FrameSource.image(decoded.width(), decoded.height(), decoded.argb());
    }

    @Override
    public synchronized void close() {
        decoders.values().forEach(FrameDecoder::close);
        decoders.clear();
    }
}
