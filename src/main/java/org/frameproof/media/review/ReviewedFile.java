package org.frameproof.media.review;

import org.frameproof.domain.FrameIndex;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.media.MediaSource;

/**
 * A file open for review: where its bytes are, the name the reviewer knows it by (a vault copy's
 * original name) and what its analysis found. Each opening makes a new one, so results meant for
 * a file opened before are told apart by identity.
 */
public record ReviewedFile(MediaSource source, String name, MediaAnalysis analysis) {
    public FrameIndex index() {
        return analysis.index();
    }
}
