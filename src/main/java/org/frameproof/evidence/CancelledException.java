package org.frameproof.evidence;

import org.frameproof.domain.UserFacingException;

/** The reviewer cancelled long work; whatever was half done has been removed. */
public final class CancelledException extends UserFacingException {
    public CancelledException(String message) {
        super(message);
    }
}
