import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.FrameIndexer;
import org.frameproof.media.IsolatedProber;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.media.PictureSignature;

/**
 * Latency of the exact-frame engine beside mpv on the same file, in the same run (bench/player-latency.sh).
 * Not a test: a main, run from source by the script, that prints a Markdown table.
 *
 * <p>Arguments: CLIP [HOUR_LONG_CLIP]
 */
public final class PlayerLatencyBench {
    private static final int FORWARD_STEPS = 150;
    private static final int BACKWARD_STEPS = 30;
    /** Random jumps timed, each beside mpv's (system property bench.jumps; 30 unless set). */
    private static final int JUMPS = Integer.getInteger("bench.jumps", 30);
    /** Pauses timed, at the first of the jumps' frames. */
    private static final int SNAPS = 30;
    /** How far from libVLC's time the player looks for a paused picture (PlayerViewModel.SNAP_REACH). */
    private static final int PAUSE_REACH = 6;
    /** Pause before each timed jump: decoder threads of the previous one may still be finishing. */
    private static final long SETTLE_MS = 100;

    private PlayerLatencyBench() {
    }

    /** The index cache's key for this run. */
    private static final SecretKey CACHE_KEY = new SecretKeySpec(new byte[32], "AES");

    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        Path cache = Files.createTempDirectory("frameproof-bench-cache");
        List<String> report = new ArrayList<>();

        // A file never opened: its first frame without an index while the child process indexes it,
        // as the player opens it. This is the first use of FFmpeg in this JVM, so it loads its natives.
        long start = System.nanoTime();
        CompletableFuture<MediaAnalysis> probing = CompletableFuture.supplyAsync(() -> {
            try {
                return new IsolatedProber(cache, CACHE_KEY).analyze(clip, f -> { }, () -> false);
            } catch (UserFacingException e) {
                throw new IllegalStateException(e);
            }
        });
        FrameDecoder.firstFrame(clip);
        double newFileFirstFrameMs = millisSince(start);
        MediaAnalysis analysis = probing.join();
        double childProbeMs = millisSince(start);
        FrameIndex index = analysis.index();
        // Again with FFmpeg loaded, as for the second new file of a session.
        start = System.nanoTime();
        FrameDecoder.firstFrame(clip);
        double newFileWarmFirstFrameMs = millisSince(start);

