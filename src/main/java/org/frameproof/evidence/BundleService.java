package org.frameproof.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.bundle.BundleManifest;
import org.frameproof.store.Database;
import org.frameproof.store.ReviewerKeys;

/**
 * Bundles: a case or a footage item with its signed work, encrypted to named contacts, written,
 * checked and merged without a server (docs/decisions/0013-bundles.md).
 */
public final class BundleService {
    private final BundleStores stores;
    private final BundleExport export;
    private final BundleCheck check;
    private final BundleImport merge;
    private final ConflictResolution conflicts;
    private final DemoMarker demo;

    BundleService(Database database, BundleStores stores, ReviewerKeys keys, Clock clock, DemoMarker demo) {
        this.stores = stores;
        this.demo = demo;
        this.export = new BundleExport(database, stores, keys, clock);
        this.check = new BundleCheck(stores, keys);
        this.merge = new BundleImport(database, stores, check, clock);
        this.conflicts = new ConflictResolution(database, stores, clock);
    }

    /** What a bundle covers: every footage item of the case with this title, or one footage item. */
    public record Scope(String caseTitle, Long footageId) {
        public Scope {
            if ((caseTitle == null) == (footageId == null)) {
                throw new IllegalArgumentException("A bundle covers a case or one footage item");
            }
        }

        String kind() {
            return caseTitle != null ? "case" : "footage";
        }

        /** The case's title, or the footage's SHA-256 (which names it in any store). */
        String name(List<Footage> items) {
            return caseTitle != null ? caseTitle : items.get(0).sha256();
        }
    }

    /** A bundle written: its id, the SHA-256 of the file, its recipients' names, and counts of what it holds. */
    public record Exported(String bundleId, String fileSha256, List<String> recipients, int footage, int originals, int work) {
    }

    /** What a bundle that passed every check brings, for {@code bundle verify} and before an import. */
    public record Contents(String bundleId, String fileSha256, String author, String authorFingerprint, boolean authorKnown,
                           String createdAt, String scope, String since, int footage, int originals, int work,
                           int unverifiedWork, List<String> signers) {
    }

    /**
     * Writes a bundle of {@code scope} encrypted to the contacts named in {@code to} (by the name in
     * their identity or by fingerprint) and to the author; with {@code since} (an earlier bundle by
     * this author), only work recorded after it and footage it did not carry. Refused in the demo
     * store, whose made-up work must never leave as if it were real.
     */
    public Exported export(Scope scope, List<String> to, boolean withFootage, Path since, Path out, Progress progress)
            throws UserFacingException {
        demo.refuseIn("sending a bundle");
        if (to.isEmpty()) {
            throw new UserFacingException("Name at least one contact to send the bundle to (--to).");
        }
        List<ContactService.Contact> contacts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String named : to) {
            ContactService.Contact contact = stores.contacts().named(named);
            contacts.add(contact);
            names.add(contact.identity().name());
        }
        BundleManifest base = since == null ? null : check.check(since, BundleService::skip).manifest();
        BundleExport.Written written = export.write(scope, contacts, withFootage, base, out, progress);
        return new Exported(written.manifest().bundleId(), written.fileSha256(), names, written.footage(),
                written.originals(), written.work());
    }

    /**
     * What an import did, or with a dry run would do: what the bundle brings, whether it was imported
     * before (then nothing changed), counts of each kind of change, and one line per change.
     */
    public record Imported(Contents contents, boolean alreadyImported, int newFootage, int newFindings, int changedFindings,
                           int reviews, int known, int unverified, int notAccepted, int conflicts, List<String> changes) {
    }

    /**
     * Imports {@code file}: checks everything before the store is touched, then merges it in one
     * transaction (see {@link BundleImport}); with {@code dryRun}, only says what it would change.
     * Refused in the demo store, which takes no real work.
     */
    public Imported importBundle(Path file, boolean dryRun, Progress progress) throws UserFacingException {
        demo.refuseIn("receiving a bundle");
        return merge.run(file, dryRun, null, progress);
    }

    /**
     * Merges {@code file} as {@link #importBundle} does, only if it is still the file whose dry run
     * the reviewer saw ({@code previewedSha256}): a file replaced since is refused before the store
     * is touched, so what is merged is what was shown.
     */
    public Imported importPreviewed(Path file, String previewedSha256, Progress progress) throws UserFacingException {
        demo.refuseIn("receiving a bundle");
        return merge.run(file, false, previewedSha256, progress);
    }

    /**
     * A received revision of a finding in conflict: its number (what {@code --keep} takes), what it
     * did, the actor its author's store recorded, the signer's hex fingerprint, when, and its observation.
     *
     * @param signerName the signer's name as this store knows them (a reviewer or contact), or null
     * @param proposed the finding as the revision would leave it, on this store's footage; null when it deletes it
     */
    public record ConflictRevision(long revision, String action, String actor, String signer, Instant at, String observation,
                                   String signerName, Annotation proposed) {
    }

    /** The received revisions each of the findings {@code ids} is in conflict with; findings not in conflict are left out. */
    public Map<String, List<ConflictRevision>> conflicts(Collection<String> ids) throws UserFacingException {
        return conflicts.of(ids);
    }

    /** The ids of every finding in conflict in this store (with revisions received that no one resolved yet). */
    public Set<String> inConflict() throws UserFacingException {
        return conflicts.inConflict();
    }

    /**
     * Ends the conflict of finding {@code id} by keeping {@code keep}: "here" (this store's revision)
     * or the number of a received revision, which is then applied with its author's signature.
     *
     * @return the finding as kept (empty when the kept revision deleted it)
     */
    public Optional<Annotation> resolve(String id, String keep) throws UserFacingException {
        return conflicts.resolve(id, keep);
    }

    /** Checks {@code file} whole without keeping anything of it: see {@link BundleCheck}. */
    public Contents verify(Path file) throws UserFacingException {
        return check.check(file, BundleService::skip).contents();
    }

    /** Reads a footage original to its end, only to hash it. */
    private static void skip(String sha256, long size, InputStream content) throws IOException {
        content.transferTo(OutputStream.nullOutputStream());
    }
}
