package org.frameproof.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.app.Composition;
import org.frameproof.app.VaultFrames;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.media.MediaProbe;
import org.frameproof.store.AuditRepository;
import org.frameproof.cli.Workstation;
import picocli.CommandLine;

/**
 * Real encrypted stores in temporary folders, built by the app's composition root with the test
 * machine's stamp. Footage is analysed in this process: the app's child-process prober has tests
 * of its own, and a child JVM for each test import would be slow on a shared machine.
 */
public final class TestStores {
    public static final String PASSPHRASE = "correct horse battery staple";
    public static final Reviewer REVIEWER = new Reviewer("Ana Test-Reviewer", Role.RESEARCHER);

    private TestStores() {
    }

    /** The app's object graph with the test machine's stamp, analysing footage in this process. */
    public static Composition composition() {
        return composition(Clock.systemUTC());
    }

    /** The app's object graph reading the time from {@code clock}. */
    public static Composition composition(Clock clock) {
        return new Composition(unlocked -> MediaProbe::analyze, new ImportStamp("test-machine", "0.0.0-test"), clock);
    }

    public static EvidenceStores stores() {
        return stores(Clock.systemUTC());
    }

    /** Stores that read the time from {@code clock}, for tests of waits between wrong passphrases. */
    public static EvidenceStores stores(Clock clock) {
        return composition(clock).stores();
    }

    /**
     * The app's whole command line on test stores, which it opens with the passphrase in
     * {@code environment}; reports version 9.9.9.
     */
    public static CommandLine commandLine(Workstation workstation, Map<String, String> environment) {
        Composition composition = composition();
        return composition.commandLine(workstation, composition.storeAccess(environment, null), "9.9.9");
    }

    /** The index cache's key in tests. */
    public static SecretKey cacheKey() {
        return new SecretKeySpec(new byte[32], "AES");
    }

    /** Exact frames of a test store's vault copies, read as the app reads them. */
    public static VaultFrames vaultFrames(EvidenceStore store) {
        return composition().vaultFrames(store);
    }

    public static EvidenceStore create(Path dataFolder) throws UserFacingException {
        return stores().create(dataFolder, PASSPHRASE.toCharArray(), REVIEWER);
    }

    public static EvidenceStore unlock(Path dataFolder) throws UserFacingException {
        return stores().unlock(dataFolder, PASSPHRASE.toCharArray());
    }

    /** Every entry of the store's audit log, in order. */
    public static List<AuditEntry> auditEntries(EvidenceStore store) throws UserFacingException {
        return store.database().transaction(() -> {
            List<AuditEntry> entries = new ArrayList<>();
            new AuditRepository(store.database()).forEachInOrder(entry -> {
                entries.add(entry);
                return true;
            });
            return entries;
        });
    }
}
