package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.frameproof.app.Main;
import org.frameproof.media.LibVlcInstallation;
import org.frameproof.testing.ChildJvm;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path openedData;
    private Path openedVideo;

    private int run(String... args) {
        CommandLine commandLine = TestStores.commandLine((data, video) -> {
            openedData = data;
            openedVideo = video;
        }, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void versionPrintsTheVersion() {
        assertEquals(0, run("--version"));
        assertEquals("Frameproof 9.9.9", out.toString().strip());
    }

    @Test
    void helpNamesTheTestCommandAndTheDataOption() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--data=DIR"), out.toString());
        assertTrue(out.toString().contains("test      Build Frameproof and run every test."), out.toString());
    }

    @Test
    void everyCommandAnswersHelp() {
        CommandLine commandLine = TestStores.commandLine((data, video) -> { }, Map.of());
        java.util.List<CommandLine> all = new java.util.ArrayList<>(commandLine.getSubcommands().values());
        assertFalse(all.isEmpty());
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values().stream().filter(sub -> !all.contains(sub)).toList());
            assertTrue(all.get(i).getCommandSpec().optionsMap().containsKey("--help"),
                    all.get(i).getCommandSpec().qualifiedName() + " has no --help");
        }
    }

    @Test
    void withoutACommandTheWorkstationOpensOnTheChosenFolderAndFile(@TempDir Path folder) {
        assertEquals(0, run("--data", folder.toString(), "clip.mp4"));
        assertEquals(folder.toAbsolutePath(), openedData);
        assertEquals(Path.of("clip.mp4"), openedVideo);
    }

    @Test
    void anUnknownOptionIsAUsageErrorNotAStackTrace() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString().contains("Unknown option: '--frobnicate'"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @NativeTier
    @Test
    void missingLibVlcIsReportedInOneLineWithWhatToInstall(@TempDir Path empty, @TempDir Path data) throws Exception {
        ChildJvm.Result result = ChildJvm.run(Main.class,
                Map.of(LibVlcInstallation.DIRECTORY_VARIABLE, empty.toString()), "--data", data.toString());
        assertEquals(1, result.exitCode(), result.stderr());
        assertTrue(result.stderr().startsWith("frameproof: libVLC was not found in"), result.stderr());
        assertTrue(result.stderr().contains("sudo apt install libvlc5 vlc-plugin-base"), result.stderr());
        assertFalse(result.stderr().contains("\tat "), result.stderr());
    }
}
