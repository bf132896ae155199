package org.frameproof.evidence;

import java.io.IOException;

/** A source gave more or fewer bytes than it had when its copy began: it changed while it was read. */
final class SourceChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceChangedException(String message) {
        super(message);
    }
}
