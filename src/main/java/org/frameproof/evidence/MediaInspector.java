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

    /**
     * Adapts a prober whose messages begin with the file's name ("clip.mp4: not a video") to this
     * contract: the import's result names the file already, so the reason is given without it.
     */
    static MediaInspector withoutFileNames(MediaInspector prober) {
        return file -> {
            try {
                return prober.inspect(file);
            } catch (UserFacingException e) {
                String prefix = file.getFileName() + ": ";
                String message = e.getMessage();
                throw new UserFacingException(message.startsWith(prefix) ? message.substring(prefix.length()) : message, e);
            }
        };
    }
}
