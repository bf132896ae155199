package org.frameproof.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.ReviewRules;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.evidence.audit.AuditedRecordReading;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.exchange.bundle.BundleManifest;
import org.frameproof.exchange.bundle.BundledWork;
import org.frameproof.store.AnnotationRepository;
import org.frameproof.store.BundleRepository;
import org.frameproof.store.CaseRepository;
import org.frameproof.store.Database;
import org.frameproof.store.FootageRepository;
import org.frameproof.store.SearchIndexChanges;

/**
 * Merges a bundle into the store (docs/decisions/0013-bundles.md): everything is checked first
 * ({@link BundleCheck}), footage originals streamed into the vault's incoming area meanwhile; only
 * then, in one transaction, new footage is recorded with the sender's provenance and custody, and
 * each piece of work is applied as its author's store recorded it (its audit entry and signature
 * kept as they were), kept apart (unverified, a review by someone not accepted for it, footage
 * work), recognised as known, or kept as a conflict. The import itself is recorded with the bundle's
 * hash, its sender and what it changed. A dry run does the same and rolls it back.
 */
final class BundleImport {
    static final String UNVERIFIED = "unverified";
    static final String NOT_ACCEPTED = "not accepted";
    static final String CONFLICT = "conflict";
    private static final String FOOTAGE_WORK = "footage";
    private static final Set<String> REVIEWS = Set.of("annotation.confirm", "annotation.reject", "annotation.unreview");

    private final Database database;
    private final BundleStores stores;
    private final BundleCheck check;
    private final Clock clock;

    BundleImport(Database database, BundleStores stores, BundleCheck check, Clock clock) {
        this.database = database;
        this.stores = stores;
        this.check = check;
        this.clock = clock;
    }

    /**
     * What the import did (or, for a dry run, would do), with one line per change for the reviewer.
     *
     * @param expectedSha256 the SHA-256 the file must have (the one a preview showed), or null for any
     */
    BundleService.Imported run(Path file, boolean dryRun, String expectedSha256, Progress progress) throws UserFacingException {
        Map<String, Vault.StagedCopy> staged = new LinkedHashMap<>();
        List<String> placed = new ArrayList<>();
        try {
            BundleCheck.Checked checked = check.check(file, (sha256, size, content) -> {
                if (dryRun || inVault(sha256)) {
                    readThrough(content, size, "footage " + sha256.substring(0, 12), progress);
                } else {
                    staged.put(sha256, stores.vault().stage(content, size, "footage " + sha256.substring(0, 12), progress));
                }
            });
            if (expectedSha256 != null && !expectedSha256.equals(checked.fileSha256())) {
                throw new UserFacingException("The bundle " + file.getFileName() + " changed after its preview was shown;"
                        + " nothing of it was merged. Choose it again to see what it holds now.");
            }
            Optional<BundleRepository.Receipt> receipt = database.transaction(
                    () -> new BundleRepository(database).receipt(checked.manifest().bundleId()));
            if (receipt.isPresent()) {
                return new BundleService.Imported(checked.contents(), true, 0, 0, 0, 0, 0, 0, 0, 0, List.of("Already imported on "
                        + receipt.get().receivedAt() + " by " + receipt.get().receivedBy() + "; nothing changed."));
            }
            if (dryRun) {
                Counts[] rehearsed = new Counts[1];
                database.rehearse(() -> rehearsed[0] = merge(checked));
                return rehearsed[0].imported(checked);
            }
            for (Map.Entry<String, Vault.StagedCopy> copy : staged.entrySet()) {
                if (stores.vault().keep(copy.getValue(), "footage " + copy.getKey().substring(0, 12), progress) == Vault.Kept.NEW) {
                    placed.add(copy.getKey());
                }
            }
            staged.clear();
            Counts merged = database.transaction(() -> merge(checked));
            stores.annotations().indexSaved(merged.mergeIndex);
            placed.clear();
            return merged.imported(checked);
        } catch (CancelledException e) {
            throw new CancelledException("Cancelled: nothing of the bundle was kept, and the store is as it was.");
        } finally {
            staged.values().forEach(copy -> stores.vault().discard(copy.file()));
            placed.forEach(sha256 -> stores.vault().removeUnrecorded(sha256));
        }
    }

