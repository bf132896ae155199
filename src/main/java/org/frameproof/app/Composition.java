package org.frameproof.app;

import java.io.Console;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.frameproof.cli.AnnotationCommands;
import org.frameproof.cli.DemoCommand;
import org.frameproof.cli.FrameproofCommand;
import org.frameproof.cli.StoreAccess;
import org.frameproof.cli.StoreCommands;
import org.frameproof.cli.Workstation;
import org.frameproof.evidence.DemoStore;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.UnlockedVault;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.media.IsolatedProber;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.SyntheticClips;
import picocli.CommandLine;

/**
 * The composition root: builds Frameproof's services from a few inputs (how footage is analysed,
 * the import stamp, the clock) and hands the same graph to the command line and to the desktop
 * window. The app builds {@link #forThisMachine()}; tests build one with their own inputs, so they
 * run the wiring the app runs. Building it opens nothing: a store is unlocked only when a command
 * or the window needs it.
 */
public final class Composition {
    private final Function<UnlockedVault, MediaAnalyzer> analyzerFor;
    private final EvidenceStores stores;
    private final DemoStore demo;

    /**
     * @param analyzerFor how the footage of an unlocked store is analysed (facts and frame index);
     *     what it answers for one store must keep its cache, if any, in that store's data folder
     * @param stamp the machine and version each import records
     */
    public Composition(Function<UnlockedVault, MediaAnalyzer> analyzerFor, ImportStamp stamp, Clock clock) {
        this.analyzerFor = analyzerFor;
        this.stores = new EvidenceStores(analyzerFor, stamp, clock);
        this.demo = new DemoStore(stores, new SyntheticClips());
    }

    /**
     * The app's: footage is probed and indexed in a child process, so a file that crashes a native
     * decoder cannot take Frameproof down; the index is cached in the data folder for the player.
     */
    public static Composition forThisMachine() {
        return new Composition(unlocked -> new IsolatedProber(unlocked.dataFolder().resolve("index-cache"),
                unlocked.indexCacheKey())::analyze, new ImportStamp(Main.machineName(), AppInfo.version()), Clock.systemUTC());
    }

    /** Creates and unlocks data folders. */
    public EvidenceStores stores() {
        return stores;
    }

    /** Makes and opens the demo case's store. */
    public DemoStore demo() {
        return demo;
    }

    /** How the player, thumbnails and exports analyse footage of this unlocked store. */
    public MediaAnalyzer analyzer(UnlockedVault unlocked) {
        return analyzerFor.apply(unlocked);
    }

    /** Exact frames of the vault's copies for exports and stills. */
    public VaultFrames vaultFrames(EvidenceStore store) {
        return new VaultFrames(analyzer(store.unlockedVault()), VaultCopies.of(store.unlockedVault()));
    }

    /** How commands reach a store: the passphrase from {@code environment}, else asked on {@code console}. */
    public StoreAccess storeAccess(Map<String, String> environment, Console console) {
        return new StoreAccess(stores, environment, console);
    }

    /**
     * The whole command line: every command, with the store commands opening stores through
     * {@code access}, each run inside a log session of its data folder.
     */
    public CommandLine commandLine(Workstation workstation, StoreAccess access, String version) {
        FrameproofCommand root = new FrameproofCommand(workstation);
        CommandLine commandLine = FrameproofCommand.commandLine(root, version);
        StoreCommands.register(commandLine, access);
        commandLine.addSubcommand(new DemoCommand(demo, workstation));
        AnnotationCommands.register(commandLine, access, this::vaultFrames);
        commandLine.setExecutionStrategy(new LoggedExecution(root));
        return commandLine;
    }
}
