package org.frameproof.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.frameproof.domain.Case;
import org.frameproof.domain.CustodyEvent;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VerificationBasis;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaSource;
import org.frameproof.store.CustodyRepository;
import org.frameproof.store.Database;
import org.frameproof.store.FootageRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Footage: import into the vault with its records, review status, and integrity checks. Every
 * change is saved with its custody events and audit entries in one transaction.
 */
public final class FootageService {
    private static final Logger LOG = LoggerFactory.getLogger(FootageService.class);

    private final Path dataFolder;
    private final Database database;
    private final FootageRepository footage;
    private final CustodyRepository custody;
    private final AuditLog audit;
    private final Vault vault;
    private final MediaAnalyzer analyzer;
    private final Reviewer reviewer;
    private final ImportStamp stamp;
    private final Clock clock;

    /** @param analyzer probes each file before it is accepted as footage */
    public FootageService(Path dataFolder, Database database, AuditLog audit, Vault vault, MediaAnalyzer analyzer,
                          Reviewer reviewer, ImportStamp stamp, Clock clock) {
        this.dataFolder = dataFolder;
        this.database = database;
        this.footage = new FootageRepository(database);
        this.custody = new CustodyRepository(database);
        this.audit = audit;
        this.vault = vault;
        this.analyzer = analyzer;
        this.reviewer = reviewer;
        this.stamp = stamp;
        this.clock = clock;
    }

    /**
     * Imports files (folders: every file inside, in name order, links inside them not followed)
     * into {@code target}. Each file is whole or absent: a refused file leaves nothing; a cancel
     * removes the file being copied and stops, keeping the files finished before it. The data
     * folder, or anything in it, is refused before any of it is read.
     */
    public List<ImportResult> importFiles(Case target, List<Path> files, Provenance provenance, Progress progress)
            throws UserFacingException {
        List<ImportResult> results = new ArrayList<>();
        importFiles(target, files, provenance, false, progress, results::add);
        return results;
    }

    /**
     * As {@link #importFiles(Case, List, Provenance, Progress)}, handing each file's result to
     * {@code done} as soon as it is saved, so a screen can say what was kept before a cancel.
     */
    public void importFiles(Case target, List<Path> files, Provenance provenance, Progress progress,
                            Consumer<ImportResult> done) throws UserFacingException {
        importFiles(target, files, provenance, false, progress, done);
    }

    /** As {@link #importFiles(Case, List, Provenance, Progress, Consumer)}; {@code followLinks} follows links inside folders. */
    public void importFiles(Case target, List<Path> files, Provenance provenance, boolean followLinks, Progress progress,
                            Consumer<ImportResult> done) throws UserFacingException {
        for (ImportSources.Source source : new ImportSources(dataFolder, followLinks).expand(files)) {
            done.accept(source.refusal() != null ? ImportResult.refused(source.file(), source.refusal())
                    : importFile(target, source.file(), provenance, progress));
        }
    }

    /**
     * The facts of a playable video, or a reason in the reviewer's words ("not a video",
     * "truncated: no frames could be read") for anything else. The analyzer's messages begin with
     * the file's name ("clip.mp4: not a video"); the import's result names the file already, so
     * the reason is given without it.
     */
    private MediaFacts facts(Path file) throws UserFacingException {
        try {
            return analyzer.analyze(MediaSource.of(file), progress -> { }, () -> false).facts();
        } catch (UserFacingException e) {
            String prefix = file.getFileName() + ": ";
            String message = e.getMessage();
            throw new UserFacingException(message.startsWith(prefix) ? message.substring(prefix.length()) : message, e);
        }
    }

    private ImportResult importFile(Case target, Path file, Provenance provenance, Progress progress) throws UserFacingException {
        if (!Files.isRegularFile(file)) {
            return ImportResult.refused(file, "not a file that can be read");
        }
        String item = file.getFileName().toString();
        SourceSnapshot before = SourceSnapshot.of(file);
        Vault.StagedCopy staged;
        try {
            staged = vault.stage(file, item, progress);
        } catch (UserFacingException e) {
            // A file that grew or shrank while it was read is this file's refusal, not the whole import's failure.
            if (!(e.getCause() instanceof SourceChangedException)) {
                throw e;
            }
            LOG.info("A file was refused at import; nothing of it was kept", e);
            return ImportResult.refused(file, before.changedWhileCopied().getMessage());
        }
        MediaFacts facts;
        Path probed = null;
        try {
            before.checkUnchanged(staged.hashes(), item, progress);
            probed = vault.linkForProbe(file);
            facts = facts(probed);
            if (progress.cancelled()) {
                throw new CancelledException("Cancelled: " + item);
            }
        } catch (CancelledException e) {
            vault.discard(staged.file());
            throw e;
        } catch (UserFacingException e) {
            LOG.info("A file was refused at import; nothing of it was kept", e);
            vault.discard(staged.file());
            return ImportResult.refused(file, e.getMessage());
        } finally {
            if (probed != null) {
                vault.discard(probed);
            }
        }
        Hashes hashes = staged.hashes();
        Vault.Kept kept = vault.keep(staged, item, progress);
        try {
            return database.transaction(() -> record(target, file, provenance, hashes, facts, kept));
        } catch (UserFacingException | RuntimeException e) {
            if (kept == Vault.Kept.NEW) {
                vault.removeUnrecorded(hashes.sha256());
            }
            throw e;
        }
    }

