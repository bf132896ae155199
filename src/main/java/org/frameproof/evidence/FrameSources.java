package org.frameproof.evidence;

import org.frameproof.exchange.OpenFrames;

/**
 * Opens the exact frames of an unlocked store's vault copies for reports and stills. The app
 * answers with FFmpeg's decoder reading the decrypted copies and the store's index cache.
 */
@FunctionalInterface
public interface FrameSources {
    OpenFrames open(EvidenceStore store);
}
