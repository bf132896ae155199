import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.app.Composition;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.Vault;

/**
 * Store benchmarks, run by bench/store-bench.sh (not a unit test). Each mode makes a new store in
 * DATA first (not timed: the key derivation alone takes most of a second), then times:
 *   hash FILE DATA     re-hashing FILE's vault copy as verify does (decrypt + SHA-256)
 *   import FILE DATA   copying FILE into the encrypted vault: SHA-256 + MD5 + encryption of the
 *                      same buffers, fsync, read-back checking every chunk's tag (Vault.stage + keep)
 * and prints the wall time and the process's CPU time (all threads, the JIT's and the GC's too)
 * over what it times: on a shared machine the CPU time moves less than the wall time.
 * Durable writes and opening a large store are measured on real annotations by AnnotationBench.
 */
public final class StoreBench {
    private static final char[] PASSPHRASE = "bench passphrase".toCharArray();

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        EvidenceStores stores = new Composition(unlocked -> (source, progress, cancelled) -> {
            throw new IllegalStateException("the store bench analyses nothing");
        }, new ImportStamp("bench", "bench"), Clock.systemUTC()).stores();
        try (EvidenceStore store = stores.create(Path.of(args[2]), PASSPHRASE, new Reviewer("Bench", Role.RESEARCHER))) {
            Vault vault = store.vault();
            switch (args[0]) {
                case "hash" -> {
                    Vault.StagedCopy staged = vault.stage(file, "bench", Progress.NONE);
                    vault.keep(staged, "bench", Progress.NONE);
                    long start = System.nanoTime();
                    long cpu = cpuNanos();
                    String sha = vault.rehash(staged.hashes().sha256(), "bench", Progress.NONE).sha256();
                    report("hash", start, cpu, sha);
                }
                case "import" -> {
                    long start = System.nanoTime();
                    long cpu = cpuNanos();
                    Vault.StagedCopy staged = vault.stage(file, "bench", Progress.NONE);
                    vault.keep(staged, "bench", Progress.NONE);
                    report("import", start, cpu, staged.hashes().sha256());
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static void report(String what, long start, long cpuStart, String sha) {
        System.out.printf("%s %.3f s cpu %.3f s %s%n", what, (System.nanoTime() - start) / 1e9,
                (cpuNanos() - cpuStart) / 1e9, sha);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
