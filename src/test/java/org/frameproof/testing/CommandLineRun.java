package org.frameproof.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frameproof.cli.AnnotationCommands;
import org.frameproof.cli.FrameproofCommand;
import org.frameproof.cli.StoreAccess;
import org.frameproof.cli.StoreCommands;
import picocli.CommandLine;

/** Runs the command line as a script would, on a data folder with the test passphrase; keeps what it printed. */
public final class CommandLineRun {
    private String out = "";
    private String err = "";

    /** Runs {@code frameproof --data DATA ARGS...} and returns its exit code. */
    public int run(Path data, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        FrameproofCommand root = new FrameproofCommand((folder, video) -> {
            throw new AssertionError("no window in these tests");
        });
        CommandLine commandLine = FrameproofCommand.commandLine(root, "9.9.9");
        StoreAccess access = new StoreAccess(TestStores.stores(), Map.of("FRAMEPROOF_PASSPHRASE", TestStores.PASSPHRASE), null);
        StoreCommands.register(commandLine, access);
        AnnotationCommands.register(commandLine, access, TestStores::vaultFrames);
        commandLine.setOut(new PrintWriter(outText, true));
        commandLine.setErr(new PrintWriter(errText, true));
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        int code = commandLine.execute(all.toArray(String[]::new));
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    /** What the last run printed on standard output. */
    public String out() {
        return out;
    }

    /** What the last run printed on standard error. */
    public String err() {
        return err;
    }
}
