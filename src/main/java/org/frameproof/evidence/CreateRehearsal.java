package org.frameproof.evidence;

import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.Database;

/**
 * Goes through a create of an empty annotation of each kind on a footage item without keeping
 * one: the checks, then the save itself (row, audit entry, search words) in a transaction that is
 * rolled back. Done in the background when footage opens, so the first key press of a session
 * does not wait for that code to be loaded and compiled, nor for every statement to be prepared.
 * Nothing is written.
 */
final class CreateRehearsal {
    /** The command a create of {@code content} at frame 0 of the item would apply, after the create's checks. */
    @FunctionalInterface
    interface Drafts {
        AnnotationCommand creation(Footage item, AnnotationContent content) throws UserFacingException;
    }

    /** What a save does inside its transaction (its answer is not needed here). */
    @FunctionalInterface
    interface Saves {
        boolean save(AnnotationCommand command) throws UserFacingException;
    }

    private final Database database;
    private final Drafts drafts;
    private final Saves saves;

    CreateRehearsal(Database database, Drafts drafts, Saves saves) {
        this.database = database;
        this.drafts = drafts;
        this.saves = saves;
    }

    void rehearse(Footage item) throws UserFacingException {
        for (AnnotationKind kind : AnnotationKind.values()) {
            AnnotationCommand create = drafts.creation(item, AnnotationContent.empty(kind));
            database.rehearse(() -> saves.save(create));
        }
    }
}
