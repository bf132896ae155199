package org.frameproof.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.frameproof.domain.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** {@code frameproof [FILE]}: the workstation, and the root of every subcommand. */
@Command(name = "frameproof",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Frame-exact review workstation for evidence footage.",
            "Without a command, opens the workstation (and FILE, when given)."
        },
        footer = {
            "",
            "Run by the ./frameproof script itself:",
            "  test      Build Frameproof and run every test.",
            "",
            "The data folder holds the case database and the evidence vault: --data DIR,",
            "else $XDG_DATA_HOME/frameproof, else ~/.local/share/frameproof. Its logs/ folder",
            "keeps a log of what each run did (ids, counts, times and errors; never names,",
            "texts, file names or paths).",
            ""
        })
public final class FrameproofCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder to work in (default: $XDG_DATA_HOME/frameproof).")
    private Path data;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also write the log on standard error, with its debug lines (the log itself is in DIR/logs).")
    private boolean verbose;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A video to open.")
    private Path video;

    private final Workstation workstation;

    public FrameproofCommand(Workstation workstation) {
        this.workstation = workstation;
    }

    @Override
    public Integer call() throws Exception {
        workstation.run(dataFolder(), video);
        return 0;
    }

    /** The data folder this invocation works in; subcommands reach it through their parent. */
    public Path dataFolder() {
        return DataFolder.resolve(data);
    }

    /** Whether {@code --verbose} was given: the log is also written on standard error. */
    public boolean verbose() {
        return verbose;
    }

    /**
     * Builds the command line with Frameproof's rules: messages instead of stack traces, the
     * version as given, exit codes 0 (done), 1 (failed), 2 (the command was wrong).
     */
    public static CommandLine commandLine(FrameproofCommand root, String version) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.getCommandSpec().version("Frameproof " + version);
        commandLine.setExecutionExceptionHandler(new UserMessageHandler());
        commandLine.addSubcommand(new ProbeCommand());
        commandLine.addSubcommand(new FramesCommand());
        commandLine.addSubcommand(new StillCommand());
        return commandLine;
    }
}
