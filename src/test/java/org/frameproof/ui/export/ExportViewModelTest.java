package org.frameproof.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.frameproof.app.VaultFrames;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.exchange.ExportOptions.GraphicStills;
import org.frameproof.exchange.ExportResult;
import org.frameproof.exchange.ExportedFootage;
import org.frameproof.evidence.FrameSources;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.frameproof.exchange.OpenFrames;

/**
 * The export dialog's view model on a real encrypted store, real footage decoded by FFmpeg through
 * the app's {@link VaultFrames}, and the real export service. The work runs on the FX thread
 * ({@link TaskExecutor#immediate()}), so each outcome is there when {@code export()} returns.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class ExportViewModelTest {
    @TempDir static Path dataFolder;
    @TempDir Path out;
    private static EvidenceStore store;
    private static Footage clip;
    private static FrameSources frames;

    @BeforeAll
    static void annotatedStore() throws Exception {
        store = ExportStores.create(dataFolder);
        clip = ExportStores.annotated(store);
        frames = TestStores::vaultFrames;
    }

    @AfterAll
    static void closeStore() throws Exception {
        store.close();
    }

    private ExportViewModel viewModel(FrameSources frameSources) {
        ExportViewModel viewModel = new ExportViewModel(store, frameSources, TaskExecutor.immediate(), out, RecordedDesktop.nowhere());
        viewModel.load();
        return viewModel;
    }

    private static ExportResult export(FxRobot robot, ExportViewModel viewModel) {
        robot.interact(viewModel::export);
        assertEquals("", viewModel.run().messageProperty().get());
        assertFalse(viewModel.run().runningProperty().get());
        return viewModel.run().lastExport().result();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatIsWrittenWithTheHashTheAuditLogRecords(ExportFormat format, FxRobot robot) throws Exception {
        ExportViewModel viewModel = viewModel(frames);
        robot.interact(() -> {
            viewModel.preselectFootage(clip.sha256());
            viewModel.formatProperty().set(format);
        });
        assertEquals(clip.id(), viewModel.scopeProperty().get().footage().id(), "the footage in the player is chosen");
        Path expected = out.resolve(format == ExportFormat.STILLS ? "h264-bframes-longgop-stills"
                : "h264-bframes-longgop." + ExportViewModel.extension(format));
        assertEquals(expected.toString(), viewModel.destinationProperty().get(), "the name follows the footage and format");

        ExportResult result = export(robot, viewModel);

        assertEquals(expected, result.path());
        Path hashed = format == ExportFormat.STILLS ? expected.resolve("SHA256SUMS") : expected;
        assertTrue(Files.isRegularFile(hashed), hashed + " exists");
        String sha256 = ExportStores.sha256(hashed);
        assertEquals(sha256, result.sha256());
        JsonNode audited = ExportStores.exportRecord(store, viewModel.run().lastExport().auditEntry());
        assertEquals(sha256, audited.get("sha256").asText());
        assertEquals(format.code(), audited.get("format").asText());
        assertEquals(expected.toString(), audited.get("path").asText());
        assertEquals(3, audited.get("annotations").asInt());
        String outcome = viewModel.run().outcomeProperty().get();
        assertTrue(outcome.startsWith("Wrote " + expected + "\n"), outcome);
        assertTrue(outcome.contains("SHA-256 " + sha256), outcome);
        assertTrue(outcome.endsWith("Recorded in the audit log as entry " + viewModel.run().lastExport().auditEntry() + "."), outcome);
        if (format == ExportFormat.PDF) {
            assertEquals(sha256 + "  " + expected.getFileName() + "\n",
                    Files.readString(expected.resolveSibling(expected.getFileName() + ".sha256")));
        }
        if (format == ExportFormat.STILLS) {
            try (Stream<Path> files = Files.list(expected)) {
                assertEquals(3 * ExportStores.ANNOTATED_FRAMES.size() + 1, files.count(), "PNG, sidecar and hash per frame, and SHA256SUMS");
            }
        }
    }

    @Test
    void aWholeCaseIsOfferedBeforeItsFootageAndExportsEveryItem(FxRobot robot) throws Exception {
        ExportViewModel viewModel = viewModel(frames);
        assertEquals(List.of(ExportStores.CASE_TITLE), viewModel.cases().stream().map(c -> c.title()).toList());
        assertEquals(List.of("The whole case (1 footage item)", "Footage " + clip.id() + ": h264-bframes-longgop.mp4"),
                viewModel.scopes().stream().map(Object::toString).toList());
        assertNull(viewModel.scopeProperty().get().footage(), "without footage in the player, the whole case is chosen");
        robot.interact(() -> viewModel.formatProperty().set(ExportFormat.CSV));
        assertEquals(out.resolve("Checkpoint_4.csv").toString(), viewModel.destinationProperty().get());

        ExportResult result = export(robot, viewModel);

        assertEquals(4, Files.readAllLines(result.path()).size(), "a header and one row per annotation");
        assertEquals(ExportStores.CASE_TITLE, ExportStores.exportRecord(store, viewModel.run().lastExport().auditEntry()).get("case").asText());
    }

    @Test
    void graphicStillsCanBeChosenForThePdfReportOnly(FxRobot robot) {
        ExportViewModel viewModel = viewModel(frames);
        assertTrue(viewModel.graphicStillsApplyBinding().get());
        robot.interact(() -> viewModel.formatProperty().set(ExportFormat.STILLS));
        assertFalse(viewModel.graphicStillsApplyBinding().get());
        assertTrue(viewModel.destinationIsFolder());
        assertEquals(GraphicStills.BLUR, viewModel.graphicStillsProperty().get(), "veiled unless chosen otherwise");
    }

    @Test
    void cancellingStopsTheExportAndLeavesNothingBehind(FxRobot robot) throws Exception {
        long exportsBefore = ExportStores.exportCount(store);
        AtomicInteger decoded = new AtomicInteger();
        ExportViewModel[] dialog = new ExportViewModel[1];
        // The reviewer presses Cancel while the second frame of the report is being decoded.
        FrameSources cancellingAfterOneFrame = opened -> {
            OpenFrames real = frames.open(opened);
            return new OpenFrames() {
                @Override
                public BufferedImage frame(ExportedFootage footage, int frame) throws UserFacingException {
                    if (decoded.incrementAndGet() == 2) {
                        dialog[0].run().cancel();
                    }
                    return real.frame(footage, frame);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
        ExportViewModel viewModel = viewModel(cancellingAfterOneFrame);
        dialog[0] = viewModel;
        robot.interact(() -> viewModel.formatProperty().set(ExportFormat.PDF));
        Path destination = Path.of(viewModel.destinationProperty().get());

        robot.interact(viewModel::export);

        assertEquals("Export cancelled; nothing was written to " + destination + ".", viewModel.run().messageProperty().get());
        assertEquals("", viewModel.run().outcomeProperty().get());
        assertFalse(viewModel.run().runningProperty().get());
        assertEquals(2, decoded.get(), "the export stopped at the next annotation");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "no report, no hash file, no hidden partial file");
        }
        assertEquals(exportsBefore, ExportStores.exportCount(store), "a cancelled export is not recorded as one");
    }

    @Test
    void anUnwritableDestinationGivesTheServicesMessageAndWritesNothing(FxRobot robot) throws Exception {
        Path notAFolder = Files.writeString(out.resolve("notes.txt"), "a file, not a folder");
        ExportViewModel viewModel = viewModel(frames);
        robot.interact(() -> {
            viewModel.formatProperty().set(ExportFormat.JSON);
            viewModel.destinationProperty().set(notAFolder.resolve("export.json").toString());
        });

        robot.interact(viewModel::export);

        assertEquals("Cannot write " + notAFolder.resolve("export.json") + ": the folder " + notAFolder + " does not exist.",
                viewModel.run().messageProperty().get());
        assertEquals("", viewModel.run().outcomeProperty().get());
        assertNull(viewModel.run().lastExport());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(notAFolder), files.toList());
        }
    }
}