    private ImportResult record(Case target, Path file, Provenance provenance, Hashes hashes, MediaFacts facts,
                                Vault.Kept kept) throws UserFacingException {
        Instant now = now();
        Footage first = footage.firstWithSha256(hashes.sha256()).orElse(null);
        Footage created = footage.insert(new Footage(0, target.id(), hashes.sha256(), hashes.md5(), hashes.size(),
                file.getFileName().toString(), file.toAbsolutePath().toString(), reviewer, now, stamp.machine(),
                stamp.appVersion(), facts, provenance, FootageStatus.UNVERIFIED, "", first == null ? null : first.id(),
                Integrity.INTACT, now, null));
        audit.record("footage.import", "footage", Long.toString(created.id()), null, AuditedRecords.of(created));
        addCustody(created.id(), now, "imported", "SHA-256 " + hashes.sha256() + ", MD5 " + hashes.md5() + ", "
                + hashes.size() + " bytes, copied and re-hashed on " + stamp.machine());
        if (first != null) {
            addCustody(created.id(), now, "duplicate", "same content as footage " + first.id());
        }
        if (kept == Vault.Kept.REPLACED_DAMAGED) {
            // Recorded against the vault file, not the footage row: the row itself did not change.
            audit.record("vault.replace", "vault", hashes.sha256(), null, AuditRecord.builder().text("sha256", hashes.sha256())
                    .number("footage", created.id()).text("reason", "the vault copy did not match its SHA-256").build());
            addCustody(created.id(), now, "vault copy replaced", "the vault's copy of SHA-256 " + hashes.sha256()
                    + " no longer matched it and was replaced by this import's verified copy");
        }
        return new ImportResult(file, first == null ? ImportResult.Outcome.IMPORTED : ImportResult.Outcome.DUPLICATE, created, null);
    }

    /**
     * Records footage received in a bundle, whose original the vault holds already, as a new item of
     * {@code target} with the sender's record (provenance, graphic flag, status), inside the caller's
     * transaction. Its custody says where it came from ({@code receipt}) and carries the sender's
     * custody events, each as one line.
     */
    Footage receive(Case target, Footage received, String receipt, List<String> senderCustody) throws UserFacingException {
        Instant now = now();
        Footage first = footage.firstWithSha256(received.sha256()).orElse(null);
        Footage created = footage.insert(new Footage(0, target.id(), received.sha256(), received.md5(), received.sizeBytes(),
                received.originalName(), received.originalPath(), received.importedBy(), received.importedAt(),
                received.machine(), received.appVersion(), received.mediaFacts(), received.provenance(), received.status(),
                received.statusReason(), first == null ? null : first.id(), received.integrity(),
                received.integrityCheckedAt(), received.basis()));
        audit.record("footage.receive", "footage", Long.toString(created.id()), null, AuditedRecords.of(created));
        addCustody(created.id(), now, "received", receipt);
        for (String event : senderCustody) {
            addCustody(created.id(), now, "custody before receipt", event);
        }
        return created;
    }

    public List<Footage> list(Case owner) throws UserFacingException {
        return database.transaction(() -> footage.listByCase(owner.id()));
    }

    public List<Footage> listAll() throws UserFacingException {
        return database.transaction(footage::listAll);
    }

    public Footage require(long id) throws UserFacingException {
        return database.transaction(() -> footage.findById(id)
                .orElseThrow(() -> new UserFacingException("There is no footage item " + id + ".")));
    }

    public List<CustodyEvent> custody(long footageId) throws UserFacingException {
        return database.transaction(() -> custody.listByFootage(footageId));
    }

