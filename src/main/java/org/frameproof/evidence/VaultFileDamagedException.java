package org.frameproof.evidence;

import java.io.IOException;

/** A vault file that does not decrypt as written: damaged or altered. No byte of it is returned. */
public final class VaultFileDamagedException extends IOException {
    private static final long serialVersionUID = 1L;

    VaultFileDamagedException(String item, String what) {
        super("The vault copy of " + item + " is damaged or was altered: " + what);
    }
}
