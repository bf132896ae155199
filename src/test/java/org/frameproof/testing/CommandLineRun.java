package org.frameproof.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line as a script would, on a data folder with the test passphrase; keeps what it printed. */
public final class CommandLineRun {
    private String out = "";
    private String err = "";

    /** Runs {@code frameproof --data DATA ARGS...} and returns its exit code. */
    public int run(Path data, String... args) {
        return runWith(TestStores.PASSPHRASE, data, args);
    }

    /** Runs {@code frameproof --data DATA ARGS...} as the reviewer whose passphrase this is. */
    public int runWith(String passphrase, Path data, String... args) {
        return run(Map.of("FRAMEPROOF_PASSPHRASE", passphrase), data, args);
    }

    /**
     * Adds a reviewer to the store (as the reviewer of the test passphrase) with their own
     * passphrase; returns the exit code.
     */
    public int addReviewer(Path data, String name, String role, String passphrase) {
        return run(Map.of("FRAMEPROOF_PASSPHRASE", TestStores.PASSPHRASE, "FRAMEPROOF_NEW_PASSPHRASE", passphrase), data,
                "reviewers", "add", name, "--role", role);
    }

    private int run(Map<String, String> environment, Path data, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine commandLine = TestStores.commandLine((folder, video) -> {
            throw new AssertionError("no window in these tests");
        }, environment);
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
