package org.frameproof.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.frameproof.cli.AnnotationCommands;
import org.frameproof.cli.FrameproofCommand;
import org.frameproof.cli.StoreAccess;
import org.frameproof.cli.StoreCommands;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.FrameIndexes;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.MediaInspector;
import org.frameproof.evidence.UnlockedVault;
import org.frameproof.media.IsolatedProber;
import org.frameproof.media.VaultSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point: the command line decides whether this run opens the workstation or does a command. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Logging.takeOverJavaUtilLogging();
        Logging.logUncaughtExceptions();
        StoreAccess storeAccess = new StoreAccess(evidenceStores(), System.getenv(), System.console());
        System.exit(commandLine(storeAccess).execute(args));
    }

    /** The command line with every command, each run inside a log session of its data folder. */
    static CommandLine commandLine(StoreAccess storeAccess) {
        FrameproofCommand root = new FrameproofCommand(new DesktopWorkstation(storeAccess));
        CommandLine commandLine = FrameproofCommand.commandLine(root, AppInfo.version());
        StoreCommands.register(commandLine, storeAccess);
        AnnotationCommands.register(commandLine, storeAccess, Main::vaultFrames);
        commandLine.setExecutionStrategy(new LoggedExecution(root));
        return commandLine;
    }

    /** Building this opens nothing: the store is unlocked only when a command or the window needs it. */
    static EvidenceStores evidenceStores() {
        return new EvidenceStores(Main::mediaInspector, Main::frameIndexes, new ImportStamp(machineName(), AppInfo.version()), Clock.systemUTC());
    }

    /**
     * Footage is probed and indexed in a child process, so a file that crashes a native decoder
     * cannot take Frameproof down; the index is cached in the data folder for the player.
     */
    static IsolatedProber prober(UnlockedVault unlocked) {
        return new IsolatedProber(unlocked.dataFolder().resolve("index-cache"), unlocked.indexCacheKey());
    }

    /** Exact frames of the vault's copies for exports and stills. */
    static VaultFrames vaultFrames(EvidenceStore store) {
        return new VaultFrames(prober(store.unlockedVault()), VaultCopies.of(store.unlockedVault()));
    }

    private static MediaInspector mediaInspector(UnlockedVault unlocked) {
        IsolatedProber prober = prober(unlocked);
        return MediaInspector.withoutFileNames(file -> prober.analyze(file, progress -> { }, () -> false).facts());
    }

    private static FrameIndexes frameIndexes(UnlockedVault unlocked) {
        IsolatedProber prober = prober(unlocked);
        VaultSources vault = VaultCopies.of(unlocked);
        return item -> prober.analyze(vault.of(item), progress -> { }, () -> false).index();
    }

    /** The machine's name from the system, without asking any name server. */
    static String machineName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            LOG.warn("The machine's name could not be read; imports record it as unknown", e);
            return "unknown";
        }
    }
}
