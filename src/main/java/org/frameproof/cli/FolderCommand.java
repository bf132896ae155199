package org.frameproof.cli;

import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;

/**
 * A command on a data folder that asks for the passphrase itself and opens no store first
 * (restore, compact, passphrase change): the store is missing, or must be closed for it.
 */
abstract class FolderCommand extends Subcommand {
    final StoreAccess access;

    FolderCommand(StoreAccess access) {
        this.access = access;
    }

    @Override
    public final Integer call() throws UserFacingException {
        return run(dataFolder());
    }

    abstract int run(Path dataFolder) throws UserFacingException;
}
