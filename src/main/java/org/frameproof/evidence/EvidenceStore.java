package org.frameproof.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.store.Database;
import org.frameproof.store.ReviewerKeys;
import org.frameproof.store.StoreException;

/**
 * An unlocked data folder: the encrypted database, the vault, and the services that work on them
 * in the name of the reviewer who unlocked it. Built by {@link EvidenceStores}; close it to
 * release the data folder.
 */
public final class EvidenceStore implements AutoCloseable {
    private final UnlockedVault unlocked;
    private final Database database;
    private final Reviewer reviewer;
    private final AuditLog audit;
    private final CaseService cases;
    private final FootageService footage;
    private final AnnotationService annotations;
    private final VocabularyService vocabularies;
    private final ExportService exports;
    private final ReviewerService reviewers;
    private final ContactService contacts;
    private final BundleService bundles;
    private final ChainAnchor anchor;
    private final Signer signer;
    private final DemoMarker demo;
    private String unlockReport = "";

    /**
     * @param analyzer reads the facts of files at import and the frame indexes of the vault's copies
     * @param sealKey seals the audit log's entries (derived from the store key, which is not kept)
     * @param anchor keeps the audit chain's head in the key file after each commit
     * @param keys the unlocking reviewer's own keys, which sign their work until the store closes
     */
    EvidenceStore(UnlockedVault unlocked, Database database, Reviewer reviewer, MediaAnalyzer analyzer,
                  ImportStamp stamp, Clock clock, SecretKeySpec sealKey, ChainAnchor anchor, ReviewerKeys keys) {
        this.unlocked = unlocked;
        Path dataFolder = unlocked.dataFolder();
        Vault vault = unlocked.vault();
        this.database = database;
        this.reviewer = reviewer;
        this.signer = new Signer(keys, database);
        this.audit = new AuditLog(database, clock, reviewer, sealKey, anchor, signer);
        this.anchor = anchor;
        database.listen(anchor);
        this.cases = new CaseService(database, audit, reviewer, clock);
        this.footage = new FootageService(dataFolder, database, audit, vault, analyzer, reviewer, stamp, clock);
        this.annotations = new AnnotationService(database, audit, new FrameIndexCache(analyzer, VaultCopies.of(unlocked)),
                reviewer, signer, clock);
        this.vocabularies = new VocabularyService(database, audit);
        this.demo = new DemoMarker(database);
        this.exports = new ExportService(database, cases, footage, annotations, audit, vault, reviewer, stamp, clock, demo);
        this.reviewers = new ReviewerService(database, audit, reviewer, clock);
        this.contacts = new ContactService(database, audit, reviewers, reviewer, clock);
        this.bundles = new BundleService(database, new BundleStores(reviewer, audit, cases, footage, annotations, reviewers,
                contacts, vault), keys, clock, demo);
    }

    /** Whether this is the demo case's store, whose work is made up (see {@link DemoMarker}). */
    public boolean isDemo() {
        return demo.present();
    }

    DemoMarker demoMarker() {
        return demo;
    }

    public Path dataFolder() {
        return unlocked.dataFolder();
    }

    /**
     * What the reviewer must hear at this unlock, empty when nothing: wrong passphrases tried
     * since the last unlock, a reset attempt counter, an audit chain opened despite not matching
     * the key file's head. Each is also in the audit log.
     */
    public String unlockReport() {
        return unlockReport;
    }

    void reportAtUnlock(String report) {
        this.unlockReport = report;
    }

    /** The reviewer whose passphrase unlocked the store: every change is recorded as theirs. */
    public Reviewer reviewer() {
        return reviewer;
    }

    /** The store's reviewers and their public identities. */
    public ReviewerService reviewers() {
        return reviewers;
    }

    /** The people of other stores this store accepted, each in a role of its choosing. */
    public ContactService contacts() {
        return contacts;
    }

    /** Bundles of cases and footage with their signed work, for contacts: written, checked and merged. */
    public BundleService bundles() {
        return bundles;
    }

    /** Checks the signatures of the work this store records, one piece or all. */
    public WorkSignatures signatures() {
        return new WorkSignatures(database);
    }

    public AuditLog audit() {
        return audit;
    }

    public CaseService cases() {
        return cases;
    }

    public FootageService footage() {
        return footage;
    }

    /** Annotations of this store's footage, with this session's undo history. */
    public AnnotationService annotations() {
        return annotations;
    }

    /** The lists the annotation forms offer. */
    public VocabularyService vocabularies() {
        return vocabularies;
    }

    /** Reports and exports of cases and footage, each recorded in the audit log. */
    public ExportService exports() {
        return exports;
    }

    /** The encrypted vault of this store's footage. */
    public Vault vault() {
        return unlocked.vault();
    }

    /** What the composition root reads this store's footage with while it is unlocked. */
    public UnlockedVault unlockedVault() {
        return unlocked;
    }

    /** The database, for the services of later features (annotations, exports) built on this store. */
    public Database database() {
        return database;
    }

    /**
     * Re-hashes every footage item (of one case, when given), recomputes the audit chain and
     * compares the items, their custody events and annotations with what their last audit
     * entries recorded. Items that fail are marked and logged as they are found.
     */
    public VerificationReport verify(Case only, Progress progress) throws UserFacingException {
        List<Footage> items = only == null ? footage.listAll() : footage.list(only);
        List<String> problems = new ArrayList<>();
        for (Footage item : items) {
            if (progress.cancelled()) {
                throw new CancelledException("Verification cancelled after " + problems.size() + " problems.");
            }
            Footage checked = footage.verify(item.id(), progress);
            if (checked.integrity() == Integrity.FAILED) {
                problems.add("footage " + item.id() + " (" + item.originalName() + "): the vault copy "
                        + item.sha256() + " is missing or no longer matches its SHA-256");
            }
        }
        AuditVerification chain = audit.verify();
        if (!chain.intact()) {
            problems.add(chain.describe());
        } else {
            problems.addAll(new RecordedStateCheck(database, footage, annotations).problems(items));
        }
        return new VerificationReport(items.size(), problems, chain);
    }

    /** Keeps the audit chain's head in the key file in the background; closing the store writes the last one. */
    ChainAnchor chainAnchor() {
        return anchor;
    }

    /** Writes a verified backup folder {@code target}: see {@link Backup}. */
    public void backup(Path target, Progress progress) throws UserFacingException {
        Backup.write(this, target, progress);
    }

    @Override
    public void close() throws StoreException {
        annotations.close();
        signer.close();
        database.close();
    }
}
