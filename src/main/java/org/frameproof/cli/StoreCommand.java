package org.frameproof.cli;

import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;

/** A command that works on the unlocked store of the data folder, and closes it when done. */
abstract class StoreCommand extends Subcommand {
    private final StoreAccess access;

    StoreCommand(StoreAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() throws Exception {
        try (EvidenceStore store = access.open(dataFolder(), new ItemProgress(err()))) {
            if (!store.unlockReport().isEmpty()) {
                err().println("frameproof: " + store.unlockReport());
            }
            return run(store);
        }
    }

    abstract int run(EvidenceStore store) throws UserFacingException;
}