    /** Reads an original through without keeping it (a dry run, footage held already), saying how far and stopping when cancelled. */
    private static void readThrough(InputStream content, long size, String item, Progress progress)
            throws IOException, CancelledException {
        byte[] buffer = new byte[HashingCopier.BUFFER_BYTES];
        long done = 0;
        for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
            done += read;
            progress.update(item, done, size);
            if (progress.cancelled()) {
                throw new CancelledException("Cancelled: " + item);
            }
        }
    }

    private boolean inVault(String sha256) throws UserFacingException {
        return Files.exists(stores.vault().encryptedFile(sha256), LinkOption.NOFOLLOW_LINKS)
                && database.transaction(() -> new FootageRepository(database).firstWithSha256(sha256)).isPresent();
    }

    /** The merge, inside one transaction. */
    private Counts merge(BundleCheck.Checked bundle) throws UserFacingException {
        Counts counts = new Counts();
        BundleManifest manifest = bundle.manifest();
        BundleCheck.WorkSigner author = bundle.author();
        String sender = (author.name() == null ? "an unknown key" : author.name()) + " (" + author.fingerprint().digits() + ")";
        receiveFootage(bundle, sender, counts);
        BundleRepository received = new BundleRepository(database);
        AnnotationRepository annotations = new AnnotationRepository(database);
        Set<String> conflicted = new HashSet<>();
        for (BundledWork piece : bundle.work()) {
            if (received.knows(piece.signature())) {
                counts.known++;
                continue;
            }
            BundleCheck.WorkSigner signer = bundle.signers().get(piece.signer());
            String by = (signer.name() == null ? "an unknown key" : signer.name()) + " (" + signer.fingerprint().digits() + ")";
            if (FOOTAGE_WORK.equals(piece.entity())) {
                keep(counts, manifest, piece, FOOTAGE_WORK);
                continue;
            }
            ObjectNode before = fields(piece.entity(), piece.before());
            ObjectNode after = fields(piece.entity(), piece.after());
            if (!signer.known()) {
                keep(counts, manifest, piece, UNVERIFIED);
                counts.unverified++;
                counts.changes.add("UNVERIFIED, kept apart: " + piece.action() + " of finding " + piece.entityId() + " by " + by
                        + ", who is not a contact here");
                continue;
            }
            Role reviewing = ReviewRules.reviewingRole(kindOf(after, before));
            if (REVIEWS.contains(piece.action()) && signer.acceptedRole() != reviewing) {
                keep(counts, manifest, piece, NOT_ACCEPTED);
                counts.notAccepted++;
                counts.changes.add("NOT COUNTED, kept apart: " + piece.action() + " of finding " + piece.entityId() + " by " + by
                        + ", accepted here as " + signer.acceptedRole().label() + ", not as " + reviewing.label());
                continue;
            }
            Optional<Annotation> live = annotations.findLive(piece.entityId());
            ObjectNode current = live.isPresent() ? AuditedRecords.of(live.get()).fields() : null;
            boolean inConflict = conflicted.contains(piece.entityId()) || received.keptAbout("annotation", piece.entityId())
                    .stream().anyMatch(kept -> CONFLICT.equals(kept.standing()) && kept.resolvedAt() == null);
            if (!inConflict && sameContent(before, current)) {
                apply(piece, by, counts);
            } else if (!inConflict && sameContent(after, current)) {
                counts.known++;
            } else {
                keep(counts, manifest, piece, CONFLICT);
                conflicted.add(piece.entityId());
                counts.conflicts++;
                counts.changes.add("CONFLICT: finding " + piece.entityId() + " was changed here and by " + by
                        + " since their common revision; both kept until a reviewer resolves it");
            }
        }
        counts.mergeIndex = stores.annotations().indexReceived(counts.index);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long sequence = stores.audit().record("bundle.import", "bundle", manifest.bundleId(), null, AuditRecord.builder()
                .text("bundleId", manifest.bundleId()).text("sha256", bundle.fileSha256()).text("author", manifest.author())
                .text("authorName", author.name()).text("scope", manifest.scope()).text("scopeName", manifest.scopeName())
                .number("newFootage", counts.newFootage).number("newFindings", counts.newFindings)
                .number("changedFindings", counts.changedFindings).number("reviews", counts.reviews)
                .number("known", counts.known).number("unverified", counts.unverified)
                .number("notAccepted", counts.notAccepted).number("conflicts", counts.conflicts).build()).sequence();
        received.insert(new BundleRepository.Receipt(manifest.bundleId(), bundle.fileSha256(), manifest.author(),
                stores.reviewer().name(), now, sequence));
        for (BundleRepository.KeptWork kept : counts.keptApart) {
            received.keep(kept);
        }
        return counts;
    }

    /** Records each footage item this store does not hold yet (by SHA-256) from the sender's record. */
    private void receiveFootage(BundleCheck.Checked bundle, String sender, Counts counts) throws UserFacingException {
        FootageRepository repository = new FootageRepository(database);
        Case target = null;
        for (BundleCheck.FootageLine line : bundle.footage()) {
            if (repository.firstWithSha256(line.sha256()).isPresent()) {
                continue;
            }
            if (!Files.exists(stores.vault().encryptedFile(line.sha256()), LinkOption.NOFOLLOW_LINKS) && !line.original()) {
                throw new UserFacingException("The bundle does not carry footage " + line.sha256() + ", and this store does not"
                        + " hold it: ask for a bundle with the footage. Nothing was imported.");
            }
            target = target != null ? target : caseFor(bundle.manifest(), sender);
            List<String> custody = new ArrayList<>();
            for (JsonNode event : line.custody()) {
                custody.add(event.path("occurredAt").asText() + ", " + event.path("actor").asText() + " ("
                        + event.path("role").asText() + "): " + event.path("kind").asText() + ", " + event.path("details").asText());
            }
            Footage created = stores.footage().receive(target, AuditedRecordReading.footage(line.record(), target.id()),
                    "in bundle " + bundle.manifest().bundleId() + " (file SHA-256 " + bundle.fileSha256() + ") from " + sender,
                    custody);
            counts.newFootage++;
            // Named by its hash, not its number here: a dry run's numbers are used up by its rollback, not kept.
            counts.changes.add("new footage " + created.originalName() + " (SHA-256 " + created.sha256().substring(0, 12) + "…)"
                    + (created.flaggedGraphic() ? " (graphic: stays veiled)" : ""));
        }
    }

    /** The case a bundle's footage goes into: the case of that title, made now if this store has none. */
    private Case caseFor(BundleManifest manifest, String sender) throws UserFacingException {
        String title = "case".equals(manifest.scope()) ? manifest.scopeName() : "Received from " + sender;
        Optional<Case> existing = new CaseRepository(database).findByTitle(title);
        return existing.isPresent() ? existing.get() : stores.cases().createCase(title, "Received in bundle " + manifest.bundleId());
    }

    /** Applies the work as its author's store recorded it, and says what it changed. */
    private void apply(BundledWork piece, String by, Counts counts) throws UserFacingException {
        ReceivedRevision.apply(database, stores, piece, counts.index);
        String what = piece.action().substring("annotation.".length()) + " of finding " + piece.entityId() + " by " + by;
        if (piece.before() == null) {
            counts.newFindings++;
            counts.changes.add("new finding " + piece.entityId() + " by " + by);
        } else if (REVIEWS.contains(piece.action())) {
            counts.reviews++;
            counts.changes.add(what);
        } else {
            counts.changedFindings++;
            counts.changes.add(what);
        }
    }

    /** Keeps {@code piece} apart, once the bundle's receipt is written. */
    private static void keep(Counts counts, BundleManifest manifest, BundledWork piece, String standing) {
        counts.keptApart.add(new BundleRepository.KeptWork(0, manifest.bundleId(), standing, piece.entity(), piece.entityId(),
                new String(BundledWork.encode(List.of(piece)), StandardCharsets.UTF_8).strip(),
                piece.signer(), piece.signature(), null, null));
    }

    private static AnnotationKind kindOf(ObjectNode after, ObjectNode before) throws UserFacingException {
        ObjectNode record = after != null ? after : before;
        return AnnotationKind.parse(record == null ? null : record.path("kind").asText());
    }

    /** Whether two records of a finding say the same, the footage's number aside (each store numbers its own). */
    static boolean sameContent(ObjectNode a, ObjectNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        ObjectNode left = a.deepCopy();
        ObjectNode right = b.deepCopy();
        left.remove(AuditedRecordReading.FOOTAGE_NUMBER);
        right.remove(AuditedRecordReading.FOOTAGE_NUMBER);
        return left.equals(right);
    }

    /** A record as carried, in the current version's names, so that it compares with this store's records. */
    private static ObjectNode fields(String entity, String stored) throws UserFacingException {
        return stored == null ? null : AuditedRecords.asCurrent(entity, stored);
    }

    /** What the merge did so far. */
    private static final class Counts {
        int newFootage;
        int newFindings;
        int changedFindings;
        int reviews;
        int known;
        int unverified;
        int notAccepted;
        int conflicts;
        boolean mergeIndex;
        /** The search words' changes of every revision applied, recorded once at the end of the merge. */
        final SearchIndexChanges index = new SearchIndexChanges();
        final List<String> changes = new ArrayList<>();
        final List<BundleRepository.KeptWork> keptApart = new ArrayList<>();

        BundleService.Imported imported(BundleCheck.Checked bundle) {
            return new BundleService.Imported(bundle.contents(), false, newFootage, newFindings, changedFindings, reviews, known,
                    unverified, notAccepted, conflicts, changes);
        }
    }
}
