package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.frameproof.app.Main;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.DemoStore;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.ChildJvm;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code frameproof demo}: the workstation on the demo case, made beside the data folder on first use. */
@NativeTier
class DemoCommandTest {
    @TempDir static Path shared;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private boolean opened;
    private boolean openedDemo;
    private Role openedAs;
    private Path openedFolder;

    private final Workstation workstation = new Workstation() {
        @Override
        public void run(Path dataFolder, Path video) {
            throw new AssertionError("the demo opens an unlocked store, never the unlock window");
        }

        @Override
        public void run(EvidenceStore unlocked) throws UserFacingException {
            opened = true;
            openedDemo = unlocked.isDemo();
            openedAs = unlocked.reviewer().role();
            openedFolder = unlocked.dataFolder();
            unlocked.close();
        }
    };

    private int run(String... args) {
        CommandLine commandLine = TestStores.commandLine(workstation, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theDemoOpensInTheWorkstationAsEitherReviewerBesideTheDataFolder() {
        Path data = shared.resolve("data");
        assertEquals(0, run("--data", data.toString(), "demo"), err.toString());
        assertTrue(opened);
        assertTrue(openedDemo);
        assertEquals(Role.RESEARCHER, openedAs);
        assertEquals(shared.resolve("data-demo"), openedFolder);
        assertFalse(TestStores.stores().exists(data), "no store is made in the real data folder");
        assertTrue(out.toString().contains(DemoStore.RESEARCHER_PASSPHRASE), out.toString());
        assertTrue(out.toString().contains("it holds no secret"), out.toString());

        assertEquals(0, run("--data", data.toString(), "demo", "--as", "medical-expert"), err.toString());
        assertEquals(Role.MEDICAL_EXPERT, openedAs);
    }

    @Test
    void fieldStaffIsNotADemoReviewer() {
        assertEquals(1, run("--data", shared.resolve("data").toString(), "demo", "--as", "field staff"));
        assertTrue(err.toString().contains("--as medical-expert"), err.toString());
        assertFalse(opened);
    }

    @Test
    void helpListsTheDemoCommand() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("demo "), out.toString());
        assertEquals(0, run("demo", "--help"));
        assertTrue(out.toString().contains("nothing is downloaded"), out.toString());
    }

    /** As the launcher runs it: {@code ./frameproof demo} reaches Main with its arguments. */
    @Test
    void theAppsMainMakesTheDemoWithoutAWindow(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("frameproof");
        ChildJvm.Result result = ChildJvm.run(Main.class, Map.of(), "--data", data.toString(), "demo", "--no-window");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("Demo case in " + folder.resolve("frameproof-demo")), result.stdout());
        assertTrue(result.stderr().contains("Making the clip phone-portrait.mp4"), result.stderr());
        assertTrue(Files.isRegularFile(folder.resolve("frameproof-demo").resolve(DemoStore.NOTE_FILE)));
        try (EvidenceStore store = TestStores.stores().unlock(folder.resolve("frameproof-demo"),
                DemoStore.MEDICAL_EXPERT_PASSPHRASE.toCharArray())) {
            assertTrue(store.isDemo());
        }
    }
}
