package org.frameproof.evidence;

import java.nio.file.Path;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.UserFacingException;

/**
 * Probes a file before it is accepted as footage. The app wires the media package's prober here;
 * importing stays free of FFmpeg.
 */
@FunctionalInterface
public interface MediaInspector {
    /**
     * Returns the facts of a playable video, or throws with a reason in the reviewer's words
     * ("not a video", "truncated: no frames could be read") for anything else.
     */
    MediaFacts inspect(Path file) throws UserFacingException;
}
