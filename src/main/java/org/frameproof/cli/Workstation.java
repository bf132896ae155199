package org.frameproof.cli;

import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;

/** The desktop workstation as the command line sees it: something that opens and runs until closed. */
public interface Workstation {
    /**
     * Opens the main window on the data folder, with {@code video} loaded when given, and returns
     * once the reviewer has closed it.
     */
    void run(Path dataFolder, Path video) throws UserFacingException;

    /**
     * Opens the main window on a store the caller unlocked (the demo case's) and returns once the
     * reviewer has closed it; the store is closed then. A workstation that cannot be handed a
     * store closes it and asks for the passphrase instead.
     */
    default void run(EvidenceStore unlocked) throws UserFacingException {
        Path dataFolder = unlocked.dataFolder();
        unlocked.close();
        run(dataFolder, null);
    }
}
