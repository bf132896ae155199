package org.frameproof.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LogFolderTest {
    private final Path folder = Path.of("/home/ana/.local/share/frameproof/logs");

    @Test
    void eachSystemShowsTheFolderWithItsOwnFileManager() {
        assertEquals(List.of("xdg-open", folder.toString()), LogFolder.command("Linux", folder));
        assertEquals(List.of("xdg-open", folder.toString()), LogFolder.command("FreeBSD", folder));
        assertEquals(List.of("open", folder.toString()), LogFolder.command("Mac OS X", folder));
        assertEquals(List.of("explorer.exe", folder.toString()), LogFolder.command("Windows 11", folder));
    }

    @Test
    void aLauncherThatCannotStartOrFailsCountsAsNotOpened() {
        assertTrue(LogFolder.launch(List.of("true"), true));
        assertFalse(LogFolder.launch(List.of("false"), true));
        assertTrue(LogFolder.launch(List.of("false"), false), "Explorer's exit code says nothing");
        assertFalse(LogFolder.launch(List.of("/nonexistent/frameproof-file-manager"), true));
    }

    @Test
    void openingAsksTheFileManagerInTheBackgroundForTheLogFolder() throws Exception {
        AtomicReference<Path> shown = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        LogFolder logs = new LogFolder(folder, asked -> {
            shown.set(asked);
            thread.set(Thread.currentThread().getName());
            return false;
        }, work -> new Thread(work, "log-folder-test").start());
        assertFalse(logs.open().get());
        assertEquals(folder, shown.get());
        assertEquals("log-folder-test", thread.get());
    }
}
