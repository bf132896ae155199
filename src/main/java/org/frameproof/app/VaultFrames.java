package org.frameproof.app;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.ExportedFootage;
import org.frameproof.exchange.FrameSource;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaSource;
import org.frameproof.media.VaultSources;
import org.frameproof.exchange.OpenFrames;
import org.frameproof.media.MediaAnalyzer;

/**
 * Exact frames of vault copies for reports and stills, from FFmpeg's decoder with the frame index
 * the prober cached at import: the very frames the player shows. One decoder per footage item
 * stays open until {@link #close()}.
 */
public final class VaultFrames implements OpenFrames {
    /**
     * Exports visit frames in order and never step back, so the decoder keeps no frames behind
     * the one asked for; that also lets it skip the non-reference frames before it (B-frames that
     * no other frame refers to), as for a still.
     */
    private static final long CACHE_BYTES = 1;

    private final MediaAnalyzer analyzer;
    private final VaultSources vault;
    private final Map<String, FrameDecoder> decoders = new HashMap<>();

    /** @param analyzer answers with the frame index cached at import */
    public VaultFrames(MediaAnalyzer analyzer, VaultSources vault) {
        this.analyzer = analyzer;
        this.vault = vault;
    }

    @Override
    public synchronized BufferedImage frame(ExportedFootage footage, int frame) throws UserFacingException {
        FrameDecoder decoder = decoders.get(footage.sha256());
        if (decoder == null) {
            MediaSource copy = vault.copyOf(footage.sha256(), footage.originalName() + " (#" + footage.id() + ")");
            decoder = FrameDecoder.open(copy, analyzer.analyze(copy, progress -> { }, () -> false).index(), CACHE_BYTES);
            decoders.put(footage.sha256(), decoder);
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
