package org.frameproof.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.media.MediaSource;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.player.PlayerThreads;
import org.frameproof.ui.player.PlayerViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The export dialog and "export current frame as still" as a reviewer uses them: a real player on
 * the vault copy, exports on a background thread, a real store and FFmpeg's frames.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class ExportScreenTest {
    @TempDir static Path dataFolder;
    @TempDir Path out;
    private static EvidenceStore store;
    private static Footage clip;
    private Stage stage;
    private VlcPlayback playback;
    private PlayerViewModel player;
    private ExportWorkspace workspace;
    private final RecordedDesktop desktop = new RecordedDesktop();

    @BeforeAll
    static void annotatedStore() throws Exception {
        store = ExportStores.create(dataFolder);
        clip = ExportStores.annotated(store);
    }

    @AfterAll
    static void closeStore() throws Exception {
        store.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        VideoSurface surface = new VideoSurface();
        playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        player = new PlayerViewModel(MediaProbe::analyze, playback, surface, PlayerThreads.background(), 64L << 20);
        workspace = new ExportWorkspace(store, TestStores::vaultFrames,
                TaskExecutor.background("export-test"), player, dataFolder, desktop);
    }

    @AfterEach
    void closePlayer(FxRobot robot) {
        robot.interact(player::close);
        playback.close();
    }

    private void open(FxRobot robot, Path file, int frame) {
        open(robot, MediaSource.of(file), frame);
    }

    /** Opens a vault copy as the app does: decrypted through the I/O callbacks. */
    private void open(FxRobot robot, Footage item, int frame) {
        open(robot, VaultCopies.of(store.unlockedVault()).of(item), frame);
    }

    private void open(FxRobot robot, MediaSource source, int frame) {
        robot.interact(() -> player.open(source));
        waitUntil(() -> source.name().equals(player.fileNameProperty().get())
                && player.currentFrameProperty().get() == 0);
        robot.interact(() -> player.goTo(frame));
        waitUntil(() -> player.currentFrameProperty().get() == frame);
    }

    @Test
    void theDialogExportsTheFootageInThePlayerAndShowsTheHashAndAuditEntry(FxRobot robot) throws Exception {
        open(robot, clip, 0);
        ExportViewModel export = onFx(workspace::newExport);
        robot.interact(() -> ExportDialog.show(stage, export));
        ComboBox<?> scope = robot.lookup("#scopeChoice").queryAs(ComboBox.class);
        assertEquals("Footage " + clip.id() + ": h264-bframes-longgop.mp4", scope.getValue().toString());

        robot.clickOn("#formatChoice").clickOn("WebVTT (.vtt)");
        Path destination = out.resolve("notes over the video.vtt");
        robot.doubleClickOn("#destinationField").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE)
                .write(destination.toString());
        robot.clickOn("#exportButton");
        waitUntil(() -> !export.run().outcomeProperty().get().isEmpty() || !export.run().messageProperty().get().isEmpty());

        assertEquals("", robot.lookup("#messageLabel").queryAs(Label.class).getText());
        String shown = robot.lookup("#outcomeArea").queryAs(TextArea.class).getText();
        String sha256 = ExportStores.sha256(destination);
        assertTrue(shown.startsWith("Wrote " + destination + "\nWebVTT, 1 file, "), shown);
        assertTrue(shown.contains("SHA-256 " + sha256), shown);
        JsonNode audited = ExportStores.exportRecord(store, export.run().lastExport().auditEntry());
        assertTrue(shown.endsWith("Recorded in the audit log as entry " + export.run().lastExport().auditEntry() + "."), shown);
        assertEquals(sha256, audited.get("sha256").asText());
        assertEquals("vtt", audited.get("format").asText());
        assertTrue(Files.readString(destination).startsWith("WEBVTT"));
        assertTrue(robot.lookup("#exportButton").queryAs(Button.class).isVisible());
        waitUntil(() -> onFx(() -> {
            Node open = robot.lookup("#openResultButton").query();
            return open.isVisible() && open.localToScene(open.getLayoutBounds()).getMaxY() <= open.getScene().getHeight();
        }));
        robot.clickOn("#openResultButton");
        robot.clickOn("#showInFolderButton");
        assertEquals(List.of("open " + destination, "show " + destination), desktop.requests(),
                "the result is opened, and shown in its folder, through the desktop");
        Button close = robot.lookup("#closeButton").queryAs(Button.class);
        robot.interact(close::fire);
        assertFalse(close.getScene().getWindow().isShowing(), "Close closes the dialog");
    }

    @Test
    void theCurrentFrameStillIsTheFrameOnScreenWithItsSidecarHashAndAuditEntry(FxRobot robot) throws Exception {
        open(robot, clip, 37);
        int[] onScreen = onFx(() -> pixels(player.imageProperty().get()));
        FrameStillViewModel still = workspace.newFrameStill();
        FrameStillViewModel.FrameOnScreen frame = onFx(() -> workspace.frameOnScreen(still));
        assertEquals("h264-bframes-longgop_frame000037.png", frame.suggestedFileName());
        Path png = out.resolve(frame.suggestedFileName());

        robot.interact(() -> still.export(frame, png));
        waitUntil(() -> !still.run().outcomeProperty().get().isEmpty() || !still.run().messageProperty().get().isEmpty());

        assertEquals("", still.run().messageProperty().get());
        var image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth(), "full resolution");
        assertEquals(37, FramePattern.read(image), "the still decodes to frame 37");
        int[] written = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < written.length; i++) {
            if ((written[i] & 0xffffff) != (onScreen[i] & 0xffffff)) {
                throw new AssertionError("pixel " + i + " of the still differs from the frame on screen");
            }
        }
        String sha256 = ExportStores.sha256(png);
        assertEquals(sha256 + "  " + png.getFileName() + "\n", Files.readString(out.resolve(png.getFileName() + ".sha256")));
        JsonNode sidecar = new ObjectMapper().readTree(out.resolve(png.getFileName() + ".json").toFile());
        assertEquals(37, sidecar.get("frameIndex").asInt());
        assertEquals(clip.sha256(), sidecar.get("sourceSha256").asText());
        assertEquals(sha256, sidecar.get("sha256").asText());
        assertEquals(2, sidecar.get("annotations").size(), "the injury on frame 37 and the note over 12-60");
        assertEquals("rectangle", sidecar.get("annotations").get(1).get("region").get("shape").asText().toLowerCase());
        JsonNode audited = ExportStores.exportRecord(store, still.run().lastExport().auditEntry());
        assertEquals("still", audited.get("format").asText());
        assertEquals(37, audited.get("frame").asInt());
        assertEquals(sha256, audited.get("sha256").asText());
        assertEquals("Frame 37 of h264-bframes-longgop.mp4\nWrote " + png + "\nwith " + png.getFileName() + ".json (source, "
                + "frame, time, regions) and " + png.getFileName() + ".sha256 beside it\nSHA-256 of the PNG " + sha256
                + "\nRecorded in the audit log as entry " + still.run().lastExport().auditEntry() + ".", still.run().outcomeProperty().get());
    }

    @Test
    void aVideoOpenedWithoutImportingItGetsAMessageInsteadOfAStill(FxRobot robot) {
        open(robot, Clip.VP9.path(), 3);
        FrameStillViewModel still = workspace.newFrameStill();
        UserFacingException refused = assertThrows(UserFacingException.class, () -> onFx(() -> workspace.frameOnScreen(still)));
        assertTrue(refused.getMessage().startsWith("The video on screen is not in the evidence store."), refused.getMessage());
    }

    /** The picture on screen, pixel for pixel. */
    private static int[] pixels(Image image) {
        int[] argb = new int[(int) image.getWidth() * (int) image.getHeight()];
        image.getPixelReader().getPixels(0, 0, (int) image.getWidth(), (int) image.getHeight(), PixelFormat.getIntArgbInstance(),
                argb, 0, (int) image.getWidth());
        return argb;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 60 s", e);
        }
    }
}
