package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class IsolatedProberTest {
    private static final SecretKey KEY = TestStores.cacheKey();

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
        MediaAnalysis child = new IsolatedProber(cache, KEY).analyze(video, progress::add, () -> false);
        MediaAnalysis here = MediaProbe.analyze(video, fraction -> { }, () -> false);
        assertEquals(here.facts(), child.facts());
        assertEquals(here.index().frameCount(), child.index().frameCount());
        assertEquals(here.index().pts(5), child.index().pts(5));
        assertEquals(1.0, progress.get(progress.size() - 1), progress.toString());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
        }

        // A worker that would crash is never started: the cached analysis is answered.
        IsolatedProber crashing = new IsolatedProber(cache, KEY, CrashingProbeWorker.class.getName(), Duration.ofSeconds(60));
        assertEquals(child.facts(), crashing.analyze(video, fraction -> { }, () -> false).facts());
    }

    @Test
    void aChangedFileOrADamagedEntryIsProbedAgain() throws Exception {
        Path video = copyOf(Clip.MJPEG);
        Path cache = folder.resolve("index-cache");
        new IsolatedProber(cache, KEY).analyze(video, fraction -> { }, () -> false);
        IsolatedProber crashing = new IsolatedProber(cache, KEY, CrashingProbeWorker.class.getName(), Duration.ofSeconds(60));

        Files.setLastModifiedTime(video, FileTime.fromMillis(Files.getLastModifiedTime(video).toMillis() + 5000));
        assertThrows(UserFacingException.class, () -> crashing.analyze(video, fraction -> { }, () -> false));
        new IsolatedProber(cache, KEY).analyze(video, fraction -> { }, () -> false);

        try (var entries = Files.list(cache)) {
            for (Path entry : entries.toList()) {
                Files.writeString(entry, "{\"damaged\":");
            }
        }
        MediaAnalysis again = new IsolatedProber(cache, KEY).analyze(video, fraction -> { }, () -> false);
        assertEquals(Clip.MJPEG.frameCount(), again.facts().frameCount());
    }

    @Test
    void aCrashingDecoderBecomesAMessageAndThisProcessLivesOn() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), KEY, CrashingProbeWorker.class.getName(),
                Duration.ofSeconds(60));
        UserFacingException failure = assertThrows(UserFacingException.class,
                () -> prober.analyze(Clip.VP9.path(), fraction -> { }, () -> false));
        assertTrue(failure.getMessage().contains("the decoder crashed on this file"), failure.getMessage());
    }

    @Test
    void aHangingDecoderIsStoppedAndNamed() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), KEY, HangingProbeWorker.class.getName(),
                Duration.ofSeconds(2));
        UserFacingException failure = assertThrows(UserFacingException.class,
                () -> prober.analyze(Clip.VP9.path(), fraction -> { }, () -> false));
        assertTrue(failure.getMessage().contains("stopped responding"), failure.getMessage());
    }

    @Test
    void cancellingStopsTheChild() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), KEY, HangingProbeWorker.class.getName(),
                Duration.ofSeconds(60));
        long start = System.nanoTime();
        assertThrows(CancellationException.class,
                () -> prober.analyze(Clip.VP9.path(), fraction -> { }, () -> System.nanoTime() - start > 500_000_000L));
    }

    @Test
    void aFileThatIsNotAVideoGetsTheChildsReason() {
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), KEY);
        UserFacingException failure = assertThrows(UserFacingException.class,
                () -> prober.analyze(BadInput.AUDIO_ONLY.path(), fraction -> { }, () -> false));
        assertEquals(BadInput.AUDIO_ONLY.fileName() + ": not a video: no video stream", failure.getMessage());
    }

    @Test
    void theChildGetsNoSecretInItsEnvironmentNorItsCommandLine() throws Exception {
        Map<String, String> parent = Map.of("FRAMEPROOF_PASSPHRASE", "correct horse", "FRAMEPROOF_USER", "Ana",
                "PATH", "/usr/bin", "SSH_AUTH_SOCK", "/run/agent", "HOME", "/home/ana");
        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/ana"), IsolatedProber.childEnvironment(parent));

        Path video = folder.resolve("witness-statement-name.mp4");
        Files.copy(Clip.VP9.path(), video);
        IsolatedProber prober = new IsolatedProber(folder.resolve("cache"), KEY, SnoopingProbeWorker.class.getName(),
                Duration.ofSeconds(60));
        String seen = assertThrows(UserFacingException.class,
                () -> prober.analyze(video, fraction -> { }, () -> false)).getMessage();
        String environment = seen.substring(seen.indexOf('[') + 1, seen.indexOf(']'));
        for (String name : environment.split(", ")) {
            assertTrue(name.isEmpty() || IsolatedProber.CHILD_ENVIRONMENT.contains(name), "the child sees " + name + ": " + seen);
        }
        String commandLine = seen.substring(seen.indexOf(" command="), seen.indexOf(" name="));
        assertFalse(commandLine.contains("witness-statement-name"), commandLine);
        assertFalse(commandLine.contains(folder.toString()), commandLine);
    }

    @Test
    void theChildAnalysesBytesItCannotReadItself() throws Exception {
        Clip clip = Clip.MPEG2_TS_LATE_START;
        // On disk only scrambled, as an encrypted vault copy: only this process can unscramble it.
        Path scrambled = folder.resolve("copy");
        byte[] plain = Files.readAllBytes(clip.path());
        byte[] stored = plain.clone();
        for (int i = 0; i < stored.length; i++) {
            stored[i] ^= 0x5A;
        }
        Files.write(scrambled, stored);
        MediaSource unscrambled = MediaSource.ofBytes(clip.fileName(), "scrambled", () -> new SeekableBytes() {
            private final SeekableBytes file = FileBytes.open(scrambled);

            @Override
            public long size() throws IOException {
                return file.size();
            }

            @Override
            public int read(long position, byte[] target, int offset, int length) throws IOException {
                int read = file.read(position, target, offset, length);
                for (int i = 0; i < read; i++) {
                    target[offset + i] ^= 0x5A;
                }
                return read;
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        });
        MediaAnalysis child = new IsolatedProber(folder.resolve("cache"), KEY).analyze(unscrambled, fraction -> { }, () -> false);
        assertEquals(MediaProbe.analyze(clip.path(), fraction -> { }, () -> false).facts(), child.facts());
    }

    @Test
    void theCacheHoldsNoTagTitlePathOrContentHashInTheClearAndNeedsItsKey() throws Exception {
        Path video = folder.resolve("checkpoint-seven-witness.mp4");
        Tools.run("ffmpeg", "-v", "error", "-i", Clip.H264_BFRAMES_LONGGOP.path().toString(), "-c", "copy",
                "-metadata", "title=Execution at checkpoint seven", "-metadata", "comment=filmed by the cousin",
                "-metadata", "location=+48.8566+002.3522/", video.toString());
        Path cache = folder.resolve("index-cache");
        // What an earlier version left: the analysis in the clear.
        Files.createDirectories(cache);
        Path clearEntry = cache.resolve("0a1b2c.json");
        Files.writeString(clearEntry, "{\"path\":\"" + video + "\",\"tags\":{\"title\":\"Execution at checkpoint seven\"}}");
        MediaAnalysis analysis = new IsolatedProber(cache, KEY).analyze(video, fraction -> { }, () -> false);
        assertFalse(Files.exists(clearEntry), "the clear entry of an earlier version is removed");
        assertTrue(analysis.facts().toString().contains("checkpoint seven"), "the tags were read: " + analysis.facts());

        List<String> secrets = List.of("checkpoint seven", "Execution", "filmed by the cousin", "48.8566", "002.3522",
                "checkpoint-seven-witness", folder.toString(), analysis.facts().sha256());
        try (var entries = Files.list(cache)) {
            for (Path entry : entries.toList()) {
                String bytes = new String(Files.readAllBytes(entry), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(bytes.contains(secret), entry.getFileName() + " holds " + secret);
                    assertFalse(entry.getFileName().toString().contains(secret), "named after " + secret);
                }
                assertFalse(bytes.contains("pts"), "not even the JSON's field names are readable");
            }
        }
        // Without the key the entries are nothing: another key probes again (and the worker crashes).
        IsolatedProber otherKey = new IsolatedProber(cache, new SecretKeySpec(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                30, 31, 32}, "AES"), CrashingProbeWorker.class.getName(), Duration.ofSeconds(60));
        assertThrows(UserFacingException.class, () -> otherKey.analyze(video, fraction -> { }, () -> false));
        IsolatedProber sameKey = new IsolatedProber(cache, KEY, CrashingProbeWorker.class.getName(), Duration.ofSeconds(60));
        assertEquals(analysis.facts(), sameKey.analyze(video, fraction -> { }, () -> false).facts());
    }
}
