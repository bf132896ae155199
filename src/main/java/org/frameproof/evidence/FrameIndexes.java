package org.frameproof.evidence;

import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;

/**
 * The frame index of a footage item's vault copy: every frame's own timestamp, which annotations
 * store beside their frame numbers. The app answers with the media package's prober and its index
 * cache, reading the copy as it reads every vault copy, so evidence stays free of FFmpeg.
 */
@FunctionalInterface
public interface FrameIndexes {
    /** @throws UserFacingException when the vault copy cannot be read or indexed */
    FrameIndex of(Footage item) throws UserFacingException;
}
