package org.frameproof.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.CustodyEvent;
import org.frameproof.domain.Footage;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.evidence.audit.AuditedRecordReading;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.Database;
import org.frameproof.store.StoredMediaFacts;

/**
 * Compares each live annotation, footage and custody row with the state its newest audit entry
 * recorded (every change writes the whole record into its entry's after-state), and names every
 * row that differs: a row edited with SQL, written without an entry, or alive after its entry
 * deleted it. Only as strong as the chain: run it on a chain that verified.
 */
final class RecordedStateCheck {
    /**
     * Footage fields that change without an audit entry: each re-hash stamps its time on the row
     * (and records a custody event), while an entry is written only when the outcome changes.
     */
    private static final Set<String> UNAUDITED_FOOTAGE_FIELDS = Set.of("integrityCheckedAt");
    private static final String MEDIA_FACTS = "mediaFacts";

    private final Database database;
    private final AuditRepository entries;
    private final FootageService footage;
    private final AnnotationService annotations;

    RecordedStateCheck(Database database, FootageService footage, AnnotationService annotations) {
        this.database = database;
        this.entries = new AuditRepository(database);
        this.footage = footage;
        this.annotations = annotations;
    }

    /** One line per row that differs from its last audit entry, for the footage {@code items}, their custody and annotations. */
    List<String> problems(List<Footage> items) throws UserFacingException {
        List<String> problems = new ArrayList<>();
        for (Footage listed : items) {
            Footage item = footage.require(listed.id()); // as it is now: a re-hash may have just changed it
            compare("footage", Long.toString(item.id()), AuditedRecords.of(item), UNAUDITED_FOOTAGE_FIELDS).ifPresent(problems::add);
            for (CustodyEvent event : footage.custody(item.id())) {
                compare("custody_event", Long.toString(event.id()), AuditedRecords.of(event), Set.of()).ifPresent(problems::add);
            }
            for (Annotation annotation : annotations.list(AnnotationQuery.footage(item.id()))) {
                // A finding received in a bundle keeps the footage number of the store that wrote it; the
                // footage's SHA-256, compared here and with the footage it is on, names it in every store.
                if (!annotation.footageSha256().equals(item.sha256())) {
                    problems.add("annotation " + annotation.id() + " is on footage " + item.id() + " but names other footage"
                            + " by its SHA-256: it was changed outside Frameproof");
                }
                compare("annotation", annotation.id(), AuditedRecords.of(annotation), Set.of(AuditedRecordReading.FOOTAGE_NUMBER))
                        .ifPresent(problems::add);
            }
        }
        return problems;
    }

    private Optional<String> compare(String entityType, String id, AuditRecord live, Set<String> ignored) throws UserFacingException {
        String row = entityType.replace('_', ' ') + " " + id;
        Optional<AuditEntry> last = database.transaction(() -> entries.lastAbout(entityType, id));
        if (last.isEmpty()) {
            return Optional.of(row + " has no audit entry: it was written outside Frameproof");
        }
        AuditEntry entry = last.get();
        if (entry.afterJson() == null) {
            return Optional.of(row + " is live, but its last audit entry (" + entry.sequence() + ") removed it");
        }
        // Both sides as read back from an entry, in the current version's names, so that numbers compare alike.
        ObjectNode recorded = AuditedRecords.asCurrent(entityType, entry.afterJson());
        ObjectNode now = live.fields();
        recorded.remove(ignored);
        now.remove(ignored);
        MediaFacts facts = recorded.get(MEDIA_FACTS) instanceof TextNode text ? StoredMediaFacts.read(text.textValue()) : null;
        if (facts != null) {
            // As the store writes the facts now: a row imported by an earlier version may lack a field added since.
            recorded.put(MEDIA_FACTS, StoredMediaFacts.write(facts));
        }
        Set<String> differing = new TreeSet<>();
        recorded.fieldNames().forEachRemaining(differing::add);
        now.fieldNames().forEachRemaining(differing::add);
        differing.removeIf(field -> recorded.path(field).equals(now.path(field)));
        return differing.isEmpty() ? Optional.empty() : Optional.of(row + " differs from its last audit entry ("
                + entry.sequence() + ") in " + String.join(", ", differing) + ": it was changed outside Frameproof");
    }
}
