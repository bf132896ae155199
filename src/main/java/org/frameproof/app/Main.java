package org.frameproof.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameproof.cli.StoreAccess;
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
        Composition composition = Composition.forThisMachine();
        StoreAccess storeAccess = composition.storeAccess(System.getenv(), System.console());
        CommandLine commandLine = composition.commandLine(new DesktopWorkstation(composition, storeAccess), storeAccess,
                AppInfo.version());
        System.exit(commandLine.execute(args));
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
