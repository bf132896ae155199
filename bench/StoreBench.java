import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.MediaInspector;
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.Vault;
import org.frameproof.store.Database;
import org.frameproof.store.KeyFile;
import org.frameproof.store.StoreKey;

/**
 * Store benchmarks, run by bench/store-bench.sh (not a unit test). Modes:
 *   hash DATA NAME         SHA-256 (+ MD5 beside it) of DATA/vault/NAME, the way verify re-hashes a vault copy
 *   import FILE DATA       copy + hash + re-hash of the copy into DATA's vault (Vault.stage + keep)
 *   writes DATA N [fsync]  N annotation-sized durable saves (audit entry + payload row), latency percentiles;
 *                          with fsync, each also forced to the disk (CHECKPOINT SYNC)
 *   fill DATA AUDIT ANNOT  make a store with AUDIT audit entries and ANNOT annotation-sized rows
 *   open DATA              time to unlock and open that store, phase by phase, then again as the app does
 */
public final class StoreBench {
    static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();

    public static void main(String[] args) throws Exception {
        MediaInspector noProbing = file -> {
            throw new IllegalStateException("no probing in benchmarks");
        };
        EvidenceStores stores = new EvidenceStores(dataFolder -> noProbing, dataFolder -> {
            throw new IllegalStateException("no frame indexes in benchmarks");
        }, new ImportStamp("bench", "bench"), Clock.systemUTC());
        switch (args[0]) {
            case "hash" -> {
                long start = System.nanoTime();
                String sha = new Vault(Path.of(args[1])).rehash(args[2], "bench", Progress.NONE).sha256();
                report("hash", start, sha);
            }
            case "import" -> {
                Vault vault = new Vault(Path.of(args[2]));
                long start = System.nanoTime();
                Vault.StagedCopy staged = vault.stage(Path.of(args[1]), "bench", Progress.NONE);
                vault.keep(staged);
                report("import", start, staged.hashes().sha256());
            }
            case "writes" -> writes(stores, Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 && args[3].equals("fsync"));
            case "fill" -> fill(stores, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "open" -> open(stores, Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void report(String what, long start, String sha) {
        System.out.printf("%s %.3f s %s%n", what, (System.nanoTime() - start) / 1e9, sha);
    }

    private static EvidenceStore create(EvidenceStores stores, Path data) throws Exception {
        return stores.create(data, PASSPHRASE, new Reviewer("Bench Reviewer", Role.RESEARCHER));
    }

    private static void createAnnotationTable(EvidenceStore store) throws Exception {
        // Issue 5 owns the real annotations table; a row of its expected size stands in for it here.
        try (Statement sql = store.database().connection().createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_annotation (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " footage_sha256 CHAR(64), start_frame BIGINT, end_frame BIGINT, start_pts_ms BIGINT, end_pts_ms BIGINT,"
                    + " kind VARCHAR(20), observation VARCHAR(4000), interpretation VARCHAR(4000), author VARCHAR(200),"
                    + " role VARCHAR(40), created_at TIMESTAMP WITH TIME ZONE)");
        }
    }

    private static void insertAnnotation(EvidenceStore store, long n) throws Exception {
        try (PreparedStatement insert = store.database().connection().prepareStatement(
                "INSERT INTO bench_annotation (footage_sha256, start_frame, end_frame, start_pts_ms, end_pts_ms, kind,"
                        + " observation, interpretation, author, role, created_at) VALUES (?, ?, ?, ?, ?, 'injury', ?, ?, 'Bench', 'RESEARCHER', CURRENT_TIMESTAMP)")) {
            insert.setString(1, "a".repeat(64));
            insert.setLong(2, n);
            insert.setLong(3, n + 25);
            insert.setLong(4, n * 40);
            insert.setLong(5, n * 40 + 1000);
            insert.setString(6, "The man on the left wears a white armband; wound on the left temple. " + n);
            insert.setString(7, "Consistent with a close-range gunshot wound.");
            insert.executeUpdate();
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode annotationJson(long n) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("frame", n)
                .put("observation", "The man on the left wears a white armband; wound on the left temple. " + n)
                .put("interpretation", "Consistent with a close-range gunshot wound.");
    }

    private static void writes(EvidenceStores stores, Path data, int count, boolean fsync) throws Exception {
        try (EvidenceStore store = create(stores, data)) {
            createAnnotationTable(store);
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                long n = i;
                long start = System.nanoTime();
                store.database().transaction(() -> {
                    try {
                        insertAnnotation(store, n);
                    } catch (Exception e) {
                        throw new org.frameproof.domain.UserFacingException(e.getMessage(), e);
                    }
                    store.audit().record("annotation.create", "annotation", Long.toString(n), null, annotationJson(n));
                    return null;
                });
                if (fsync) {
                    // What a power cut would need on top: H2 hands each commit to the OS but does not fsync it.
                    try (Statement sql = store.database().connection().createStatement()) {
                        sql.execute("CHECKPOINT SYNC");
                    }
                }
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("writes%s %d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", fsync ? " with CHECKPOINT SYNC" : "", count,
                    nanos[count / 2] / 1e6, nanos[count * 95 / 100] / 1e6, nanos[count * 99 / 100] / 1e6, nanos[count - 1] / 1e6);
        }
    }

    /**
     * Opens the store phase by phase in this fresh JVM, as the app's first open would run them: key
     * unwrap (PBKDF2), database open (H2 + Flyway validation), and the first reads a screen makes
     * (row counts, the chain head that the next save reads). Then opens it again the way the app
     * does ({@code EvidenceStores.unlock}), now with classes loaded and code compiled.
     */
    private static void open(EvidenceStores stores, Path data) throws Exception {
        long t0 = System.nanoTime();
        try (StoreKey key = new KeyFile(data, Clock.systemUTC()).unlock(PASSPHRASE)) {
            long t1 = System.nanoTime();
            try (Database database = Database.open(data, key)) {
                long t2 = System.nanoTime();
                long audit = count(database, "SELECT COUNT(*) FROM audit_log");
                long annotations = count(database, "SELECT COUNT(*) FROM bench_annotation");
                long head = count(database, "SELECT sequence FROM audit_log ORDER BY sequence DESC FETCH FIRST ROW ONLY");
                long t3 = System.nanoTime();
                System.out.printf("open, first in this JVM %.3f s: key unwrap %.3f s, Database.open %.3f s, first queries %.3f s"
                        + " (audit rows %d, annotation rows %d, chain head %d)%n", (t3 - t0) / 1e9,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, audit, annotations, head);
            }
        }
        long start = System.nanoTime();
        try (EvidenceStore store = stores.unlock(data, PASSPHRASE)) {
            System.out.printf("open again (EvidenceStores.unlock, as the app) %.3f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static long count(Database database, String query) throws Exception {
        try (Statement sql = database.connection().createStatement(); var row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Fills a store with {@code auditRows} audit rows and {@code annotations} annotation-sized rows in
     * batches of 10,000 per transaction. The audit rows are inserted directly, with the real row
     * size but placeholder hashes: opening the store does not read the chain, and a million calls of
     * {@code AuditLog.record} (one chain-head read per entry) take far longer than the open being measured.
     */
    private static void fill(EvidenceStores stores, Path data, int auditRows, int annotations) throws Exception {
        long start = System.nanoTime();
        try (EvidenceStore store = create(stores, data)) {
            createAnnotationTable(store);
            Database database = store.database();
            int batch = 10_000;
            for (int from = 2; from <= auditRows; from += batch) {
                int first = from;
                database.transaction(() -> {
                    try (PreparedStatement insert = database.connection().prepareStatement(
                            "INSERT INTO audit_log (sequence, occurred_at, actor, role, action, entity_type, entity_id,"
                                    + " before_json, after_json, previous_hash, entry_hash)"
                                    + " VALUES (?, CURRENT_TIMESTAMP, 'Bench Reviewer', 'RESEARCHER', 'annotation.create', 'annotation', ?, NULL, ?, ?, ?)")) {
                        for (int i = first; i < Math.min(first + batch, auditRows + 1); i++) {
                            if (i - 1 <= annotations) {
                                insertAnnotation(store, i);
                            }
                            insert.setLong(1, i);
                            insert.setString(2, Integer.toString(i));
                            insert.setString(3, annotationJson(i).toString());
                            insert.setString(4, String.format("%064x", i - 1));
                            insert.setString(5, String.format("%064x", i));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    } catch (Exception e) {
                        throw new org.frameproof.domain.UserFacingException(e.getMessage(), e);
                    }
                    return null;
                });
            }
        }
        System.out.printf("fill %d audit rows, %d annotation rows: %.1f s, %d MB%n", auditRows, annotations,
                (System.nanoTime() - start) / 1e9, Files.size(data.resolve("frameproof.mv.db")) >> 20);
    }
}
