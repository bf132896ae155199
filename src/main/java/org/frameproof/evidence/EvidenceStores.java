package org.frameproof.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.store.Compaction;
import org.frameproof.store.Database;
import org.frameproof.store.ForeignSchemaException;
import org.frameproof.store.KeyFile;
import org.frameproof.store.ReviewerKeys;
import org.frameproof.store.ReviewerRepository;
import org.frameproof.store.StoreException;
import org.frameproof.store.StoreKey;

/**
 * Creates and unlocks data folders. The app's composition root builds one with the media analyzer
 * and hands it to the command line and the unlock screen, so both open stores the same way.
 */
public final class EvidenceStores {
    /** The shortest passphrase a new store or a changed passphrase accepts. */
    public static final int MINIMUM_PASSPHRASE_LENGTH = KeyFile.MINIMUM_PASSPHRASE_LENGTH;

    /** The environment variable with which the command line opens a store whose audit chain does not match the key file's head. */
    public static final String ACCEPT_AUDIT_MISMATCH = "FRAMEPROOF_ACCEPT_AUDIT_MISMATCH";
    /** HKDF's purpose name for the key that seals the audit log's entries. */
    private static final String AUDIT_SEAL_PURPOSE = "audit-chain";

    /** HKDF's purpose name for the key that encrypts the index cache's entries. */
    private static final String INDEX_CACHE_PURPOSE = "index-cache";

    private final Function<UnlockedVault, MediaAnalyzer> analyzerFor;
    private final ImportStamp stamp;
    private final Clock clock;

    /**
     * @param analyzerFor how an unlocked store's footage is analysed: the facts of files at import
     *     and the frame indexes of its vault copies (it keeps its frame-index cache in the data
     *     folder, where the player finds it again)
     */
    public EvidenceStores(Function<UnlockedVault, MediaAnalyzer> analyzerFor, ImportStamp stamp, Clock clock) {
        this.analyzerFor = analyzerFor;
        this.stamp = stamp;
        this.clock = clock;
    }

    /** Whether the folder holds a store already (then it is unlocked, never created anew). */
    public boolean exists(Path dataFolder) {
        return new KeyFile(dataFolder, clock).exists() || Database.existsIn(dataFolder);
    }

    /**
     * First start: a new random key and the keys of {@code reviewer}, wrapped by {@code passphrase}
     * in their slot; an empty database whose first reviewer they are, with their public identity.
     */
    public EvidenceStore create(Path dataFolder, char[] passphrase, Reviewer reviewer) throws UserFacingException {
        return create(dataFolder, passphrase, reviewer, false);
    }

    /**
     * As {@link #create(Path, char[], Reviewer)}, for the demo case: the store is marked as a demo in
     * the transaction that creates it (see {@link DemoMarker}), so it never exists unmarked.
     */
    public EvidenceStore createDemo(Path dataFolder, char[] passphrase, Reviewer reviewer) throws UserFacingException {
        return create(dataFolder, passphrase, reviewer, true);
    }

    private EvidenceStore create(Path dataFolder, char[] passphrase, Reviewer reviewer, boolean demo)
            throws UserFacingException {
        KeyFile keyFile = new KeyFile(dataFolder, clock);
        try (KeyFile.Unlocked unlocked = keyFile.create(reviewer.name(), passphrase)) {
            StoreKey key = unlocked.key();
            Database database = Database.open(dataFolder, key);
            try {
                EvidenceStore store = open(dataFolder, database, reviewer, key, new Vault(dataFolder, VaultKeys.derive(key)),
                        new ChainAnchor(keyFile, KeyFile.headKey(key), 0), unlocked.reviewer().orElseThrow());
                database.transaction(() -> {
                    Instant now = clock.instant();
                    PublicIdentity identity = ReviewerService.identityOf(reviewer, unlocked.reviewer().orElseThrow(), now);
                    String fingerprint = IdentityFile.fingerprint(identity).hex();
                    new ReviewerRepository(database).insert(reviewer, now, IdentityFile.encode(identity), fingerprint);
                    AuditRecord owner = AuditRecord.builder().text("name", reviewer.name()).text("role", reviewer.role().name())
                            .text("fingerprint", fingerprint).build();
                    store.audit().record("store.create", "reviewer", reviewer.name(), null, owner);
                    return demo ? store.demoMarker().record(store.audit()) : null;
                });
                return store;
            } catch (UserFacingException | RuntimeException e) {
                unlocked.reviewer().ifPresent(ReviewerKeys::close);
                database.close();
                throw e;
            }
        }
    }

    /**
     * Later starts: the passphrase unwraps the key, and the store works as the reviewer whose
     * passphrase it is; a wrong one is counted and changes nothing else.
     */
    public EvidenceStore unlock(Path dataFolder, char[] passphrase) throws UserFacingException {
        return unlock(dataFolder, null, passphrase, false, Progress.NONE);
    }

