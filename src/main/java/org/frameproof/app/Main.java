package org.frameproof.app;

import org.frameproof.cli.FrameproofCommand;

/** Entry point: the command line decides whether this run opens the workstation or does a command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        FrameproofCommand root = new FrameproofCommand(new DesktopWorkstation());
        int exitCode = FrameproofCommand.commandLine(root, AppInfo.version()).execute(args);
        System.exit(exitCode);
    }
}
