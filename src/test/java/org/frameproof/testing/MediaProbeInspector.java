package org.frameproof.testing;

import java.nio.file.Path;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.MediaInspector;
import org.frameproof.media.MediaProbe;

/**
 * Frameproof's own prober behind {@link MediaInspector}, in-process: the app runs the same probe
 * in a child process, which its own tests cover.
 */
public final class MediaProbeInspector implements MediaInspector {
    @Override
    public MediaFacts inspect(Path file) throws UserFacingException {
        return MediaProbe.analyze(file, progress -> { }, () -> false).facts();
    }
}
