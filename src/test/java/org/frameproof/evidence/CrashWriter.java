package org.frameproof.evidence;

import java.nio.file.Path;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.testing.TestStores;

/**
 * Child process of {@link CrashSafetyTest}: saves annotation-like records (a case plus three
 * annotation-like audit entries, four rows in one transaction) as fast as it can and prints "ACK n end" after
 * each commit returns, until it is killed.
 */
public final class CrashWriter {
    static final int ROWS_PER_SAVE = 3;

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dataFolder = Path.of(args[0]);
        long next = Long.parseLong(args[1]);
        String observation = "observation ".repeat(40);
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            System.out.println("READY");
            System.out.flush();
            for (long n = next; ; n++) {
                String title = "crash-" + n;
                store.database().transaction(() -> {
                    store.cases().createCase(title, "");
                    for (int part = 0; part < ROWS_PER_SAVE; part++) {
                        store.audit().record("annotation.create", "annotation", title,
                                null, AuditRecord.builder().number("part", part).text("observation", observation).build());
                    }
                    return null;
                });
                System.out.println("ACK " + n + " end");
                System.out.flush();
            }
        }
    }
}