        // Open as the player does when the file is known: cached analysis, open decoder, first frame.
        start = System.nanoTime();
        FrameIndex cached = new IsolatedProber(cache, CACHE_KEY).analyze(clip, f -> { }, () -> false).index();
        double firstFrameMs;
        try (FrameDecoder decoder = FrameDecoder.open(clip, cached, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            decoder.frame(0);
            firstFrameMs = millisSince(start);
        }

        int key = lastKeyFrameWithLongGop(index);
        int gopEnd = nextKeyFrame(index, key) - 1;
        int deep = gopEnd - 10;
        Random random = new Random(42);
        int[] jumps = random.ints(JUMPS, 0, index.frameCount()).toArray();

        double[] forward;
        double[] backward;
        double[] jump;
        try (FrameDecoder decoder = FrameDecoder.open(clip, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            decoder.frame(key + 20);
            forward = new double[FORWARD_STEPS];
            for (int i = 0; i < FORWARD_STEPS; i++) {
                long t = System.nanoTime();
                decoder.frame(key + 21 + i);
                forward[i] = millisSince(t);
            }
        }
        try (FrameDecoder decoder = FrameDecoder.open(clip, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            decoder.frame(0);
            backward = new double[BACKWARD_STEPS];
            for (int i = 0; i < BACKWARD_STEPS; i++) {
                long t = System.nanoTime();
                decoder.frame(deep - i);
                backward[i] = millisSince(t);
            }
        }
        double[] mpvBack;
        double[] mpvSeek;
        try (Mpv mpv = Mpv.start(clip)) {
            mpv.seekExact(index.ptsMillis(deep + 1) / 1000.0);
            mpvBack = new double[BACKWARD_STEPS];
            for (int i = 0; i < BACKWARD_STEPS; i++) {
                long t = System.nanoTime();
                mpv.commandUntilRestart("[\"frame-back-step\"]");
                mpvBack[i] = millisSince(t);
            }
            // Jumps alternate between the engine and mpv, each first every other time, with a pause
            // between, so that the load of the shared machine falls on both alike.
            jump = new double[JUMPS];
            mpvSeek = new double[JUMPS];
            try (FrameDecoder decoder = FrameDecoder.open(clip, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
                decoder.frame(0);
                for (int i = 0; i < JUMPS; i++) {
                    for (int turn = 0; turn < 2; turn++) {
                        Thread.sleep(SETTLE_MS);
                        long t = System.nanoTime();
                        if ((turn + i) % 2 == 0) {
                            decoder.frame(jumps[i]);
                            jump[i] = millisSince(t);
                        } else {
                            mpv.seekExact(index.ptsMillis(jumps[i]) / 1000.0);
                            mpvSeek[i] = millisSince(t);
                        }
                    }
                }
            }
        }

        // What a pause costs: libVLC's time is a frame or so off, so the frames within 6 of it are
        // decoded and compared with the played picture (here frame N, libVLC's time put at N - 1).
        double[] snap = new double[Math.min(SNAPS, JUMPS)];
        try (FrameDecoder reference = FrameDecoder.open(clip, index, 0);
                FrameDecoder decoder = FrameDecoder.open(clip, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            decoder.frame(0);
            for (int i = 0; i < snap.length; i++) {
                PictureSignature played = PictureSignature.of(reference.frame(jumps[i]));
                Thread.sleep(SETTLE_MS);
                long t = System.nanoTime();
                FrameDecoder.LookAlike found = decoder.frameLike(played, Math.max(0, jumps[i] - 1), PAUSE_REACH);
                snap[i] = millisSince(t);
                if (found.frame().frame() != jumps[i]) {
                    throw new IllegalStateException("the pause found frame " + found.frame().frame() + ", not " + jumps[i]);
                }
            }
        }
        double[] snapExtra = new double[snap.length];
        for (int i = 0; i < snap.length; i++) {
            snapExtra[i] = snap[i] - jump[i];
        }

        report.add(String.format(Locale.ROOT, "Clip: %s, %d frames, GOP used for backward steps: key %d..%d, start %d",
                clip.getFileName(), index.frameCount(), key, gopEnd, deep));
        report.add("");
        report.add("| measure | Frameproof | mpv | target |");
        report.add("|---|---|---|---|");
        report.add(row("forward step, median", median(forward), Double.NaN, "<= 15 ms"));
        report.add(row("30 backward steps from deep in a GOP, median", median(backward), median(mpvBack),
                "<= 25% of mpv: " + String.format(Locale.ROOT, "%.1f ms", 0.25 * median(mpvBack))));
        // The engine's first of the 30 is a jump, its second decodes the GOP behind; mpv decodes it every step.
        report.add(row("30 backward steps, slowest step", percentile(backward, 100), percentile(mpvBack, 100), ""));
        report.add(row("jump to a random frame, median", median(jump), median(mpvSeek), "no slower than mpv"));
        report.add(row("jump to a random frame, p95", percentile(jump, 95), percentile(mpvSeek, 95), "report"));
        double[] ratios = new double[JUMPS];
        for (int i = 0; i < JUMPS; i++) {
            ratios[i] = jump[i] / mpvSeek[i];
        }
        long faster = Arrays.stream(ratios).filter(r -> r < 1).count();
        report.add(String.format(Locale.ROOT, "| jump, Frameproof / mpv: ratio of medians; median of per-jump ratios;"
                + " jumps where Frameproof was faster | %.2f; %.2f; %d of %d | | <= 1.00 |",
                median(jump) / median(mpvSeek), median(ratios), faster, JUMPS));
        // A jump ahead within the GOP the engine's decoder is in continues it without seeking; mpv seeks every time.
        List<Double> seekingRatios = new ArrayList<>();
        for (int i = 0; i < JUMPS; i++) {
            int previous = i == 0 ? 0 : jumps[i - 1];
            if (jumps[i] <= previous || index.keyFrameAtOrBefore(jumps[i]) != index.keyFrameAtOrBefore(previous)) {
                seekingRatios.add(ratios[i]);
            }
        }
        double[] seeking = seekingRatios.stream().mapToDouble(Double::doubleValue).toArray();
        report.add(String.format(Locale.ROOT, "| jumps that seek (not ahead in the decoder's GOP): median of per-jump"
                + " ratios; faster | %.2f; %d of %d | | |", median(seeking),
                Arrays.stream(seeking).filter(r -> r < 1).count(), seeking.length));
        report.add(row("pause: the played picture found among the frames within " + PAUSE_REACH + " of libVLC's time, median",
                median(snap), Double.NaN, "report"));
        report.add(row("pause, p95", percentile(snap, 95), Double.NaN, "report"));
        report.add(row("pause, more than a jump to the same frame, median", median(snapExtra), Double.NaN, "report"));
        report.add(row("open to first frame, new file (no index yet, child indexing; loads FFmpeg)",
                newFileFirstFrameMs, Double.NaN, "<= 500 ms"));
        report.add(row("open to first frame, new file, FFmpeg already loaded", newFileWarmFirstFrameMs, Double.NaN,
                "<= 500 ms"));
        report.add(row("open to first frame (index cached)", firstFrameMs, Double.NaN, "<= 500 ms"));
        report.add(row("probe + index in a child process (first open)", childProbeMs, Double.NaN, "background"));

        if (args.length > 1) {
            Path hour = Path.of(args[1]);
            start = System.nanoTime();
            FrameIndex hourIndex = FrameIndexer.index(hour, f -> { }, () -> false);
            double indexMs = millisSince(start);
            report.add(row("frame index of " + hour.getFileName() + " (" + hourIndex.frameCount() + " frames, "
                    + Files.size(hour) / (1 << 20) + " MB)", indexMs, Double.NaN, "<= 10000 ms"));
        }
        report.forEach(System.out::println);
    }

    private static String row(String name, double ours, double mpv, String target) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %s | %s |", name, ours,
                Double.isNaN(mpv) ? "-" : String.format(Locale.ROOT, "%.1f ms", mpv), target);
    }

    private static int lastKeyFrameWithLongGop(FrameIndex index) {
        int best = 0;
        for (int frame = 0; frame < index.frameCount(); frame++) {
            if (index.isKeyFrame(frame) && nextKeyFrame(index, frame) - frame >= 200 && frame < index.frameCount() / 2) {
                best = frame;
            }
        }
        return best;
    }

    private static int nextKeyFrame(FrameIndex index, int key) {
        for (int frame = key + 1; frame < index.frameCount(); frame++) {
            if (index.isKeyFrame(frame)) {
                return frame;
            }
        }
        return index.frameCount();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** mpv from the system, paused, driven over its JSON IPC socket. */
    private static final class Mpv implements AutoCloseable {
        private final Process process;
        private final SocketChannel channel;
        private final BufferedReader events;
        private int requests;

        private Mpv(Process process, SocketChannel channel) {
            this.process = process;
            this.channel = channel;
            this.events = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        }

        static Mpv start(Path clip) throws IOException, InterruptedException {
            Path socket = Files.createTempDirectory("frameproof-bench-mpv").resolve("ipc");
            Process process = new ProcessBuilder("mpv", "--idle", "--pause", "--hr-seek=yes", "--vo=null", "--ao=null",
                    "--no-config", "--input-ipc-server=" + socket).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            Mpv mpv = new Mpv(process, channel);
            mpv.send("[\"loadfile\", \"" + clip.toAbsolutePath() + "\"]");
            mpv.awaitEvent("playback-restart");
            return mpv;
        }

        void seekExact(double seconds) throws IOException {
            commandUntilRestart(String.format(Locale.ROOT, "[\"seek\", %.6f, \"absolute+exact\"]", seconds));
        }

        void commandUntilRestart(String command) throws IOException {
            send(command);
            awaitEvent("playback-restart");
        }

        private void send(String command) throws IOException {
            String line = "{\"command\": " + command + ", \"request_id\": " + (++requests) + "}\n";
            channel.write(StandardCharsets.UTF_8.encode(line));
        }

        private void awaitEvent(String event) throws IOException {
            String line;
            while ((line = events.readLine()) != null) {
                if (line.contains("\"event\":\"" + event + "\"")) {
                    return;
                }
            }
            throw new IOException("mpv ended before " + event);
        }

        @Override
        public void close() throws IOException {
            send("[\"quit\"]");
            channel.close();
            process.destroy();
        }
    }
}