    /**
     * Sets the review status. Footage is never deleted: {@link FootageStatus#WITHDRAWN} takes its
     * place, and like every status but verified it needs a reason.
     */
    public Footage setStatus(long id, FootageStatus status, String reason) throws UserFacingException {
        if (status == FootageStatus.VERIFIED) {
            throw new UserFacingException("Footage is verified with its basis: say how its source, date and place were"
                    + " established.");
        }
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.isEmpty()) {
            throw new UserFacingException("Say why the footage is " + status.label() + ": a reason is required.");
        }
        return changeStatus(id, status, cleanReason, null);
    }

    /**
     * Marks the footage verified on {@code basis}: how its source, its date and its place were
     * established, each required. Signed like every status change (the basis is in the record).
     */
    public Footage verify(long id, VerificationBasis basis, String reason) throws UserFacingException {
        VerificationBasis clean = new VerificationBasis(basisPart(basis.source(), "source"),
                basisPart(basis.date(), "date"), basisPart(basis.place(), "place"));
        return changeStatus(id, FootageStatus.VERIFIED, reason == null ? "" : reason.strip(), clean);
    }

    private static String basisPart(String text, String what) throws UserFacingException {
        String clean = CleanContent.field(text, "How the " + what + " was established");
        if (clean == null) {
            throw new UserFacingException("Say how the footage's " + what + " was established: verified footage states"
                    + " its source, date and place.");
        }
        return clean;
    }

    private Footage changeStatus(long id, FootageStatus status, String reason, VerificationBasis basis)
            throws UserFacingException {
        return database.transaction(() -> {
            Footage before = require(id);
            footage.updateStatus(id, status, reason, basis);
            Footage after = require(id);
            audit.record("footage.status", "footage", Long.toString(id), AuditedRecords.of(before), AuditedRecords.of(after));
            addCustody(id, now(), "status", status.label() + ": " + (basis == null ? reason : basis.describe()
                    + (reason.isEmpty() ? "" : "; " + reason)));
            return after;
        });
    }

    /**
     * Records where the footage came from and how sensitive it is, with its audit entry and a
     * custody event in the same transaction.
     */
    public Footage updateProvenance(long id, Provenance provenance) throws UserFacingException {
        Provenance clean = new Provenance(blankToNull(provenance.sourceUrl()), blankToNull(provenance.platform()),
                blankToNull(provenance.poster()), provenance.firstSeenAt(), blankToNull(provenance.firstSeenBasis()),
                provenance.graphicViolence(), provenance.identifiablePeople());
        return database.transaction(() -> {
            Footage before = require(id);
            if (before.provenance().equals(clean)) {
                return before;
            }
            footage.updateProvenance(id, clean);
            Footage after = require(id);
            audit.record("footage.provenance", "footage", Long.toString(id), AuditedRecords.of(before), AuditedRecords.of(after));
            addCustody(id, now(), "provenance", "provenance recorded by " + reviewer.name());
            return after;
        });
    }

    /** What a re-hash found: the item as now recorded, and the SHA-256 its vault copy reads as. */
    public record Check(Footage footage, String actualSha256) {
        public boolean intact() {
            return footage.integrity() == Integrity.INTACT;
        }
    }

    /**
     * Re-hashes the vault copy. A mismatch (or a missing copy) marks the item as failed
     * verification and records it in the custody chain and the audit log.
     */
    public Footage verify(long id, Progress progress) throws UserFacingException {
        return check(id, progress).footage();
    }

    /** As {@link #verify}, also giving the hash the vault copy reads as, for the reviewer's warning. */
    public Check check(long id, Progress progress) throws UserFacingException {
        Footage item = require(id);
        Hashes now = vault.rehash(item.sha256(), item.originalName(), progress);
        boolean intact = now.sha256().equals(item.sha256());
        Footage checked = database.transaction(() -> {
            Instant checkedAt = now();
            Integrity integrity = intact ? Integrity.INTACT : Integrity.FAILED;
            footage.updateIntegrity(id, integrity, checkedAt);
            Footage after = require(id);
            if (integrity != item.integrity()) {
                audit.record("footage.integrity", "footage", Long.toString(id), AuditedRecords.of(item), AuditedRecords.of(after));
            }
            addCustody(id, checkedAt, intact ? "verified" : "verification failed",
                    intact ? "vault copy matches SHA-256 " + item.sha256()
                            : "vault copy reads as " + now.sha256() + ", expected " + item.sha256());
            return after;
        });
        return new Check(checked, now.sha256());
    }

    private void addCustody(long footageId, Instant at, String kind, String details) throws UserFacingException {
        CustodyEvent event = custody.insert(footageId, at, reviewer, kind, details);
        audit.record("custody.add", "custody_event", Long.toString(event.id()), null, AuditedRecords.of(event));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
