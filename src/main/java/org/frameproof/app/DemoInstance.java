package org.frameproof.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.frameproof.evidence.DemoStore;
import org.frameproof.evidence.Progress;
import org.frameproof.ui.common.DemoCase;

/**
 * Starts a second Frameproof on the demo case, as {@code frameproof --data DIR demo} would: the
 * same program this one runs (the installed app's launcher, or the JVM with its options, class
 * path and main class), so that both share nothing but the data folder's neighbourhood.
 */
final class DemoInstance {
    private DemoInstance() {
    }

    /**
     * Opens the demo beside {@code dataFolder} in a new process of this program, once {@code demo}
     * has made it here (so the window that asked shows how far that got).
     */
    static DemoCase.Starter beside(DemoStore demo, Path dataFolder) {
        return steps -> {
            demo.prepare(DemoStore.folderBeside(dataFolder), new Progress() {
                @Override
                public void update(String item, long done, long total) {
                    steps.accept("Making the demo case: " + item + " (" + done + " of " + total + " steps)…");
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
            new ProcessBuilder(command(ProcessHandle.current().info().command(), ProcessHandle.current().info().arguments(),
                    dataFolder)).inheritIO().start();
        };
    }

    /**
     * This program's own command line with the demo's arguments in place of its own: everything up
     * to the main class is kept (JVM options, class path); after a native launcher, nothing.
     * Without a command line to copy, the JVM of this process runs its class path.
     */
    static List<String> command(Optional<String> program, Optional<String[]> arguments, Path dataFolder) {
        List<String> command = new ArrayList<>();
        List<String> given = arguments.map(List::of).orElse(List.of());
        int main = given.indexOf(Main.class.getName());
        if (program.isPresent() && (main >= 0 || !isJava(program.get()))) {
            command.add(program.get());
            command.addAll(given.subList(0, main + 1));
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.addAll(List.of("--data", dataFolder.toString(), "demo"));
        return command;
    }

    private static boolean isJava(String program) {
        String name = Path.of(program).getFileName().toString();
        return name.equals("java") || name.equals("java.exe");
    }
}
