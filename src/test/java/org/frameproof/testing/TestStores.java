package org.frameproof.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.app.VaultCopies;
import org.frameproof.app.VaultFrames;
import org.frameproof.media.IsolatedProber;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.MediaInspector;
import org.frameproof.media.MediaProbe;
import org.frameproof.store.AuditRepository;

/** Real encrypted stores in temporary folders, opened the way the app opens them. */
public final class TestStores {
    public static final String PASSPHRASE = "correct horse battery staple";
    public static final Reviewer REVIEWER = new Reviewer("Ana Test-Reviewer", Role.RESEARCHER);

    private TestStores() {
    }

    public static EvidenceStores stores() {
        return stores(Clock.systemUTC());
    }

    /** Stores that read the time from {@code clock}, for tests of waits between wrong passphrases. */
    public static EvidenceStores stores(Clock clock) {
        return new EvidenceStores(unlocked -> MediaInspector.withoutFileNames(new MediaProbeInspector()),
                unlocked -> item -> MediaProbe.analyze(VaultCopies.of(unlocked).of(item), progress -> { }, () -> false).index(), new ImportStamp("test-machine", "0.0.0-test"), clock);
    }

    /** The index cache's key in tests. */
    public static SecretKey cacheKey() {
        return new SecretKeySpec(new byte[32], "AES");
    }

    /** Exact frames of a test store's vault copies, read as the app reads them. */
    public static VaultFrames vaultFrames(EvidenceStore store) {
        return new VaultFrames(new IsolatedProber(store.dataFolder().resolve("index-cache"), cacheKey()),
                VaultCopies.of(store.unlockedVault()));
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
