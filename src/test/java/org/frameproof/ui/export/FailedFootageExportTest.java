package org.frameproof.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.frameproof.domain.Footage;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.Tamper;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The export screen on footage whose vault copy was changed: refused with a message, or exported marked FAILED when asked. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class FailedFootageExportTest {
    @TempDir Path dataFolder;
    @TempDir Path out;
    private EvidenceStore store;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    @Test
    void aTamperedItemIsRefusedUntilTheReviewerTicksIncludeFailed(FxRobot robot) throws Exception {
        store = ExportStores.create(dataFolder);
        Footage clip = ExportStores.annotated(store);
        Tamper.flipOneByte(store.vault().encryptedFile(clip.sha256()));
        ExportViewModel export = new ExportViewModel(store,
                TestStores::vaultFrames, TaskExecutor.immediate(), out, RecordedDesktop.nowhere());
        export.load();
        robot.interact(() -> {
            export.formatProperty().set(ExportFormat.CSV);
            ExportDialog.show(stage, export);
        });
        Path csv = Path.of(export.destinationProperty().get());

        robot.clickOn("#exportButton");
        String message = export.run().messageProperty().get();
        assertTrue(message.startsWith("Export refused: footage " + clip.id() + " (h264-bframes-longgop.mp4) does not match"),
                message);
        assertFalse(Files.exists(csv));

        robot.clickOn("#includeFailedBox");
        assertTrue(export.includeFailedProperty().get());
        robot.clickOn("#exportButton");
        assertEquals("", export.run().messageProperty().get());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size());
        assertTrue(rows.stream().skip(1).allMatch(row -> row.contains(",FAILED,")), rows.toString());
    }
}
