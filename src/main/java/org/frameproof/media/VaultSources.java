package org.frameproof.media;

import org.frameproof.domain.Footage;

/**
 * Where everything that shows or decodes footage from the vault (the player, stills, thumbnails,
 * the filmstrip, exports) gets it from: one provider, built by the composition root, that knows how
 * the vault's copies are read.
 */
@FunctionalInterface
public interface VaultSources {
    /**
     * The vault's copy of the content with this SHA-256.
     *
     * @param name what messages call it
     */
    MediaSource copyOf(String sha256, String name);

    /** The vault copy of {@code item}, named as the reviewer knows it. */
    default MediaSource of(Footage item) {
        return copyOf(item.sha256(), item.originalName() + " (#" + item.id() + ")");
    }
}
