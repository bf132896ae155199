import java.nio.file.Path;
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.Vault;

/**
 * Store benchmarks, run by bench/store-bench.sh (not a unit test). Modes:
 *   hash DATA NAME         SHA-256 of DATA/vault/NAME, the way verify re-hashes a vault copy
 *   import FILE DATA       copy + hash + re-hash of the copy into DATA's vault (Vault.stage + keep)
 * Durable writes and opening a large store are measured on real annotations by AnnotationBench.
 */
public final class StoreBench {
    public static void main(String[] args) throws Exception {
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
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void report(String what, long start, String sha) {
        System.out.printf("%s %.3f s %s%n", what, (System.nanoTime() - start) / 1e9, sha);
    }
}
