import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.frameproof.app.Composition;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.Vault;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.media.FileBytes;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.MediaSource;
import org.frameproof.media.Playback;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.ui.player.FrameView;

/**
 * libVLC playing a clip at 1x from the plain file and from its encrypted vault copy (read through
 * libVLC's media callbacks, decrypted in this process, as the player reads footage), in pairs
 * whose order alternates round by round, so that the shared machine's drift falls on both alike.
 * Both play through the player's {@link VlcPlayback} into its {@link VideoSurface}, shown by its
 * {@link FrameView} in a real JavaFX window. With {@code -Dbench.callbackFile=true} the plain file
 * also plays through the media callbacks, in rotation with the two, to tell the callbacks' cost
 * from decryption's. Not a test: a main, run from source by bench/vault-playback.sh, that prints
 * Markdown.
 *
 * <p>Each play measures the time from {@code play()} to the first played frame drawn, then, over a
 * fixed span from that frame: frames the surface was handed and drew, libVLC's own counts of
 * pictures displayed and lost, and the process's CPU time. The first frame, which varies most, is
 * also timed over many short starts, each source in turn.
 *
 * <p>Arguments: CLIP DATA ROUNDS SPAN_SECONDS STARTS WINDOW_WIDTH WINDOW_HEIGHT (DATA: a new folder
 * for the throwaway store)
 */
public final class VaultPlaybackBench {
    private static final String[] NAMES = {"plain file (libVLC's own file access)",
        "encrypted vault copy (libVLC's media callbacks)", "plain file through libVLC's media callbacks"};
    /** How long each source plays untimed before the rounds: libVLC's plugins, the JIT and the page cache warm up. */
    private static final long WARM_UP_MILLIS = 2000;
    /** Time given libVLC to stop before the next file loads, after a play and after a short start. */
    private static final long SETTLE_MILLIS = 700;
    private static final long SHORT_SETTLE_MILLIS = 300;

    private final VideoSurface surface = new VideoSurface();
    private final VlcPlayback playback;
    private final MediaFacts facts;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private volatile CountDownLatch firstFrame = new CountDownLatch(1);
    private final AtomicLong firstFrameNanos = new AtomicLong();

    /** One timed play. */
    private record Play(double firstFrameMillis, long delivered, long drawn, int displayed, int lost, double cpuSeconds) {
    }