    /**
     * As {@link #unlock(Path, char[])}; the audit chain is compared with the head the key file
     * keeps, and a chain cut short or rewritten refuses the store unless {@code acceptAuditMismatch},
     * which opens it with the mismatch recorded in the audit log (and verification failing from
     * then on). What the reviewer must hear is in {@link EvidenceStore#unlockReport()}. A store
     * whose vault still holds footage in the clear (made before the vault was encrypted) then has
     * it encrypted, reporting to {@code conversion} (see {@link VaultConversion}).
     */
    public EvidenceStore unlock(Path dataFolder, char[] passphrase, boolean acceptAuditMismatch, Progress conversion)
            throws UserFacingException {
        return unlock(dataFolder, null, passphrase, acceptAuditMismatch, conversion);
    }

    /**
     * As {@link #unlock(Path, char[], boolean, Progress)}, as the reviewer {@code reviewerName}
     * (when given): the passphrase must be theirs. A key file from before key slots is given a
     * slot for the store's owner, with new keys of theirs, and the owner their public identity
     * (recorded in the audit log).
     */
    public EvidenceStore unlock(Path dataFolder, String reviewerName, char[] passphrase, boolean acceptAuditMismatch,
                                Progress conversion) throws UserFacingException {
        return unlock(dataFolder, reviewerName, passphrase, acceptAuditMismatch, conversion, (step, sha256) -> { });
    }

    /** With a listener to the conversion's steps: tests stop it there, as a crash would. */
    EvidenceStore unlock(Path dataFolder, String reviewerName, char[] passphrase, boolean acceptAuditMismatch, Progress conversion,
                         VaultConversion.Steps steps) throws UserFacingException {
        KeyFile keyFile = new KeyFile(dataFolder, clock);
        if (!keyFile.exists()) {
            throw new StoreException(Database.existsIn(dataFolder)
                    ? "The key file " + KeyFile.FILE_NAME + " is missing from " + dataFolder + "; restore it from a backup."
                    : "There is no Frameproof store in " + dataFolder + " yet.");
        }
        try (KeyFile.Unlocked unlocked = keyFile.unlock(reviewerName, passphrase)) {
            StoreKey key = unlocked.key();
            Database database = Database.open(dataFolder, key);
            ReviewerKeys keys = unlocked.reviewer().orElse(null);
            try {
                Reviewer reviewer;
                if (keys != null) {
                    String name = keys.name();
                    // Their role is the store's record, never the slot's.
                    reviewer = database.transaction(() -> ReviewerService.recorded(database, name).reviewer());
                } else {
                    reviewer = database.transaction(() -> new ReviewerRepository(database).requireOwner());
                    if (reviewerName != null && !reviewer.isNamed(reviewerName)) {
                        throw new UserFacingException("The store in " + dataFolder + " has one reviewer, and it is not "
                                + reviewerName + ".");
                    }
                    keys = keyFile.convertToSlots(key, reviewer.name(), passphrase);
                }
                Vault vault = new Vault(dataFolder, VaultKeys.derive(key));
                vault.removeIncomingLeftovers();
                ChainAnchor anchor = new ChainAnchor(keyFile, KeyFile.headKey(key), keyFile.attemptsTotal());
                EvidenceStore store = open(dataFolder, database, reviewer, key, vault, anchor, keys);
                // The chain is checked against its anchor before the conversions add entries to it.
                store.reportAtUnlock(OpeningChecks.run(store, keyFile, anchor, acceptAuditMismatch));
                store.demoMarker().read();
                store.reviewers().checkIdentity(reviewer, keys);
                new VaultConversion(vault, store.audit(), database, steps).run(conversion);
                return store;
            } catch (UserFacingException | RuntimeException e) {
                if (keys != null) {
                    keys.close();
                }
                database.close();
                throw e;
            }
        }
    }

    /**
     * Adds a reviewer to {@code store}: their new keys and a slot under {@code newPassphrase} in the
     * key file, their row and public identity in the store, recorded as the work of the reviewer
     * who unlocked it. That reviewer's passphrase, {@code adderPassphrase}, is asked again: the
     * open store keeps no key that could wrap the store key for someone new.
     */
    public void addReviewer(EvidenceStore store, char[] adderPassphrase, Reviewer reviewer, char[] newPassphrase)
            throws UserFacingException {
        store.reviewers().checkNewName(reviewer.name());
        KeyFile keyFile = new KeyFile(store.dataFolder(), clock);
        try (KeyFile.Unlocked adder = keyFile.unlock(store.reviewer().name(), adderPassphrase)) {
            // The open store signs with its own copy of the adder's keys; this second one is not kept.
            adder.reviewer().ifPresent(ReviewerKeys::close);
            // The slot is written inside the transaction: if it fails, no row is left without a slot.
            store.database().transaction(() -> {
                try (ReviewerKeys added = keyFile.addSlot(adder.key(), reviewer.name(), newPassphrase)) {
                    store.reviewers().add(reviewer, added);
                }
                return null;
            });
        }
    }

