import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.frameproof.domain.FrameIndex;
import org.frameproof.media.FileBytes;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.FrameIndexer;
import org.frameproof.media.MediaSource;

/**
 * The exact-frame engine reading a clip through FFmpeg's I/O callbacks from SeekableBytes (as it
 * reads a vault copy) beside the same clip through FFmpeg's own file access, in the same run, each
 * measure alternating between the two so that the shared machine's load falls on both alike. Not a
 * test: a main, run from source by bench/callback-read.sh, that prints Markdown.
 *
 * <p>Arguments: CLIP [ROUNDS]
 */
public final class CallbackReadBench {
    private static final int STEPS = 60;
    private static final int JUMPS = 20;
    private static final int PLAYED_FRAMES = 120;

    private CallbackReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MediaSource file = MediaSource.of(clip);
        MediaSource bytes = MediaSource.ofBytes(clip.getFileName().toString(), "bench", () -> FileBytes.open(clip));
        FrameIndex index = FrameIndexer.index(clip, f -> { }, () -> false);
        FrameDecoder.loadLibraries();
        String loadBefore = load();
        double[][] open = new double[2][rounds];
        double[][] step = new double[2][rounds];
        double[][] jump = new double[2][rounds];
        double[][] play = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                // Each source goes first every other round.
                int which = (round + turn) % 2;
                MediaSource source = which == 0 ? file : bytes;
                open[which][round] = openMillis(source, index);
                step[which][round] = stepMillis(source, index);
                jump[which][round] = jumpMillis(source, index, new Random(round));
                play[which][round] = playMillis(source, index);
            }
        }
        String loadAfter = load();
        System.out.println("| measure (median of " + rounds + " rounds) | FFmpeg's file access | I/O callbacks from SeekableBytes | ratio |");
        System.out.println("|---|---|---|---|");
        row("open to the first frame (ms)", open);
        row("forward step, median of " + STEPS + " (ms)", step);
        row("random jump, median of " + JUMPS + " (ms)", jump);
        row(PLAYED_FRAMES + " frames decoded in order, as playing (ms)", play);
        System.out.println();
        System.out.println("Clip: " + clip.getFileName() + " (" + Files.size(clip) + " bytes, " + index.frameCount()
                + " frames). Load average before: " + loadBefore + "; after: " + loadAfter + ".");
    }

    private static double openMillis(MediaSource source, FrameIndex index) throws Exception {
        long start = System.nanoTime();
        try (FrameDecoder decoder = FrameDecoder.open(source, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            decoder.frame(0);
            return millisSince(start);
        }
    }

    private static double stepMillis(MediaSource source, FrameIndex index) throws Exception {
        double[] steps = new double[STEPS];
        try (FrameDecoder decoder = FrameDecoder.open(source, index, FrameDecoder.DEFAULT_CACHE_BYTES)) {
            int from = index.frameCount() / 3;
            decoder.frame(from);
            for (int i = 0; i < STEPS; i++) {
                long start = System.nanoTime();
                decoder.frame(Math.min(index.lastFrame(), from + 1 + i));
                steps[i] = millisSince(start);
            }
        }
        return median(steps);
    }

    private static double jumpMillis(MediaSource source, FrameIndex index, Random random) throws Exception {
        double[] jumps = new double[JUMPS];
        try (FrameDecoder decoder = FrameDecoder.open(source, index, 1)) {
            decoder.frame(0);
            for (int i = 0; i < JUMPS; i++) {
                int frame = random.nextInt(index.frameCount());
                long start = System.nanoTime();
                decoder.frame(frame);
                jumps[i] = millisSince(start);
            }
        }
        return median(jumps);
    }

    private static double playMillis(MediaSource source, FrameIndex index) throws Exception {
        try (FrameDecoder decoder = FrameDecoder.open(source, index, 1)) {
            long start = System.nanoTime();
            for (int frame = 0; frame < Math.min(PLAYED_FRAMES, index.frameCount()); frame++) {
                decoder.frame(frame);
            }
            return millisSince(start);
        }
    }

    private static void row(String measure, double[][] values) {
        double file = median(values[0]);
        double bytes = median(values[1]);
        System.out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |", measure, file, bytes, bytes / file));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
