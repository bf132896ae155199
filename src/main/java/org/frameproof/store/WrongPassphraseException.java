package org.frameproof.store;

/** The passphrase did not unwrap the database key, or the reviewer has to wait before trying again. */
public final class WrongPassphraseException extends StoreException {
    private final int failures;

    WrongPassphraseException(String message, int failures) {
        super(message);
        this.failures = failures;
    }

    /** Wrong passphrases entered in a row so far. */
    public int failures() {
        return failures;
    }
}
