package org.frameproof.cli;

import java.nio.file.Path;
import java.util.Arrays;
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

    @Command(name = "restore", description = "Restore a backup folder IN into the (new or empty) data folder; a damaged backup is refused.",
            mixinStandardHelpOptions = true)
    static final class RestoreCommand extends Subcommand {
        @Parameters(paramLabel = "IN", description = "The backup folder.")
        Path source;

        private final StoreAccess access;

        RestoreCommand(StoreAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() throws UserFacingException {
            Path dataFolder = dataFolder();
            char[] passphrase = access.passphraseForRestore();
            try {
                access.stores().restore(source, dataFolder, passphrase, Progress.NONE);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            out().println("Restored " + source + " into " + dataFolder + " (verified).");
            return 0;
        }
    }

    @Command(name = "compact", description = "Rewrite the database file without the earlier versions of its pages (it only ever"
            + " grows): every table is compared row by row before the new file replaces the old. Close the app first.",
            mixinStandardHelpOptions = true)
    static final class CompactCommand extends Subcommand {
        private final StoreAccess access;

        CompactCommand(StoreAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() throws UserFacingException {
            Path dataFolder = dataFolder();
            char[] passphrase = access.passphraseForStore(dataFolder);
            Compaction.Result result;
            try {
                result = access.stores().compact(dataFolder, passphrase, phase -> err().println(phase + "…"));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            out().printf("Compacted %s: %s before, %s after; %d tables, %d rows compared; audit chain intact.%n",
                    dataFolder, megabytes(result.bytesBefore()), megabytes(result.bytesAfter()), result.tables(), result.rows());
            return 0;
        }

        private static String megabytes(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }
}
