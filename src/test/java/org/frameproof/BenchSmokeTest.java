package org.frameproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.frameproof.testing.ChildJvm;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each benchmark of bench/ (compiled with the tests) runs once on tiny inputs, in a JVM of its own
 * as its script starts it, so that none can rot between the runs that measure. Only that it
 * finishes and prints its figures is checked: timings on a shared test machine would mean nothing.
 * PlayerLatencyBench and PlaybackBench measure beside mpv, which {@code ./frameproof test} installs;
 * here mpv draws nowhere, as the window of PlaybackBench's player is headless.
 */
@NativeTier
class BenchSmokeTest {
    /** Headless JavaFX, as Surefire gives the screen tests. */
    private static final List<String> HEADLESS_FX = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dframeproof.audio=none");
    private static final Path CLIP = TestFootage.folder().resolve("h264-bframes-longgop.mp4");
    /** A measured figure as the benchmarks print them, in text or tables: "12.3 ms", "| 0.87 |". */
    private static final Pattern FIGURE = Pattern.compile("\\d+\\.\\d+");

    @TempDir Path work;

    @Test
    void storeBenchHashesAndImports() throws Exception {
        String hash = run(List.of(), "StoreBench", "hash", CLIP.toString(), work.resolve("hash").toString());
        String imported = run(List.of(), "StoreBench", "import", CLIP.toString(), work.resolve("import").toString());

        assertTrue(hash.matches("(?s)hash \\d+\\.\\d+ s cpu \\d+\\.\\d+ s [0-9a-f]{64}\\s*"), hash);
        assertTrue(imported.matches("(?s)import \\d+\\.\\d+ s cpu \\d+\\.\\d+ s [0-9a-f]{64}\\s*"), imported);
    }

    @Test
    void bundleBenchExportsAndImportsOneFile() throws Exception {
        String printed = run(List.of(), "BundleBench", "roundtrip", CLIP.toString(), work.toString());
        assertTrue(printed.matches("(?s)export \\d+\\.\\d+ s cpu \\d+\\.\\d+ s\\s+import \\d+\\.\\d+ s cpu \\d+\\.\\d+ s\\s+"
                + "heap peak .*"), printed);
    }

    @Test
    void mergeBenchMergesATinyBundleIntoABiggerStoreAndAnEmptyOne() throws Exception {
        String prepared = run(List.of(), "MergeBench", "prepare", work.toString(), "50", "20");
        assertTrue(prepared.contains("sender: 20 signed findings"), prepared);
        for (String store : List.of("receiver", "peer")) {
            String printed = run(List.of(), "MergeBench", "import", work.toString(), store);
            assertTrue(printed.matches("(?s)import into " + store + ": \\d+\\.\\d+ s cpu \\d+\\.\\d+ s; 20 new findings, .*"
                    + "heap peak .*"), printed);
        }
    }

    @Test
    void callbackReadBenchReadsOneRound() throws Exception {
        assertFigures(run(List.of(), "CallbackReadBench", CLIP.toString(), work.resolve("store").toString(), "1"));
    }

    @Test
    void vaultPlaybackBenchPlaysOnePairForASecond() throws Exception {
        assertFigures(run(HEADLESS_FX, "VaultPlaybackBench", CLIP.toString(), work.resolve("vault").toString(), "1", "1",
                "2", "320", "180"));
    }

    @Test
    void annotationBenchFillsAndReadsATinyStore() throws Exception {
        String data = work.resolve("data").toString();
        run(List.of(), "AnnotationBench", "fill", data, CLIP.toString(), "20", "10");
        assertFigures(run(List.of(), "AnnotationBench", "open", data));
        assertFigures(run(List.of(), "AnnotationBench", "search", data));
        assertFigures(run(List.of(), "AnnotationBench", "list", data));
        assertFigures(run(List.of(), "AnnotationBench", "writes", data, "3"));
    }

    @Test
    void h2KillBenchKillsOnce() throws Exception {
        String printed = run(List.of(), "H2Kill", "write", work.resolve("h2").toString(), "1", "200");

        assertTrue(!printed.isBlank(), "H2Kill printed nothing");
    }

    @Test
    void screenBenchDrawsTheTimelineForASecond() throws Exception {
        assertFigures(run(HEADLESS_FX, "ScreenBench", "timeline", "800", "1"));
    }

    @Test
    void playerLatencyBenchStepsJumpsAndPausesBesideMpv() throws Exception {
        List<String> options = new ArrayList<>(HEADLESS_FX);
        options.add("-Dbench.jumps=2");
        assertFigures(run(options, "PlayerLatencyBench", CLIP.toString()));
    }

    @Test
    void playbackBenchPlaysBesideMpv() throws Exception {
        List<String> options = new ArrayList<>(HEADLESS_FX);
        options.add("-Dbench.mpvOutput=null");
        assertFigures(run(options, "PlaybackBench", CLIP.toString(), "50", "320", "180"));
    }

    private String run(List<String> jvmOptions, String bench, String... args) throws Exception {
        ChildJvm.Result result = ChildJvm.run(jvmOptions, bench, Map.of(), args);
        assertEquals(0, result.exitCode(), bench + " failed:\n" + result.stdout() + result.stderr());
        return result.stdout();
    }

    private static void assertFigures(String printed) {
        assertTrue(FIGURE.matcher(printed).find(), "no figures printed:\n" + printed);
    }
}
