package org.frameproof.store;

import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;

/** A failure of the store, with a message that can be shown to a reviewer as it is. */
public class StoreException extends UserFacingException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    static StoreException cannotOpen(Path dataFolder, Exception cause) {
        String reason = firstLine(cause);
        if (reason.contains("Wrong user name or password") || reason.contains("File corrupted") || reason.contains("Encryption error")
                || reason.contains("Store header is corrupt")) {
            reason = "the database file does not match its key file, or is damaged (" + reason + ")";
        }
        return new StoreException("Could not open the database in " + dataFolder + ": " + reason, cause);
    }

    /** A write that did not commit: nothing of it was saved, and the reviewer must hear so. */
    static StoreException cannotSave(Exception cause) {
        String reason = firstLine(cause);
        String hint = containsNoSpace(cause) ? " The disk is full: free some space and try again." : "";
        return new StoreException("Not saved: " + reason + "." + hint, cause);
    }

    static StoreException cannotRead(String what, Exception cause) {
        return new StoreException("Could not read " + what + ": " + firstLine(cause), cause);
    }

    private static boolean containsNoSpace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left")) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
