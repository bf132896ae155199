package org.frameproof.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditedRecordReading;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.exchange.bundle.BundledWork;
import org.frameproof.store.Database;
import org.frameproof.store.FootageRepository;
import org.frameproof.store.SearchIndexChanges;
import org.frameproof.store.SignatureRepository;

/**
 * Applies a finding's revision received in a bundle as its author's store recorded it: the finding's
 * row from the revision's record (on this store's footage of the same SHA-256), and the author's audit
 * entry (time, actor, records as stored) with their signature (docs/decisions/0013-bundles.md).
 */
final class ReceivedRevision {
    private ReceivedRevision() {
    }

    /**
     * Applies {@code work} inside the caller's transaction, its search words' changes going to
     * {@code index} (which the caller records once, see {@link AnnotationService#indexReceived}).
     */
    static void apply(Database database, BundleStores stores, BundledWork work, SearchIndexChanges index)
            throws UserFacingException {
        Annotation annotation = null;
        if (work.after() != null) {
            // An entry of an earlier encoding reads in the current names, as this store's own earlier entries do.
            ObjectNode after = AuditedRecords.asCurrent(work.entity(), work.after());
            if (!work.entityId().equals(after.path("id").asText())) {
                throw new UserFacingException("A revision received names finding " + work.entityId() + " but holds another."
                        + " Nothing was changed.");
            }
            String sha256 = after.path("footageSha256").asText();
            long footageId = new FootageRepository(database).firstWithSha256(sha256).map(Footage::id).orElseThrow(() ->
                    new UserFacingException("A finding received is on footage " + sha256 + ", which this store does not"
                            + " hold. Nothing was changed."));
            annotation = AuditedRecordReading.annotation(after, footageId);
        }
        stores.annotations().writeReceived(work.entityId(), annotation, work.at(), index);
        stores.audit().appendReceived(work.at(), work.actor(), Role.valueOf(work.role()), work.action(), work.entity(),
                work.entityId(), work.before(), work.after(), new SignatureRepository.Row(0, work.signer(), work.signature()));
    }
}
