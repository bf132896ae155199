package org.frameproof.cli;

import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;
import picocli.CommandLine.Command;

/** {@code frameproof passphrase change}. */
@Command(name = "passphrase", description = "Change the passphrase of the store.", mixinStandardHelpOptions = true)
final class PassphraseCommand {

    @Command(name = "change", mixinStandardHelpOptions = true,
            description = {"Wrap the store's key in your key slot with a new passphrase (the database is not",
                "rewritten; other reviewers' passphrases stay). The current passphrase comes from",
                "FRAMEPROOF_PASSPHRASE or a prompt (FRAMEPROOF_USER, when set, names whose it must be), the new",
                "one from FRAMEPROOF_NEW_PASSPHRASE or is typed twice; no two reviewers may share one.",
                "The change is recorded in the audit log; close the workstation first."})
    static final class Change extends FolderCommand {
        Change(StoreAccess access) {
            super(access);
        }

        @Override
        int run(Path dataFolder) throws UserFacingException {
            access.changePassphrase(dataFolder);
            out().println("The passphrase of " + dataFolder + " was changed.");
            return 0;
        }
    }
}