    /**
     * The store on an open database; only keys derived from the store key stay in it, and the
     * unlocking reviewer's own keys, which sign their work.
     */
    private EvidenceStore open(Path dataFolder, Database database, Reviewer owner, StoreKey key, Vault vault, ChainAnchor anchor,
                               ReviewerKeys keys) {
        UnlockedVault unlocked = new UnlockedVault(dataFolder, vault, key.derive(INDEX_CACHE_PURPOSE, "AES"));
        return new EvidenceStore(unlocked, database, owner, analyzerFor.apply(unlocked), stamp, clock,
                key.derive(AUDIT_SEAL_PURPOSE, "HmacSHA256"), anchor, keys);
    }

    /**
     * When the next passphrase may be tried on this folder: after a few wrong ones each next try
     * waits longer (the key file refuses earlier tries without trying them).
     */
    public Instant nextUnlockAllowedAt(Path dataFolder) throws UserFacingException {
        return new KeyFile(dataFolder, clock).nextAttemptAllowedAt();
    }

    /**
     * Re-wraps the store key in the unlocking reviewer's slot with a new passphrase: the store is
     * opened with the current one (so a key file from an earlier version gets its slots first),
     * and the change is recorded in its audit log. The workstation must not have the store open;
     * it changes the passphrase through {@link #changePassphrase(EvidenceStore, char[], char[])}.
     */
    public void changePassphrase(Path dataFolder, char[] current, char[] replacement) throws UserFacingException {
        changePassphrase(dataFolder, null, current, replacement);
    }

    /** As {@link #changePassphrase(Path, char[], char[])}, for the reviewer {@code reviewerName}. */
    public void changePassphrase(Path dataFolder, String reviewerName, char[] current, char[] replacement)
            throws UserFacingException {
        try (EvidenceStore store = unlock(dataFolder, reviewerName, current, false, Progress.NONE)) {
            changePassphrase(store, current, replacement);
        }
    }

    /**
     * Changes the passphrase of the reviewer who unlocked the open {@code store} ({@code current}
     * must be theirs) and records that they did, never the passphrase. The key file is rewritten
     * inside the transaction that records it: when the new passphrase is refused, nothing is recorded.
     */
    public void changePassphrase(EvidenceStore store, char[] current, char[] replacement) throws UserFacingException {
        String name = store.reviewer().name();
        KeyFile keyFile = new KeyFile(store.dataFolder(), clock);
        store.database().transaction(() -> {
            keyFile.changePassphrase(name, current, replacement);
            // About the key slot, not the reviewer: their name, role and identity are unchanged.
            store.audit().record("key_slot.passphrase", "key_slot", name, null,
                    AuditRecord.builder().text("reviewer", name).build());
            return null;
        });
    }

    /**
     * Compacts the store's database file (see {@link Compaction}): no one may have the store open.
     * Afterwards the store is opened, its audit chain verified, and the compaction recorded in it.
     *
     * @param phase hears each step, for a long store
     */
    public Compaction.Result compact(Path dataFolder, char[] passphrase, Consumer<String> phase) throws UserFacingException {
        KeyFile keyFile = new KeyFile(dataFolder, clock);
        if (!keyFile.exists()) {
            throw new StoreException("There is no Frameproof store in " + dataFolder + " yet.");
        }
        Compaction.Result result;
        try (StoreKey key = keyFile.unlock(passphrase)) {
            result = Compaction.run(dataFolder, key, phase);
        }
        phase.accept("Checking the audit chain");
        try (EvidenceStore store = unlock(dataFolder, passphrase)) {
            AuditVerification chain = store.audit().verify();
            if (!chain.intact()) {
                throw new UserFacingException("After compacting, the audit chain does not verify: " + chain.problem());
            }
            AuditRecord sizes = AuditRecord.builder().number("bytesBefore", result.bytesBefore())
                    .number("bytesAfter", result.bytesAfter()).number("tables", result.tables()).number("rows", result.rows()).build();
            store.database().transaction(() -> store.audit().record("store.compact", "database", "frameproof.mv.db", null, sizes));
        }
        return result;
    }

    /** Restores a backup folder into {@code dataFolder}: see {@link Backup#restore}. */
    public void restore(Path backup, Path dataFolder, char[] passphrase, Progress progress) throws UserFacingException {
        Backup.restore(backup, dataFolder, progress, restored -> {
            new KeyFile(restored, clock).continueAttemptsCount();
            try (EvidenceStore store = unlock(restored, passphrase)) {
                VerificationReport report = store.verify(null, progress);
                if (!report.ok()) {
                    throw new UserFacingException("The backup " + backup + " is damaged: " + String.join("; ", report.problems()));
                }
            } catch (ForeignSchemaException e) {
                throw new UserFacingException("The backup " + backup + " carries a " + e.kind()
                        + " that Frameproof did not create (" + e.name() + "); it was not restored.", e);
            }
        });
    }
}
