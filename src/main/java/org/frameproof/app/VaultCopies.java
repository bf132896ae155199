package org.frameproof.app;

import java.nio.file.Path;
import org.frameproof.evidence.Vault;
import org.frameproof.media.FileBytes;
import org.frameproof.media.MediaSource;
import org.frameproof.media.VaultSources;

/**
 * The one place that says how the player, decoders, stills and thumbnails read a vault copy: as
 * bytes through FFmpeg's and libVLC's I/O callbacks, never as a file they open themselves, so an
 * encrypted vault only needs a decrypting reader here.
 */
public final class VaultCopies {
    private VaultCopies() {
    }

    /** The vault copies of the store in {@code dataFolder}, known to the index cache by their content hash. */
    public static VaultSources of(Path dataFolder) {
        Vault vault = new Vault(dataFolder);
        return (sha256, name) -> MediaSource.ofBytes(name, "vault " + sha256, () -> FileBytes.open(vault.path(sha256)));
    }
}
