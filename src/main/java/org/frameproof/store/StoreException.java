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
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new StoreException("Could not open the database in " + dataFolder + ": " + firstLine(reason), cause);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
