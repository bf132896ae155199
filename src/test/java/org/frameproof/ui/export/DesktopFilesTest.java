package org.frameproof.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopFilesTest {
    @TempDir Path folder;

    @Test
    void aFileOpensItselfAndShowsItsFolderAndAFolderShowsItself() throws Exception {
        Path report = Files.writeString(folder.resolve("report.pdf"), "%PDF");
        Path stills = Files.createDirectory(folder.resolve("stills"));
        List<Path> launched = new ArrayList<>();
        DesktopFiles desktop = DesktopFiles.through(launched::add, Runnable::run);
        desktop.open(report);
        desktop.showInFolder(report);
        desktop.showInFolder(stills);
        assertEquals(List.of(report, folder, stills), launched);
    }
}
