package org.frameproof.evidence;

import java.nio.file.Path;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;

/**
 * The frame index of a vault copy: every frame's own timestamp, which annotations store beside
 * their frame numbers. The app answers with the media package's prober and its index cache, so
 * evidence stays free of FFmpeg.
 */
@FunctionalInterface
public interface FrameIndexes {
    /** @throws UserFacingException when the file cannot be read or indexed */
    FrameIndex of(Path vaultCopy) throws UserFacingException;
}
