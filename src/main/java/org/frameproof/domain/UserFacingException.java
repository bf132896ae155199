package org.frameproof.domain;

/**
 * A failure whose message is written for the reviewer: the UI shows it in a dialog and the
 * command line prints it on one line, never as a stack trace.
 */
public class UserFacingException extends Exception {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
