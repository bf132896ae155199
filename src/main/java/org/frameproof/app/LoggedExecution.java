package org.frameproof.app;

import org.frameproof.cli.FrameproofCommand;
import org.frameproof.domain.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * Runs each command (or the workstation) inside a log session of its data folder, and logs which
 * command ran, how it ended and how long it took: the command's name, never its arguments. A help
 * or version request logs nothing and touches no folder.
 */
final class LoggedExecution implements IExecutionStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedExecution.class);

    private final FrameproofCommand root;

    LoggedExecution(FrameproofCommand root) {
        this.root = root;
    }

    @Override
    public int execute(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        String command = commandName(parsed);
        try (Logging.Session log = Logging.start(root.dataFolder(), root.verbose())) {
            LOG.info("{} started: Frameproof {}, Java {}, {} {}", command, AppInfo.version(), Runtime.version(),
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            long started = System.nanoTime();
            try {
                int exitCode = new CommandLine.RunLast().execute(parsed);
                LOG.info("{} ended with exit code {} after {} ms", command, exitCode, millisSince(started));
                return exitCode;
            } catch (CommandLine.ExecutionException e) {
                Throwable failure = e.getCause() != null ? e.getCause() : e;
                if (failure instanceof UserFacingException) {
                    LOG.warn("{} failed after {} ms, told the user why", command, millisSince(started), failure);
                } else {
                    LOG.error("{} failed unexpectedly after {} ms", command, millisSince(started), failure);
                }
                throw e;
            }
        }
    }

    /** "import", "annotations add": the subcommands named, or "workstation" when none is. */
    private static String commandName(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        return last == parsed ? "workstation" : last.commandSpec().qualifiedName(" ").replaceFirst("^\\S+ ", "");
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
