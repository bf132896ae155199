import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.frameproof.app.Composition;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.Progress;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.store.AnnotationRepository;
import org.frameproof.store.SearchIndex;
import org.frameproof.store.SearchIndexChanges;

/**
 * Merge benchmark, run by bench/merge-bench.sh (not a unit test). Modes:
 *   prepare WORK BIG BUNDLED   in WORK: a sender's store whose BUNDLED findings are real signed work (through
 *                              the annotation service's import: each with its signed audit entry), their bundle
 *                              to two receivers (bench.fpb, with its footage), a receiver's store holding BIG
 *                              findings of its own (batched inserts through the store layer, with their search
 *                              words) and an empty peer store; both receivers accept the sender as a contact
 *   import WORK STORE          merges bench.fpb into STORE ("receiver" or "peer"): every signature checked, one
 *                              transaction; prints its wall and CPU time and the heap's peak during the import
 * The footage is not probed (any bytes serve, with a made-up frame index): what is measured is the merge.
 */
public final class MergeBench {
    private static final char[] PASSPHRASE = "bench passphrase".toCharArray();
    private static final int FRAMES = 90_000;
    private static final String[] WORDS = {"checkpoint", "soldier", "armband", "white", "vehicle", "smoke", "shots",
        "crowd", "road", "bridge", "school", "market", "uniform", "helmet", "flag", "wall", "roof", "street", "car", "truck"};

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[1]);
        EvidenceStores stores = new Composition(unlocked -> (source, progress, cancelled) -> new MediaAnalysis(
                new MediaFacts(FRAMES, FRAMES * 40.0, 16, 16, 0, 25.0, false, "bench", "bench", 0.0, null, Map.of(), Map.of(),
                        false), index()), new ImportStamp("bench", "bench"), Clock.systemUTC()).stores();
        switch (args[0]) {
            case "prepare" -> prepare(stores, work, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "import" -> merge(stores, work, args[2]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** One frame every 40 ms, a key frame every second. */
    private static FrameIndex index() {
        long[] pts = new long[FRAMES];
        BitSet keys = new BitSet(FRAMES);
        for (int frame = 0; frame < FRAMES; frame++) {
            pts[frame] = frame;
            if (frame % 25 == 0) {
                keys.set(frame);
            }
        }
        return new FrameIndex(pts, keys, 1, 25);
    }

    private static void prepare(EvidenceStores stores, Path work, int big, int bundled) throws Exception {
        try (EvidenceStore sender = stores.create(work.resolve("sender"), PASSPHRASE, new Reviewer("Sender", Role.RESEARCHER));
             EvidenceStore receiver = stores.create(work.resolve("receiver"), PASSPHRASE, new Reviewer("Receiver", Role.RESEARCHER));
             EvidenceStore peer = stores.create(work.resolve("peer"), PASSPHRASE, new Reviewer("Peer", Role.RESEARCHER))) {
            IdentityFile.write(sender.reviewers().own().identity(), work.resolve("sender.json"));
            for (EvidenceStore to : List.of(receiver, peer)) {
                Path identity = work.resolve(to.reviewer().name() + ".json");
                IdentityFile.write(to.reviewers().own().identity(), identity);
                sender.contacts().add(identity, Role.RESEARCHER);
                to.contacts().add(work.resolve("sender.json"), Role.RESEARCHER);
            }
            Random random = new Random(14);
            long start = System.nanoTime();
            Footage sent = importFootage(sender, "Bench", work.resolve("sent.bin"), random);
            int batch = Integer.getInteger("bench.batch", 50_000);
            for (int done = 0; done < bundled; done += batch) {
                List<Annotation> findings = new ArrayList<>();
                for (int i = done; i < Math.min(bundled, done + batch); i++) {
                    findings.add(finding(sent, "Sender", i, random));
                }
                sender.annotations().importInto(sent.id(), "bench-" + done + ".json", hex(random), findings);
            }
            System.out.printf(Locale.ROOT, "sender: %d signed findings in %.1f s%n", bundled, seconds(start));
            start = System.nanoTime();
            BundleService.Exported exported = sender.bundles().export(new BundleService.Scope("Bench", null),
                    List.of("Receiver", "Peer"), true, null, work.resolve("bench.fpb"), Progress.NONE);
            System.out.printf(Locale.ROOT, "bundle: %d pieces of work, %d bytes, written in %.1f s%n", exported.work(),
                    Files.size(work.resolve("bench.fpb")), seconds(start));

            start = System.nanoTime();
            Footage own = importFootage(receiver, "Own", work.resolve("own.bin"), random);
            for (int done = 0; done < big; done += batch) {
                int from = done;
                receiver.database().transaction(() -> {
                    AnnotationRepository rows = new AnnotationRepository(receiver.database());
                    SearchIndexChanges index = new SearchIndexChanges();
                    for (int i = from; i < Math.min(big, from + batch); i++) {
                        Annotation row = finding(own, "Receiver", i, random);
                        rows.write(row, words(row), index);
                    }
                    new SearchIndex(receiver.database()).apply(index);
                    return null;
                });
            }
            System.out.printf(Locale.ROOT, "receiver: %d findings of its own in %.1f s%n", big, seconds(start));
        }
    }

    private static void merge(EvidenceStores stores, Path work, String which) throws Exception {
        try (EvidenceStore store = stores.unlock(work.resolve(which), PASSPHRASE)) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            long cpu = cpuNanos();
            BundleService.Imported imported = store.bundles().importBundle(work.resolve("bench.fpb"), false, Progress.NONE);
            double wall = seconds(start);
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "import into %s: %.3f s cpu %.3f s; %d new findings, %d known, %d unverified,"
                    + " %d conflicts; heap peak %.1f MB of max %.1f MB%n", which, wall, cpuSeconds, imported.newFindings(),
                    imported.known(), imported.unverified(), imported.conflicts(), peak / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            if (imported.newFindings() == 0 || imported.unverified() > 0) {
                throw new IllegalStateException("the findings did not merge");
            }
        }
    }

    private static Footage importFootage(EvidenceStore store, String caseTitle, Path file, Random random) throws Exception {
        byte[] bytes = new byte[64 * 1024];
        random.nextBytes(bytes);
        Files.write(file, bytes);
        Case investigation = store.cases().createCase(caseTitle, "");
        store.footage().importFiles(investigation, List.of(file), Provenance.UNKNOWN, Progress.NONE);
        return store.footage().list(investigation).get(0);
    }

    /** A finding as reviewers make them: a frame or a short range, a sentence, a tag; every fourth a place. */
    private static Annotation finding(Footage on, String author, int i, Random random) {
        int frame = random.nextInt(FRAMES - 100);
        int end = i % 3 == 0 ? frame + random.nextInt(100) : frame;
        Finding finding = i % 4 == 0 ? new Finding.Location(word(random), null, null, null, null, List.of())
                : new Finding.Note("event");
        return new Annotation(UUID.randomUUID().toString(), on.id(), on.sha256(), new FrameSpan(frame, end, frame * 40.0,
                end * 40.0), word(random) + " " + word(random) + " " + word(random) + " near the " + word(random),
                i % 2 == 0 ? word(random) + " " + word(random) : null, Confidence.values()[i % 3], List.of(word(random)),
                null, finding, author, Role.RESEARCHER, Instant.now(), null);
    }

    private static String word(Random random) {
        double skew = random.nextDouble();
        return WORDS[(int) (skew * skew * WORDS.length)] + (random.nextInt(50));
    }

    /** The words a search finds a finding by: its texts, split and lower-cased. */
    private static Set<String> words(Annotation annotation) {
        Set<String> words = new HashSet<>();
        List<String> texts = new ArrayList<>(annotation.tags());
        texts.add(annotation.observation());
        texts.add(annotation.interpretation());
        for (String text : texts) {
            if (text != null) {
                for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static String hex(Random random) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
