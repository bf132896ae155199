package org.frameproof.media;

import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.MediaFacts;

/** A probed and indexed video: its facts and every frame's timestamp, ready for a {@link FrameDecoder}. */
public record MediaAnalysis(MediaFacts facts, FrameIndex index) {
}
