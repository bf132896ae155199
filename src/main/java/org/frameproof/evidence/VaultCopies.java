package org.frameproof.evidence;

import org.frameproof.media.MediaSource;
import org.frameproof.media.VaultSources;

/**
 * The one place that says how the player, decoders, stills, thumbnails and the annotations' frame
 * checks read a vault copy: as
 * bytes decrypted in this process and handed to FFmpeg's and libVLC's I/O callbacks, never as a
 * file they open themselves, so no plaintext copy of the footage is ever written.
 */
public final class VaultCopies {
    private VaultCopies() {
    }

    /** The vault copies of an unlocked store, known to the index cache by their content hash. */
    public static VaultSources of(UnlockedVault unlocked) {
        return (sha256, name) -> MediaSource.ofBytes(name, "vault " + sha256,
                () -> new DecryptedVaultBytes(unlocked.vault().open(sha256, name)));
    }
}
