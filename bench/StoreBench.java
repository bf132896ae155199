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
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.Vault;

/**
 * Store benchmarks, run by bench/store-bench.sh (not a unit test). Modes:
 *   hash DATA NAME         SHA-256 (+ MD5 beside it) of DATA/vault/NAME, the way verify re-hashes a vault copy
 *   import FILE DATA       copy + hash + re-hash of the copy into DATA's vault (Vault.stage + keep)
 *   writes DATA N          N annotation-sized durable saves (audit entry + payload row), latency percentiles
 *   fill DATA AUDIT ANNOT  make a store with AUDIT audit entries and ANNOT annotation-sized rows
 *   open DATA              time to unlock (key derivation) and open that store
 */
public final class StoreBench {
    static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();

    public static void main(String[] args) throws Exception {
        EvidenceStores stores = new EvidenceStores(file -> {
            throw new IllegalStateException("no probing in benchmarks");
        }, file -> {
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
            case "writes" -> writes(stores, Path.of(args[1]), Integer.parseInt(args[2]));
            case "fill" -> fill(stores, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "open" -> {
                long start = System.nanoTime();
                try (EvidenceStore store = stores.unlock(Path.of(args[1]), PASSPHRASE)) {
                    long opened = System.nanoTime();
                    long count;
                    try (Statement sql = store.database().connection().createStatement();
                         var row = sql.executeQuery("SELECT COUNT(*) FROM audit_log")) {
                        row.next();
                        count = row.getLong(1);
                    }
                    System.out.printf("open %.3f s (audit rows %d, first query %.3f s after open)%n",
                            (opened - start) / 1e9, count, (System.nanoTime() - opened) / 1e9);
                }
            }
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

    private static void writes(EvidenceStores stores, Path data, int count) throws Exception {
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
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("writes %d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", count,
                    nanos[count / 2] / 1e6, nanos[count * 95 / 100] / 1e6, nanos[count * 99 / 100] / 1e6, nanos[count - 1] / 1e6);
        }
    }

    private static void fill(EvidenceStores stores, Path data, int auditRows, int annotations) throws Exception {
        long start = System.nanoTime();
        try (EvidenceStore store = create(stores, data)) {
            createAnnotationTable(store);
            int batch = 10_000;
            for (int done = 1; done < auditRows; done += batch) {
                int from = done;
                store.database().transaction(() -> {
                    for (int i = from; i < Math.min(from + batch, auditRows); i++) {
                        if (i <= annotations) {
                            try {
                                insertAnnotation(store, i);
                            } catch (Exception e) {
                                throw new org.frameproof.domain.UserFacingException(e.getMessage(), e);
                            }
                        }
                        store.audit().record("annotation.create", "annotation", Integer.toString(i), null, annotationJson(i));
                    }
                    return null;
                });
            }
        }
        System.out.printf("fill %d audit rows, %d annotations: %.1f s, %d MB%n", auditRows, annotations,
                (System.nanoTime() - start) / 1e9, Files.size(data.resolve("frameproof.mv.db")) >> 20);
    }
}
