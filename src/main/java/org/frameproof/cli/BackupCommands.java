package org.frameproof.cli;

import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.Progress;
import org.frameproof.store.Compaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code frameproof backup OUT}, {@code frameproof restore IN} and {@code frameproof compact}. */
final class BackupCommands {
    private BackupCommands() {
    }

    @Command(name = "backup", description = "Write a verified backup folder OUT: database, key file, vault and a manifest of hashes.",
            mixinStandardHelpOptions = true)
    static final class BackupCommand extends StoreCommand {
        @Parameters(paramLabel = "OUT", description = "The backup folder to create (must not exist).")
        Path target;

        BackupCommand(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            store.backup(target, Progress.NONE);
            out().println("Backed up to " + target.toAbsolutePath() + " (verified).");
            return 0;
        }
    }

    @Command(name = "restore", description = "Restore a backup folder IN into the (new or empty) data folder. Only the files its"
            + " manifest lists are copied, each re-hashed; a damaged backup, extra files, symbolic links and a database carrying"
            + " anything Frameproof did not create are refused.",
            mixinStandardHelpOptions = true)
    static final class RestoreCommand extends FolderCommand {
        @Parameters(paramLabel = "IN", description = "The backup folder.")
        Path source;

        RestoreCommand(StoreAccess access) {
            super(access);
        }

        @Override
        int run(Path dataFolder) throws UserFacingException {
            access.withPassphrase("Passphrase of the backed-up store: ", passphrase -> {
                access.stores().restore(source, dataFolder, passphrase, Progress.NONE);
                return null;
            });
            out().println("Restored " + source + " into " + dataFolder + " (verified).");
            return 0;
        }
    }

    @Command(name = "compact", description = "Rewrite the database file without the earlier versions of its pages (it only ever"
            + " grows): every table is compared row by row before the new file replaces the old. Close the app first.",
            mixinStandardHelpOptions = true)
    static final class CompactCommand extends FolderCommand {
        CompactCommand(StoreAccess access) {
            super(access);
        }

        @Override
        int run(Path dataFolder) throws UserFacingException {
            Compaction.Result result = access.withPassphrase("Passphrase for " + dataFolder + ": ",
                    passphrase -> access.stores().compact(dataFolder, passphrase, phase -> err().println(phase + "…")));
            out().printf("Compacted %s: %s before, %s after; %d tables, %d rows compared; audit chain intact.%n",
                    dataFolder, megabytes(result.bytesBefore()), megabytes(result.bytesAfter()), result.tables(), result.rows());
            return 0;
        }

        private static String megabytes(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }
}