    private VaultPlaybackBench(MediaFacts facts) {
        this.facts = facts;
        this.playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        playback.setListener(new Playback.Listener() {
            @Override
            public void playbackTime(long micros) {
                if (firstFrame.getCount() > 0) {
                    firstFrameNanos.set(System.nanoTime());
                    firstFrame.countDown();
                }
            }

            @Override
            public void playbackFinished() {
            }

            @Override
            public void playbackFailed(String message) {
                System.err.println(message);
                System.exit(1);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        int rounds = Integer.parseInt(args[2]);
        double span = Double.parseDouble(args[3]);
        int starts = Integer.parseInt(args[4]);
        int width = Integer.parseInt(args[5]);
        int height = Integer.parseInt(args[6]);
        MediaFacts facts = MediaProbe.analyze(clip, fraction -> { }, () -> false).facts();
        if (span + 1 > facts.durationMs() / 1000) {
            throw new IllegalArgumentException("The span must end a second before the clip does: " + facts.durationMs() + " ms");
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try (EvidenceStore store = throwawayStore(Path.of(args[1]))) {
            Vault.StagedCopy staged = store.vault().stage(clip, "bench", Progress.NONE);
            store.vault().keep(staged, "bench", Progress.NONE);
            MediaSource vaultCopy = VaultCopies.of(store.unlockedVault())
                    .copyOf(staged.hashes().sha256(), clip.getFileName().toString());
            // -Dbench.callbackFile=true: also the plain file through the callbacks, to tell their cost from decryption's.
            MediaSource[] sources = Boolean.getBoolean("bench.callbackFile")
                    ? new MediaSource[] {MediaSource.of(clip), vaultCopy,
                        MediaSource.ofBytes(clip.getFileName().toString(), "bench", () -> FileBytes.open(clip))}
                    : new MediaSource[] {MediaSource.of(clip), vaultCopy};
            VaultPlaybackBench bench = new VaultPlaybackBench(facts);
            bench.showWindow(width, height);
            String loadBefore = load();
            Play[][] plays = bench.playInPairs(sources, rounds, span);
            double[][] firstFrames = bench.startInPairs(sources, starts);
            String loadAfter = load();
            bench.playback.close();
            report(clip, facts, plays, firstFrames, span, loadBefore, loadAfter);
        }
        Platform.exit();
        System.exit(0);
    }

    /** A window of the given size showing the surface, its picture size limited as the player limits it. */
    private void showWindow(int width, int height) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            FrameView view = new FrameView();
            view.imageProperty().bind(surface.imageProperty());
            Stage stage = new Stage();
            stage.setScene(new Scene(view, width, height));
            stage.setTitle("VaultPlaybackBench");
            stage.show();
            playback.limitPictureSize((int) Math.ceil(view.getWidth()), (int) Math.ceil(view.getHeight()));
            view.frameSizeProperty().set(new Dimension2D(facts.width(), facts.height()));
            shown.countDown();
        });
        shown.await();
    }

    /**
     * Each round plays every source once, each going first in turn (with two sources: pairs whose
     * order alternates); before the rounds, each plays untimed.
     */
    private Play[][] playInPairs(MediaSource[] sources, int rounds, double span) throws Exception {
        for (MediaSource source : sources) {
            play(source, WARM_UP_MILLIS / 1000.0);
        }
        Play[][] plays = new Play[sources.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < sources.length; turn++) {
                int which = (round + turn) % sources.length;
                plays[which][round] = play(sources[which], span);
            }
        }
        return plays;
    }

    /** Plays {@code source} from its start at 1x for {@code span} seconds after its first frame is drawn, then stops. */
    private Play play(MediaSource source, double span) throws Exception {
        long toFirstFrame = startPlaying(source);
        long first = firstFrameNanos.get();
        long cpuAtFirst = os.getProcessCpuTime();
        long deliveredAtFirst = surface.playbackFramesDelivered();
        long drawnAtFirst = surface.playbackFramesDrawn();
        TimeUnit.NANOSECONDS.sleep(first + Math.round(span * 1e9) - System.nanoTime());
        long cpuAtEnd = os.getProcessCpuTime();
        long delivered = surface.playbackFramesDelivered() - deliveredAtFirst;
        long drawn = surface.playbackFramesDrawn() - drawnAtFirst;
        // libVLC's counts restart with each start and end with the input: read them while it plays.
        VlcPlayback.PictureCounts counts = playback.pictureCounts();
        stopPlaying(SETTLE_MILLIS);
        return new Play(toFirstFrame / 1e6, delivered, drawn, counts.displayed(), counts.lost(), (cpuAtEnd - cpuAtFirst) / 1e9);
    }

    /** Milliseconds from {@code play()} to the first played frame drawn, {@code starts} times per source, each first in turn. */
    private double[][] startInPairs(MediaSource[] sources, int starts) throws Exception {
        double[][] millis = new double[sources.length][starts];
        for (int start = 0; start < starts; start++) {
            for (int turn = 0; turn < sources.length; turn++) {
                int which = (start + turn) % sources.length;
                millis[which][start] = startPlaying(sources[which]) / 1e6;
                stopPlaying(SHORT_SETTLE_MILLIS);
            }
        }
        return millis;
    }

    /** Plays {@code source} from its start; returns once its first played frame is drawn: the nanoseconds since {@code play()}. */
    private long startPlaying(MediaSource source) throws InterruptedException {
        firstFrame = new CountDownLatch(1);
        long[] playCalled = new long[1];
        Platform.runLater(() -> {
            playback.load(source, facts);
            playCalled[0] = System.nanoTime();
            playback.play(0);
        });
        if (!firstFrame.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No played frame was drawn from " + source.name());
        }
        return firstFrameNanos.get() - playCalled[0];
    }

