package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedProberTest {
    @TempDir
    Path folder;

    private Path copyOf(Clip clip) throws Exception {
        return Files.copy(clip.path(), folder.resolve(clip.fileName()));
    }

    @Test
    void theChildAnswersWhatTheProbeFindsAndTheCacheAnswersTheSecondTime() throws Exception {
        Path video = copyOf(Clip.MPEG2_TS_LATE_START);
        Path cache = folder.resolve("index-cache");
        List<Double> progress = new ArrayList<>();
        MediaAnalysis child = new IsolatedProber(cache).analyze(video, progress::add, () -> false);
        MediaAnalysis here = MediaProbe.analyze(video, fraction -> { }, () -> false);
        assertEquals(here.facts(), child.facts());
        assertEquals(here.index().frameCount(), child.index().frameCount());
        assertEquals(here.index().pts(5), child.index().pts(5));
        assertEquals(1.0, progress.get(progress.size() - 1), progress.toString());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
        }

        // A worker that would crash is never started: the cached analysis is answered.
        IsolatedProber crashing = new IsolatedProber(cache, CrashingProbeWorker.class.getName(), Duration.ofSeconds(60));
        assertEquals(child.facts(), crashing.analyze(video, fraction -> { }, () -> false).facts());
    }

    @Test
    void aChangedFileOrADamagedEntryIsProbedAgain() throws Exception {
        Path video = copyOf(Clip.MJPEG);
        Path cache = folder.resolve("index-cache");
        new IsolatedProber(cache).analyze(video, fraction -> { }, () -> false);
        IsolatedProber crashing = new IsolatedProber(cache, CrashingProbeWorker.class.getName(), Duration.ofSeconds(60));

        Files.setLastModifiedTime(video, FileTime.fromMillis(Files.getLastModifiedTime(video).toMillis() + 5000));
        assertThrows(UserFacingException.class, () -> crashing.analyze(video, fraction -> { }, () -> false));
        new IsolatedProber(cache).analyze(video, fraction -> { }, () -> false);

        try (var entries = Files.list(cache)) {
            for (Path entry : entries.toList()) {
                Files.writeString(entry, "{\"damaged\":");
            }
        }
        MediaAnalysis again = new IsolatedProber(cache).analyze(video, fraction -> { }, () -> false);
        assertEquals(Clip.MJPEG.frameCount(), again.facts().frameCount());
    }

    @Test
    void aCrashingDecoderBecomesAMessageAndThisProcessLivesOn() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), CrashingProbeWorker.class.getName(),
                Duration.ofSeconds(60));
        UserFacingException failure = assertThrows(UserFacingException.class,
                () -> prober.analyze(Clip.VP9.path(), fraction -> { }, () -> false));
        assertTrue(failure.getMessage().contains("the decoder crashed on this file"), failure.getMessage());
    }

    @Test
    void aHangingDecoderIsStoppedAndNamed() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), HangingProbeWorker.class.getName(),
                Duration.ofSeconds(2));
        UserFacingException failure = assertThrows(UserFacingException.class,
                () -> prober.analyze(Clip.VP9.path(), fraction -> { }, () -> false));
        assertTrue(failure.getMessage().contains("stopped responding"), failure.getMessage());
    }

    @Test
    void cancellingStopsTheChild() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), HangingProbeWorker.class.getName(),
                Duration.ofSeconds(60));
        long start = System.nanoTime();
        assertThrows(CancellationException.class,
                () -> prober.analyze(Clip.VP9.path(), fraction -> { }, () -> System.nanoTime() - start > 500_000_000L));
    }

    @Test
    void aFileThatIsNotAVideoGetsTheChildsReason() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"));
        UserFacingException failure = assertThrows(UserFacingException.class,
                () -> prober.analyze(BadInput.AUDIO_ONLY.path(), fraction -> { }, () -> false));
        assertEquals(BadInput.AUDIO_ONLY.fileName() + ": not a video: no video stream", failure.getMessage());
    }
}
