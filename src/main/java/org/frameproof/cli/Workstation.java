package org.frameproof.cli;

import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;

/** The desktop workstation as the command line sees it: something that opens and runs until closed. */
public interface Workstation {
    /**
     * Opens the main window on the data folder, with {@code video} loaded when given, and returns
     * once the reviewer has closed it.
     */
    void run(Path dataFolder, Path video) throws UserFacingException;
}