    private void stopPlaying(long settleMillis) throws InterruptedException {
        Platform.runLater(playback::stop);
        Thread.sleep(settleMillis);
    }

    private static void report(Path clip, MediaFacts facts, Play[][] plays, double[][] firstFrames, double span,
            String loadBefore, String loadAfter)
            throws Exception {
        int rounds = plays[0].length;
        long expected = Math.round(span * facts.avgFrameRate());
        StringBuilder header = new StringBuilder("| measure (median; " + rounds + " rounds of plays) | " + NAMES[0]);
        StringBuilder line = new StringBuilder("|---|---");
        for (int which = 1; which < plays.length; which++) {
            header.append(" | ").append(NAMES[which]).append(" | ratio to the plain file (median of the pair-by-pair ratios)");
            line.append("|---|---");
        }
        System.out.println(header.append(" |"));
        System.out.println(line.append("|"));
        row(firstFrames[0].length + " short starts: play() to the first played frame drawn (ms)", firstFrames, "%.1f");
        row("the rounds' plays: play() to the first played frame drawn (ms)", values(plays, Play::firstFrameMillis), "%.1f");
        row("frames handed to the surface in " + span + " s from the first (" + expected + " in the clip)",
                values(plays, p -> p.delivered()), "%.0f");
        row("frames drawn into the picture in the same " + span + " s", values(plays, p -> p.drawn()), "%.0f");
        row("pictures libVLC displayed, from the start", values(plays, p -> p.displayed()), "%.0f");
        row("pictures libVLC lost, from the start", values(plays, p -> p.lost()), "%.0f");
        row("CPU time of the process in the " + span + " s (s, all threads)", values(plays, Play::cpuSeconds), "%.2f");
        System.out.println();
        for (int which = 0; which < plays.length; which++) {
            StringBuilder each = new StringBuilder(NAMES[which]
                    + ", round by round (first frame ms / handed / drawn / lost / CPU s):");
            for (Play play : plays[which]) {
                each.append(String.format(Locale.ROOT, " %.1f/%d/%d/%d/%.2f;", play.firstFrameMillis(), play.delivered(),
                        play.drawn(), play.lost(), play.cpuSeconds()));
            }
            System.out.println(each);
            System.out.println();
        }
        System.out.println(String.format(Locale.ROOT, "Clip: %s (%d bytes, %dx%d, %.2f fps). Load average before: %s; after: %s.",
                clip.getFileName(), Files.size(clip), facts.width(), facts.height(), facts.avgFrameRate(), loadBefore, loadAfter));
    }

    private static double[][] values(Play[][] plays, ToDoubleFunction<Play> value) {
        double[][] values = new double[plays.length][];
        for (int which = 0; which < plays.length; which++) {
            values[which] = Arrays.stream(plays[which]).mapToDouble(value).toArray();
        }
        return values;
    }

    /** Each source's median, and the median of its pair-by-pair ratios to the plain file. */
    private static void row(String measure, double[][] values, String format) {
        StringBuilder cells = new StringBuilder(String.format(Locale.ROOT, "| %s | " + format, measure, median(values[0])));
        for (int which = 1; which < values.length; which++) {
            double[] ratios = new double[values[which].length];
            for (int pair = 0; pair < ratios.length; pair++) {
                double clear = values[0][pair];
                ratios[pair] = clear == values[which][pair] ? 1 : values[which][pair] / clear;
            }
            cells.append(String.format(Locale.ROOT, " | " + format + " | %.2f", median(values[which]), median(ratios)));
        }
        System.out.println(cells.append(" |"));
    }

    /** A new store in {@code folder} (the key derivation is not timed): its vault encrypts as the app's does. */
    private static EvidenceStore throwawayStore(Path folder) throws Exception {
        EvidenceStores stores = new Composition(unlocked -> (source, progress, cancelled) -> {
            throw new IllegalStateException("the bench analyses nothing");
        }, new ImportStamp("bench", "bench"), Clock.systemUTC()).stores();
        return stores.create(folder, "bench passphrase".toCharArray(), new Reviewer("Bench", Role.RESEARCHER));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
