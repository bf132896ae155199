package org.frameproof.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.frameproof.cli.FrameproofCommand;
import org.frameproof.cli.StoreAccess;
import org.frameproof.cli.StoreCommands;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.MediaInspector;
import picocli.CommandLine;

/** Entry point: the command line decides whether this run opens the workstation or does a command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StoreAccess storeAccess = new StoreAccess(evidenceStores(), System.getenv(), System.console());
        FrameproofCommand root = new FrameproofCommand(new DesktopWorkstation(storeAccess));
        CommandLine commandLine = FrameproofCommand.commandLine(root, AppInfo.version());
        StoreCommands.register(commandLine, storeAccess);
        System.exit(commandLine.execute(args));
    }

    /** Building this opens nothing: the store is unlocked only when a command or the window needs it. */
    static EvidenceStores evidenceStores() {
        return new EvidenceStores(mediaInspector(), new ImportStamp(machineName(), AppInfo.version()), Clock.systemUTC());
    }

    // TODO(lead): wire the media package's prober here once it is on main (its facts map onto domain.MediaFacts).
    private static MediaInspector mediaInspector() {
        return file -> {
            throw new UserFacingException("This build cannot yet check that a file is a video, so nothing was imported.");
        };
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
}
