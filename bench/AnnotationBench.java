import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.frameproof.app.Composition;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.AnnotationQuery;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.Progress;
import org.frameproof.media.MediaProbe;
import org.frameproof.store.Database;
import org.frameproof.store.KeyFile;
import org.frameproof.store.StoreKey;
import org.frameproof.ui.annotations.AnnotationListViewModel;

/**
 * Annotation benchmarks, run by bench/annotation-bench.sh (not a unit test). Modes:
 *   fill DATA CLIP N BIG   a store whose footage item 1 has N annotations and item 2 BIG of them (through the
 *                          service's import command: every annotation with its audit entry and search words);
 *                          an existing store is topped up to those counts
 *   search DATA            200 searches of mixed kinds across all annotations: p50, p95, max
 *   list DATA              listing footage item 2 (BIG annotations) through the service, 10 rounds; each round
 *                          first reads the list screen's first page (the same query with a limit), as the screen does
 *   writes DATA N          N single annotation creations (one durable transaction each): p50, p99, max
 *   open DATA              unlocking and opening the store, phase by phase, then three times as the app does
 */
public final class AnnotationBench {
    static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();
    /** Syllables of the scripts reviewers type; words are made of two or three of them. */
    static final String[] SYLLABLES = {"ka", "ro", "mi", "sha", "tor", "vel", "dan", "пов", "яз", "ка", "сол", "дат",
            "шу", "ши", "Զին", "վոր", "կրա", "կում", "Շու", "şə", "hə", "ağ", "qol", "bağ", "ил", "ham", "جن", "دي"};

