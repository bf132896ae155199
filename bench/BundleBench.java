import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.frameproof.app.Composition;
import org.frameproof.domain.Case;
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

/**
 * Bundle benchmark, run by bench/bundle-bench.sh (not a unit test):
 *   roundtrip FILE WORK   makes a sender's and a receiver's store in WORK and imports FILE into the
 *                         sender's (not timed), then times `bundle export` of its case to the receiver
 *                         (vault copy decrypted, hashed, tarred and encrypted with age) and `bundle import`
 *                         of that bundle (decrypted, checked, footage encrypted into the receiver's vault,
 *                         merged), and prints each one's wall and CPU time and the peak heap used.
 * The footage is not probed (any bytes serve): what is measured is the bundle's streaming.
 */
public final class BundleBench {
    private static final char[] PASSPHRASE = "bench passphrase".toCharArray();

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("roundtrip")) {
            throw new IllegalArgumentException(args[0]);
        }
        Path file = Path.of(args[1]);
        Path work = Path.of(args[2]);
        EvidenceStores stores = new Composition(unlocked -> (source, progress, cancelled) -> new MediaAnalysis(
                new MediaFacts(1, 40.0, 16, 16, 0, 25.0, false, "bench", "bench", 0.0, null, Map.of(), Map.of(), false), null),
                new ImportStamp("bench", "bench"), Clock.systemUTC()).stores();
        Path bundle = work.resolve("bench.fpb");
        try (EvidenceStore receiver = stores.create(work.resolve("receiver"), PASSPHRASE, new Reviewer("Receiver", Role.RESEARCHER))) {
            IdentityFile.write(receiver.reviewers().own().identity(), work.resolve("receiver.json"));
            try (EvidenceStore sender = stores.create(work.resolve("sender"), PASSPHRASE, new Reviewer("Sender", Role.FIELD_STAFF))) {
                IdentityFile.write(sender.reviewers().own().identity(), work.resolve("sender.json"));
                sender.contacts().add(work.resolve("receiver.json"), Role.RESEARCHER);
                Case investigation = sender.cases().createCase("Bench", "");
                sender.footage().importFiles(investigation, List.of(file), Provenance.UNKNOWN, Progress.NONE);
                long start = System.nanoTime();
                long cpu = cpuNanos();
                sender.bundles().export(new BundleService.Scope("Bench", null), List.of("Receiver"), true, null, bundle,
                        Progress.NONE);
                report("export", start, cpu);
            }
            receiver.contacts().add(work.resolve("sender.json"), Role.FIELD_STAFF);
            long start = System.nanoTime();
            long cpu = cpuNanos();
            BundleService.Imported imported = receiver.bundles().importBundle(bundle, false, Progress.NONE);
            report("import", start, cpu);
            if (imported.newFootage() != 1) {
                throw new IllegalStateException("the footage did not arrive");
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("heap peak %.1f MB of max %.1f MB, bundle %d bytes%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, Files.size(bundle));
    }

    private static void report(String what, long start, long cpuStart) {
        System.out.printf("%s %.3f s cpu %.3f s%n", what, (System.nanoTime() - start) / 1e9, (cpuNanos() - cpuStart) / 1e9);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
