package org.frameproof.evidence;

import java.util.List;
import org.frameproof.domain.Case;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.Vocabulary;

/**
 * The lists the annotation forms offer: defaults seeded by the database migration, and the terms a
 * case added. Adding a term is saved with its audit entry.
 */
public final class VocabularyService {
    VocabularyService() {
    }

    /** The defaults in their seeded order, then the case's own terms in the order they were added. */
    public List<String> terms(Vocabulary vocabulary, Case investigation) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** The seeded defaults alone (for a search across all cases, or no case open). */
    public List<String> defaults(Vocabulary vocabulary) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Adds {@code term} (NFC, stripped) to the case's list. A term the list already has (ignoring
     * case) is not added twice; the existing spelling is returned.
     */
    public String addTerm(Vocabulary vocabulary, Case investigation, String term) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }
}
