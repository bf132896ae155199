package org.frameproof.evidence;

import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.Database;

/**
 * Whether a store is the demo case's. The store itself says so: the audit entry right after its
 * creation is {@value #ACTION}, sealed in the chain like every other, so neither a folder's name
 * nor a file beside the store can make a real store a demo or a demo a real store.
 */
final class DemoMarker {
    static final String ACTION = "store.demo";
    /** The entry after {@code store.create}: looked up by its number, so reading it costs nothing in a large store. */
    private static final long SEQUENCE = 2;

    private final Database database;
    private volatile boolean present;

    DemoMarker(Database database) {
        this.database = database;
    }

    /** Reads the mark of a store being unlocked. */
    void read() throws UserFacingException {
        present = database.transaction(() -> new AuditRepository(database).at(SEQUENCE)
                .map(entry -> ACTION.equals(entry.action())).orElse(false));
    }

    /** Marks a store being created, in the transaction that records its creation. */
    AuditEntry record(AuditLog audit) throws UserFacingException {
        AuditEntry entry = audit.record(ACTION, "store", "demo", null, AuditRecord.builder().text("purpose", "demo case").build());
        present = true;
        return entry;
    }

    boolean present() {
        return present;
    }

    /** Refuses {@code what} in a demo store, whose made-up work must never reach real work. */
    void refuseIn(String what) throws UserFacingException {
        if (present) {
            throw new UserFacingException("This is the demo store: its footage and findings are made up, so " + what
                    + " is refused here. Use your own store for real work.");
        }
    }
}
