package org.frameproof.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The second Frameproof that opens the demo runs this program with the demo's arguments in place of its own. */
class DemoInstanceTest {
    private static final Path DATA = Path.of("/home/ana/.local/share/frameproof");

    @Test
    void theLaunchersJvmKeepsItsOptionsClassPathAndMainClass() {
        String[] arguments = {"-XX:SharedArchiveFile=/src/target/frameproof.jsa", "-cp", "/src/target/frameproof.jar:/src/target/lib/*",
            "org.frameproof.app.Main", "--data", "/somewhere/else", "clip.mp4"};
        assertEquals(List.of("/usr/lib/jvm/java-17/bin/java", "-XX:SharedArchiveFile=/src/target/frameproof.jsa", "-cp",
                "/src/target/frameproof.jar:/src/target/lib/*", "org.frameproof.app.Main", "--data", DATA.toString(), "demo"),
                DemoInstance.command(Optional.of("/usr/lib/jvm/java-17/bin/java"), Optional.of(arguments), DATA));
    }

    @Test
    void theInstalledAppsLauncherIsRunWithTheDemosArgumentsOnly() {
        assertEquals(List.of("/opt/frameproof/bin/Frameproof", "--data", DATA.toString(), "demo"),
                DemoInstance.command(Optional.of("/opt/frameproof/bin/Frameproof"), Optional.of(new String[] {"clip.mp4"}), DATA));
    }

    @Test
    void withoutItsOwnCommandLineThisJvmRunsItsClassPath() {
        List<String> command = DemoInstance.command(Optional.of("/usr/bin/java"), Optional.empty(), DATA);
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        assertEquals(List.of("-cp", System.getProperty("java.class.path"), "org.frameproof.app.Main", "--data", DATA.toString(),
                "demo"), command.subList(1, command.size()));
    }
}