    public static void main(String[] args) throws Exception {
        EvidenceStores stores = new Composition(unlocked -> MediaProbe::analyze, new ImportStamp("bench", "bench"),
                Clock.systemUTC()).stores();
        Path data = Path.of(args[1]);
        switch (args[0]) {
            case "fill" -> {
                if (!stores.exists(data)) {
                    try (EvidenceStore store = stores.create(data, PASSPHRASE, new Reviewer("Bench", Role.RESEARCHER))) {
                        Case investigation = store.cases().createCase("Bench", "");
                        importClip(store, investigation, Path.of(args[2]));
                        importClip(store, investigation, Path.of(args[2]));
                    }
                }
                // Tops up what an earlier, interrupted fill left (each batch is one transaction).
                try (EvidenceStore store = stores.unlock(data, PASSPHRASE)) {
                    fill(store, store.footage().require(1), Integer.parseInt(args[3]));
                    fill(store, store.footage().require(2), Integer.parseInt(args[4]));
                }
            }
            case "search" -> {
                try (EvidenceStore store = stores.unlock(data, PASSPHRASE)) {
                    Random random = new Random(7);
                    AnnotationService annotations = store.annotations();
                    String[] queries = {"Şuşa", "Шуши", "kavel", "ka", "Զինվոր", "солдат повязка", "ağqol", "ilham",
                            "torda", "جندي"};
                    for (int warm = 0; warm < 20; warm++) {
                        annotations.search(queries[warm % queries.length], 100);
                    }
                    long[] nanos = new long[200];
                    int[] found = new int[200];
                    String[] asked = new String[200];
                    for (int i = 0; i < nanos.length; i++) {
                        String query = i % 2 == 0 ? queries[i / 2 % queries.length] : word(random) + (i % 4 == 1 ? "" : " " + word(random));
                        asked[i] = query;
                        long start = System.nanoTime();
                        found[i] = annotations.search(query, 100).size();
                        nanos[i] = System.nanoTime() - start;
                    }
                    System.out.println("search, 200 queries (100 hits at most): " + percentiles(nanos)
                            + "; hits per query min " + Arrays.stream(found).min().orElse(0) + ", max "
                            + Arrays.stream(found).max().orElse(0));
                    Integer[] order = new Integer[nanos.length];
                    for (int i = 0; i < order.length; i++) {
                        order[i] = i;
                    }
                    Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
                    for (int i = 0; i < 10; i++) {
                        System.out.printf("  slowest %d: %.1f ms, %d hits, '%s'%n", i + 1, nanos[order[i]] / 1e6,
                                found[order[i]], asked[order[i]]);
                    }
                }
            }
            case "list" -> {
                try (EvidenceStore store = stores.unlock(data, PASSPHRASE)) {
                    AnnotationQuery footage2 = AnnotationQuery.footage(2);
                    long[] firstPageNanos = new long[10];
                    long[] nanos = new long[10];
                    long[] rowNanos = new long[10];
                    int size = 0;
                    for (int i = 0; i < nanos.length; i++) {
                        long start = System.nanoTime();
                        AnnotationListViewModel.rows(store.annotations(), footage2.withLimit(AnnotationListViewModel.FIRST_PAGE));
                        firstPageNanos[i] = System.nanoTime() - start;
                        start = System.nanoTime();
                        size = store.annotations().list(footage2).size();
                        nanos[i] = System.nanoTime() - start;
                        start = System.nanoTime();
                        AnnotationListViewModel.rows(store.annotations(), footage2);
                        rowNanos[i] = System.nanoTime() - start;
                    }
                    System.out.println("the list screen's first page of footage 2 (" + AnnotationListViewModel.FIRST_PAGE
                            + " rows, limited in SQL; the first round reads a cold store), 10 rounds: " + percentiles(firstPageNanos));
                    System.out.println("list footage 2 (" + size + " annotations) through the service, 10 rounds: " + percentiles(nanos));
                    System.out.println("the list screen's rows of it (read + each row's time text), 10 rounds: " + percentiles(rowNanos));
                }
            }
            case "writes" -> {
                try (EvidenceStore store = stores.unlock(data, PASSPHRASE)) {
                    Random random = new Random(11);
                    long[] nanos = new long[Integer.parseInt(args[2])];
                    for (int i = 0; i < nanos.length; i++) {
                        AnnotationContent content = new AnnotationContent(sentence(random), null, Confidence.MEDIUM,
                                List.of("bench"), null, new Finding.Note("event"));
                        long start = System.nanoTime();
                        store.annotations().create(1, i % 100, i % 100, content);
                        nanos[i] = System.nanoTime() - start;
                    }
                    System.out.println("durable create (annotation + audit entry + search words, one transaction each), "
                            + nanos.length + " writes: " + percentiles(nanos));
                }
            }
            case "open" -> open(stores, data);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * Opens the store phase by phase in this fresh JVM, as the app's first open runs them: key
     * unwrap (PBKDF2, 600 000 iterations), database open (H2 + Flyway validation), and the first
     * reads a screen makes (row counts, the chain head the next save reads). Then opens it again
     * the way the app does ({@code EvidenceStores.unlock}), with classes loaded and code compiled.
     */
    static void open(EvidenceStores stores, Path data) throws Exception {
        long t0 = System.nanoTime();
        try (StoreKey key = new KeyFile(data, Clock.systemUTC()).unlock(PASSPHRASE)) {
            long t1 = System.nanoTime();
            try (Database database = Database.open(data, key)) {
                long t2 = System.nanoTime();
                long audit = count(database, "SELECT COUNT(*) FROM audit_log");
                long annotations = count(database, "SELECT COUNT(*) FROM annotation");
                long head = count(database, "SELECT sequence FROM audit_log ORDER BY sequence DESC FETCH FIRST ROW ONLY");
                long t3 = System.nanoTime();
                System.out.printf("open, first in this JVM %.3f s: key unwrap %.3f s, Database.open %.3f s, first queries %.3f s"
                        + " (audit rows %d, annotations %d, chain head %d)%n", (t3 - t0) / 1e9,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, audit, annotations, head);
            }
        }
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            try (EvidenceStore store = stores.unlock(data, PASSPHRASE)) {
                System.out.printf("open again (EvidenceStores.unlock, as the app) %.3f s%n", (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static long count(Database database, String query) throws Exception {
        try (Statement sql = database.connection().createStatement(); var row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    static Footage importClip(EvidenceStore store, Case investigation, Path clip) throws Exception {
        return store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
    }

    static void fill(EvidenceStore store, Footage item, int total) throws Exception {
        FrameIndex index = store.annotations().frameIndex(item.id());
        int already;
        try (Statement sql = store.database().connection().createStatement();
             var row = sql.executeQuery("SELECT COUNT(*) FROM annotation WHERE footage_id = " + item.id())) {
            row.next();
            already = row.getInt(1);
        }
        int count = Math.max(0, total - already);
        Random random = new Random(item.id() * 1_000_003L + already);
        long start = System.nanoTime();
        // Large transactions: the file appends every commit's pages (REUSE_SPACE=FALSE), and small ones rewrite the word index each time.
        int batch = Integer.getInteger("bench.batch", 50_000);
        for (int done = 0; done < count; done += batch) {
            List<Annotation> annotations = new ArrayList<>();
            for (int i = done; i < Math.min(count, done + batch); i++) {
                int frame = random.nextInt(index.frameCount());
                Finding finding = i % 4 == 0 ? new Finding.Location(i % 8 == 0 ? "Şuşa" : word(random), null, null, null, null, List.of())
                        : new Finding.Note("event");
                annotations.add(new Annotation(UUID.randomUUID().toString(), item.id(), item.sha256(),
                        FrameSpan.of(index, frame, frame), sentence(random), i % 3 == 0 ? sentence(random) : null,
                        Confidence.values()[i % 3], List.of(word(random)), null, finding, "Bench", Role.RESEARCHER,
                        Instant.now(), null));
            }
            // Each batch as a file of its own: imported annotations take their ids from the file's hash.
            store.annotations().importInto(item.id(), "bench-fill.json", fillHash(), annotations);
            System.out.printf("footage %d: %d of %d annotations (%.0f s)%n", item.id(), already + Math.min(count, done + batch),
                    total, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("filled footage %d with %d annotations in %.1f s%n", item.id(), count, (System.nanoTime() - start) / 1e9);
    }

    /** Word frequencies fall off steeply, as in real notes: a few words are everywhere, most are rare. */
    static String word(Random random) {
        int parts = 2 + random.nextInt(2);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            double skew = random.nextDouble();
            word.append(SYLLABLES[(int) (skew * skew * SYLLABLES.length)]);
        }
        return word.toString();
    }

    static String sentence(Random random) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0, n = 6 + random.nextInt(10); i < n; i++) {
            sentence.append(i == 0 ? "" : " ").append(word(random));
        }
        return sentence.toString();
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** A random stand-in for the SHA-256 of a file the fill imports. */
    private static String fillHash() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }
}
