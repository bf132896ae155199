import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.time.Clock;
import org.frameproof.app.Composition;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.Vault;
import org.frameproof.media.FileBytes;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.FrameIndexer;
import org.frameproof.media.MediaSource;

/**
 * The exact-frame engine reading a clip three ways in the same run: through FFmpeg's own file
 * access (the clip in the clear), through FFmpeg's I/O callbacks from a plain file, and through
 * the same callbacks from the clip's encrypted vault copy, decrypted as it is read (as the player
 * reads footage). Each measure takes the three in turn, in a rotating order, so that the shared
 * machine's load falls on all alike. Not a test: a main, run from source by
 * bench/callback-read.sh, that prints Markdown.
 *
 * <p>Arguments: CLIP DATA [ROUNDS] (DATA: a new folder for the throwaway store)
 */
public final class CallbackReadBench {
    private static final int STEPS = 60;
    private static final int JUMPS = 20;
    /** Jumps timed in pairs: each target frame on every source, back to back. */
    private static final int PAIRED_JUMPS = 150;
    /** Opens timed in pairs, like the jumps. */
    private static final int PAIRED_OPENS = 60;
    private static final int PLAYED_FRAMES = 120;

    private CallbackReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (EvidenceStore store = throwawayStore(Path.of(args[1]))) {
            Vault.StagedCopy staged = store.vault().stage(clip, "bench", Progress.NONE);
            store.vault().keep(staged, "bench", Progress.NONE);
            MediaSource[] sources = {
                MediaSource.of(clip),
                MediaSource.ofBytes(clip.getFileName().toString(), "bench", () -> FileBytes.open(clip)),
                VaultCopies.of(store.unlockedVault()).copyOf(staged.hashes().sha256(), clip.getFileName().toString()),
            };
            measure(clip, sources, rounds);
        }
    }

    private static void measure(Path clip, MediaSource[] sources, int rounds) throws Exception {
        FrameIndex index = FrameIndexer.index(clip, f -> { }, () -> false);
        FrameDecoder.loadLibraries();
        String loadBefore = load();
        double[][] open = new double[sources.length][rounds];
        double[][] step = new double[sources.length][rounds];
        double[][] jump = new double[sources.length][rounds];
        double[][] play = new double[sources.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < sources.length; turn++) {
                // Each source goes first in turn.
                int which = (round + turn) % sources.length;
                MediaSource source = sources[which];
                open[which][round] = openMillis(source, index);
                step[which][round] = stepMillis(source, index);
                jump[which][round] = jumpMillis(source, index, new Random(round));
                play[which][round] = playMillis(source, index);
            }
        }
        String loadAfter = load();
        System.out.println("| measure (median of " + rounds + " rounds) | FFmpeg's file access, in the clear | I/O callbacks, plain file | ratio | I/O callbacks, encrypted vault copy | ratio to the clear |");
        System.out.println("|---|---|---|---|---|---|");
        row("open to the first frame (ms)", open);
        row("forward step, median of " + STEPS + " (ms)", step);
        row("random jump, median of " + JUMPS + " (ms)", jump);
        row(PLAYED_FRAMES + " frames decoded in order, as playing (ms)", play);
        pairedOpens(sources, index);
        pairedJumps(sources, index);
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

    /** Each source opened to its first frame in turn (the order rotating), as {@link #pairedJumps} does for jumps. */
    private static void pairedOpens(MediaSource[] sources, FrameIndex index) throws Exception {
        double[][] millis = new double[sources.length][PAIRED_OPENS];
        for (int open = 0; open < PAIRED_OPENS; open++) {
            for (int turn = 0; turn < sources.length; turn++) {
                int which = (open + turn) % sources.length;
                millis[which][open] = openMillis(sources[which], index);
            }
        }
        printPaired(PAIRED_OPENS + " paired opens to the first frame", millis);
    }

    /**
     * Each random target frame decoded from every source in turn (the order rotating), so that the
     * machine's drift falls on all alike; prints each source's median and the median of the
     * per-jump ratios to the clear file.
     */
    private static void pairedJumps(MediaSource[] sources, FrameIndex index) throws Exception {
        FrameDecoder[] decoders = new FrameDecoder[sources.length];
        double[][] millis = new double[sources.length][PAIRED_JUMPS];
        try {
            for (int i = 0; i < sources.length; i++) {
                decoders[i] = FrameDecoder.open(sources[i], index, 1);
                decoders[i].frame(0);
            }
            Random random = new Random(42);
            for (int jump = 0; jump < PAIRED_JUMPS; jump++) {
                int frame = random.nextInt(index.frameCount());
                for (int turn = 0; turn < sources.length; turn++) {
                    int which = (jump + turn) % sources.length;
                    long start = System.nanoTime();
                    decoders[which].frame(frame);
                    millis[which][jump] = millisSince(start);
                }
            }
        } finally {
            for (FrameDecoder decoder : decoders) {
                if (decoder != null) {
                    decoder.close();
                }
            }
        }
        printPaired(PAIRED_JUMPS + " paired jumps", millis);
    }

    /** Each source's median, and the median of the pair-by-pair ratios to the clear file. */
    private static void printPaired(String measure, double[][] millis) {
        int pairs = millis[0].length;
        double[] plainRatios = new double[pairs];
        double[] vaultRatios = new double[pairs];
        for (int pair = 0; pair < pairs; pair++) {
            plainRatios[pair] = millis[1][pair] / millis[0][pair];
            vaultRatios[pair] = millis[2][pair] / millis[0][pair];
        }
        System.out.println(String.format(Locale.ROOT, "| %s: medians (ms), and the median of the pair-by-pair ratios"
                + " | %.1f | %.1f | %.2f | %.1f | %.2f |", measure, median(millis[0]), median(millis[1]),
                median(plainRatios), median(millis[2]), median(vaultRatios)));
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
        double vault = median(values[2]);
        System.out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.1f | %.2f |", measure, file, bytes,
                bytes / file, vault, vault / file));
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

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
