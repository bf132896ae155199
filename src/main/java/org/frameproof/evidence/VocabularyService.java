package org.frameproof.evidence;

import java.util.List;
import java.util.Locale;
import org.frameproof.domain.Case;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.Vocabulary;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.store.Database;
import org.frameproof.store.VocabularyRepository;

/**
 * The lists the annotation forms offer: defaults seeded by the database migration, and the terms a
 * case added. Adding a term is saved with its audit entry.
 */
public final class VocabularyService {
    private final Database database;
    private final VocabularyRepository terms;
    private final AuditLog audit;

    VocabularyService(Database database, AuditLog audit) {
        this.database = database;
        this.terms = new VocabularyRepository(database);
        this.audit = audit;
    }

    /** The defaults in their seeded order, then the case's own terms in the order they were added. */
    public List<String> terms(Vocabulary vocabulary, Case investigation) throws UserFacingException {
        return database.transaction(() -> terms.terms(vocabulary.name(), investigation.id()));
    }

    /** The seeded defaults alone (for a search across all cases, or no case open). */
    public List<String> defaults(Vocabulary vocabulary) throws UserFacingException {
        return database.transaction(() -> terms.terms(vocabulary.name(), null));
    }

    /**
     * Adds {@code term} (NFC, stripped) to the case's list. A term the list already has (ignoring
     * case) is not added twice; the existing spelling is returned.
     */
    public String addTerm(Vocabulary vocabulary, Case investigation, String term) throws UserFacingException {
        List<String> clean = CleanContent.terms(term == null ? List.of() : List.of(term), "term");
        if (clean.isEmpty()) {
            throw new UserFacingException("A term needs at least one visible character.");
        }
        String added = clean.get(0);
        return database.transaction(() -> {
            for (String existing : terms.terms(vocabulary.name(), investigation.id())) {
                if (existing.toLowerCase(Locale.ROOT).equals(added.toLowerCase(Locale.ROOT))) {
                    return existing;
                }
            }
            long id = terms.add(vocabulary.name(), investigation.id(), added);
            AuditRecord after = AuditRecord.builder().text("vocabulary", vocabulary.code())
                    .number("caseId", investigation.id()).text("term", added).build();
            audit.record("vocabulary.add", "vocabulary_term", Long.toString(id), null, after);
            return added;
        });
    }
}
