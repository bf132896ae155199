package org.frameproof.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.ExportedFootage;
import org.frameproof.exchange.Verification;
import org.frameproof.media.IsolatedProber;
import org.frameproof.media.VaultSources;
import org.frameproof.testing.CountingBytes;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stills and reports read a vault copy only through the vault's provider of sources, never as a
 * file of their own: so an encrypted vault needs only its decrypting reader there.
 */
@NativeTier
class VaultFramesTest {
    @TempDir
    Path dataFolder;

    @Test
    void framesComeThroughTheProviderAndNoVaultFileIsOpened() throws Exception {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        AtomicInteger reads = new AtomicInteger();
        // No vault file exists at all: only the provider's bytes can answer.
        VaultSources vault = (sha256, name) -> CountingBytes.source(clip.path(), reads);
        IsolatedProber prober = new IsolatedProber(dataFolder.resolve("index-cache"), TestStores.cacheKey());
        try (VaultFrames frames = new VaultFrames(prober::analyze, vault)) {
            ExportedFootage footage = footage(clip, dataFolder.resolve("vault").resolve("missing"));
            assertEquals(40, FramePattern.read(frames.frame(footage, 40)));
            assertEquals(7, FramePattern.read(frames.frame(footage, 7)));
        }
        assertTrue(reads.get() > 0);
    }

    @Test
    void aCopyThatFailsToReadGivesTheReviewerAMessage() {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        VaultSources vault = (sha256, name) -> CountingBytes.failingFrom(clip.path(), new AtomicInteger(), 0);
        IsolatedProber prober = new IsolatedProber(dataFolder.resolve("index-cache"), TestStores.cacheKey());
        try (VaultFrames frames = new VaultFrames(prober::analyze, vault)) {
            UserFacingException refused = assertThrows(UserFacingException.class,
                    () -> frames.frame(footage(clip, dataFolder.resolve("x")), 0));
            assertTrue(refused.getMessage().contains("cannot be read (chunk at 0 failed its authentication)"),
                    refused.getMessage());
        }
    }

    private static ExportedFootage footage(Clip clip, Path mediaFile) {
        return new ExportedFootage(1, clip.fileName(), "0".repeat(64), null, mediaFile, "video/mp4", 0, 1000, 25,
                clip.frameCount(), 640, 360, "", Instant.EPOCH, "Ana", false, new Verification(true, Instant.EPOCH, ""));
    }
}
