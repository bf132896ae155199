package org.frameproof.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Footage;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditedRecordReading;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.exchange.bundle.BundledWork;
import org.frameproof.store.AnnotationRepository;
import org.frameproof.store.BundleRepository;
import org.frameproof.store.Database;
import org.frameproof.store.FootageRepository;
import org.frameproof.store.SearchIndexChanges;

/**
 * Findings in conflict: revisions received in a bundle that change a finding this store changed
 * too since their common revision (docs/decisions/0013-bundles.md). Both are kept until a reviewer
 * keeps one: this store's, or a received revision, which is then applied as its author's audit
 * entry with its signature. The decision is recorded as the reviewer's signed work
 * ({@value #RESOLVE}), whose record is the finding as kept.
 */
final class ConflictResolution {
    static final String RESOLVE = "annotation.resolve";
    /** What {@code --keep} takes to keep this store's revision. */
    static final String KEEP_HERE = "here";

    private final Database database;
    private final BundleStores stores;
    private final Clock clock;

    ConflictResolution(Database database, BundleStores stores, Clock clock) {
        this.database = database;
        this.stores = stores;
        this.clock = clock;
    }

    /** The unresolved received revisions of each finding of {@code ids} in conflict; a finding without any is left out. */
    Map<String, List<BundleService.ConflictRevision>> of(Collection<String> ids) throws UserFacingException {
        return database.transaction(() -> {
            Map<String, List<BundleService.ConflictRevision>> conflicts = new LinkedHashMap<>();
            BundleRepository received = new BundleRepository(database);
            Map<String, String> names = null;
            for (String id : ids) {
                List<BundleService.ConflictRevision> open = new ArrayList<>();
                for (BundleRepository.KeptWork kept : unresolved(received, id)) {
                    if (names == null) {
                        names = signerNames();
                    }
                    open.add(revision(kept, names));
                }
                if (!open.isEmpty()) {
                    conflicts.put(id, open);
                }
            }
            return conflicts;
        });
    }

    private BundleService.ConflictRevision revision(BundleRepository.KeptWork kept, Map<String, String> names)
            throws UserFacingException {
        BundledWork work = BundledWork.decode(kept.work().getBytes(StandardCharsets.UTF_8)).get(0);
        ObjectNode after = work.after() == null ? null : AuditedRecords.asCurrent(work.entity(), work.after());
        // The revision as a finding of this store's footage of the same SHA-256, to set beside this store's.
        Annotation proposed = null;
        if (after != null) {
            Optional<Footage> on = new FootageRepository(database).firstWithSha256(after.path("footageSha256").asText());
            proposed = on.isEmpty() ? null : AuditedRecordReading.annotation(after, on.get().id());
        }
        return new BundleService.ConflictRevision(kept.id(), work.action(), work.actor(), kept.signer(), work.at(),
                after == null ? null : after.path("observation").asText(null), names.get(kept.signer()), proposed);
    }

    /** The names of the reviewers and contacts of this store, by hex fingerprint. */
    private Map<String, String> signerNames() throws UserFacingException {
        Map<String, String> names = new HashMap<>();
        for (ContactService.Contact contact : stores.contacts().list()) {
            names.put(contact.fingerprint().hex(), contact.identity().name());
        }
        for (ReviewerService.Listed reviewer : stores.reviewers().list()) {
            names.put(reviewer.fingerprint().hex(), reviewer.reviewer().name());
        }
        return names;
    }

    /** The ids of every finding in conflict in this store. */
    Set<String> inConflict() throws UserFacingException {
        return database.transaction(() -> new BundleRepository(database).unresolvedEntities("annotation", BundleImport.CONFLICT));
    }

    /**
     * Keeps {@code keep} ({@value #KEEP_HERE}, or the number of a received revision) as the finding
     * {@code id}, ending its conflict; recorded. A finding not in conflict, a revision not among
     * its conflicting ones, or a received revision for a sealed finding (read-only until unsealed)
     * is refused with nothing changed.
     */
    Optional<Annotation> resolve(String id, String keep) throws UserFacingException {
        boolean[] merge = {false};
        Optional<Annotation> kept = database.transaction(() -> {
            BundleRepository received = new BundleRepository(database);
            List<BundleRepository.KeptWork> open = unresolved(received, id);
            if (open.isEmpty()) {
                throw new UserFacingException("Annotation " + id + " is not in conflict.");
            }
            AnnotationRepository annotations = new AnnotationRepository(database);
            Optional<Annotation> before = annotations.findLive(id);
            if (!KEEP_HERE.equals(keep)) {
                if (before.isPresent() && before.get().status().state() == ReviewState.SEALED) {
                    throw new UserFacingException("Annotation " + id + " is sealed: unseal it (with a reason) before keeping"
                            + " a received revision, or keep this store's. Nothing was changed.");
                }
                BundleRepository.KeptWork chosen = open.stream().filter(work -> Long.toString(work.id()).equals(keep.strip()))
                        .findFirst().orElseThrow(() -> new UserFacingException("Revision " + keep + " is not one of the"
                                + " revisions in conflict for annotation " + id + "; keep " + KEEP_HERE + " or one of: "
                                + String.join(", ", open.stream().map(work -> Long.toString(work.id())).toList()) + "."));
                SearchIndexChanges index = new SearchIndexChanges();
                ReceivedRevision.apply(database, stores, BundledWork.decode(chosen.work().getBytes(StandardCharsets.UTF_8)).get(0),
                        index);
                merge[0] = stores.annotations().indexReceived(index);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (BundleRepository.KeptWork work : open) {
                received.resolve(work.id(), stores.reviewer().name(), now);
            }
            Optional<Annotation> after = annotations.findLive(id);
            stores.audit().record(RESOLVE, "annotation", id, AuditedRecords.of(before.orElse(null)),
                    AuditedRecords.of(after.orElse(null)));
            return after;
        });
        stores.annotations().indexSaved(merge[0]);
        return kept;
    }

    private static List<BundleRepository.KeptWork> unresolved(BundleRepository received, String id) throws UserFacingException {
        return received.keptAbout("annotation", id).stream()
                .filter(work -> BundleImport.CONFLICT.equals(work.standing()) && work.resolvedAt() == null).toList();
    }
}
