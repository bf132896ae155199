package org.frameproof.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.frameproof.testing.FxWait.onFx;
import static org.frameproof.testing.FxWait.readPattern;
import static org.frameproof.testing.FxWait.waitUntil;


import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeCell;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.frameproof.app.MainWindowParts;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.Timecode;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.Vault;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.player.PlayerThreads;
import org.frameproof.ui.player.PlayerViewModel;
import org.frameproof.ui.review.AnnotationSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The left pane in the main window on a real encrypted store, real clips, the real prober and
 * player: cases, import, the tree, opening an item, and what happens when its vault copy changed.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class CasesScreenTest {
    @TempDir Path work;
    private EvidenceStore store;
    private VlcPlayback playback;
    private PlayerViewModel player;
    private CasesViewModel cases;
    private AnnotationSession session;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = TestStores.create(work.resolve("data"));
        VideoSurface surface = new VideoSurface();
        playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        // Thumbnails and imports in the background, as in the app; what the annotation screens read is there at once.
        MainWindowParts.Threads threads = new MainWindowParts.Threads(PlayerThreads.background(),
                TaskExecutor.daemonThread("test-thumbnails"), Platform::runLater, Runnable::run, Runnable::run,
                Runnable::run, TaskExecutor.background("test-import"), TaskExecutor.background("test-verify"),
                TaskExecutor.immediate(), TaskExecutor.immediate(), Runnable::run);
        MainWindowParts parts = new MainWindowParts(TestStores.composition(), store, playback, surface, threads, "Data: test");
        player = parts.player();
        cases = parts.cases();
        session = parts.session();
        parts.show(stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(player::close);
        playback.close();
        store.close();
    }

    @Test
    void aNewCaseAndAnImportShowTheFootageWithThumbnailDurationAndStatus(FxRobot robot) throws Exception {
        robot.clickOn("#caseTree").push(KeyCode.CONTROL, KeyCode.N);
        robot.clickOn("#caseTitleField").write("Checkpoint 4").type(KeyCode.ENTER);
        waitUntil(() -> cases.cases().size() == 1);
        Case investigation = cases.cases().get(0).investigation();
        assertEquals("Checkpoint 4", investigation.title());

        importAndWait(robot, investigation, List.of(Clip.H264_BFRAMES_LONGGOP.path(), Clip.VP9.path(), BadInput.TEXT_NAMED_MP4.path()));
        String report = reportText(robot);
        assertTrue(report.contains("Imported h264-bframes-longgop.mp4 as #1."), report);
        assertTrue(report.contains("Imported vp9.webm as #2."), report);
        assertTrue(report.contains("Refused bad-text-named.mp4: "), report);
        closeDialog(robot, "#importReport");

        importAndWait(robot, investigation, List.of(Clip.H264_BFRAMES_LONGGOP.path()));
        report = reportText(robot);
        assertTrue(report.contains("Duplicate: h264-bframes-longgop.mp4 has the same content as #1 (recorded as #3"), report);
        closeDialog(robot, "#importReport");

        waitUntil(() -> labels(robot, ".footage-name").size() == 3);
        assertEquals(List.of("h264-bframes-longgop.mp4", "vp9.webm", "h264-bframes-longgop.mp4"), labels(robot, ".footage-name"));
        String duration = Timecode.format(Clip.H264_BFRAMES_LONGGOP.facts().durationMs().movePointRight(3).longValue());
        assertEquals(duration + "\nauthenticity: unverified\ncopy intact", labels(robot, ".footage-facts").get(1),
                "the review status and the copy's integrity are named apart");
        assertEquals("3 items", labels(robot, ".footage-facts").get(0));
        // Every item gets its first frame as a thumbnail, decoded in the background.
        waitUntil(() -> onFx(() -> robot.lookup(".thumbnail-frame .image-view").queryAllAs(ImageView.class).stream()
                .allMatch(view -> view.getImage() != null)));
        assertEquals(3, robot.lookup(".thumbnail-frame .image-view").queryAll().size());
    }

    @Test
    void doubleClickOpensTheVaultCopyInThePlayerAtFrameZeroUnderItsOwnNameAndVerifiesIt(FxRobot robot) throws Exception {
        Footage item = importOne(robot, Clip.H264_BFRAMES_LONGGOP);
        // Reading the whole copy again waits until the opening has ended, so that it does not slow the opening down.
        List<String> openingWhenVerifying = new CopyOnWriteArrayList<>();
        robot.interact(() -> cases.activityProperty().addListener((observable, old, text) -> {
            if (text.startsWith("Verifying ")) {
                openingWhenVerifying.add(player.loadedProperty().get() + " " + player.indexingProgressProperty().get());
            }
        }));
        robot.doubleClickOn(footageCell(robot));
        waitUntil(() -> player.loadedProperty().get() && player.currentFrameProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, onFx(() -> readPattern(player.imageProperty().get())));
        // The vault copy is named by its hash; the reviewer reads the name it was imported under.
        assertEquals("h264-bframes-longgop.mp4 (#1) — Frameproof" + workingIn(), stage.getTitle());
        assertEquals(Map.entry("File", "h264-bframes-longgop.mp4 (#1)"), player.factRows().get(0));
        waitUntil(() -> statusText(robot).contains("copy intact (SHA-256 "));
        assertEquals(List.of("true -1.0"), openingWhenVerifying);
        assertEquals(Integrity.INTACT, store.footage().require(item.id()).integrity());
        assertNotNull(store.footage().require(item.id()).integrityCheckedAt());


        // File > Open and the command line name the file by its own name.
        robot.interact(() -> player.open(Clip.VP9.path()));
        waitUntil(() -> player.loadedProperty().get() && Clip.VP9.fileName().equals(player.fileNameProperty().get()));
        assertEquals("vp9.webm — Frameproof" + workingIn(), stage.getTitle());

        // Opened again, from a search result or the list as from the tree, it is checked again.
        robot.interact(() -> session.openFootage(item.id(), 5));
        waitUntil(() -> openingWhenVerifying.size() == 2 && statusText(robot).contains("copy intact (SHA-256 "));
        assertEquals(List.of("true -1.0", "true -1.0"), openingWhenVerifying);
    }

    @Test
    void aFlippedByteInTheVaultCopyIsWarnedAboutLoudlyAndMarkedFailed(FxRobot robot) throws Exception {
        Footage item = importOne(robot, Clip.H264_BFRAMES_LONGGOP);
        Path copy = store.vault().encryptedFile(item.sha256());
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(copy);
        Files.setPosixFilePermissions(copy, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            file.seek(5000);
            int original = file.read();
            file.seek(5000);
            file.write(original ^ 0x01);
        }
        Files.setPosixFilePermissions(copy, permissions);

        robot.doubleClickOn(footageCell(robot));
        waitUntil(() -> robot.lookup("#integrityWarning").tryQuery().isPresent());
        DialogPane warning = robot.lookup("#integrityWarning").queryAs(DialogPane.class);
        assertTrue(warning.getHeaderText().startsWith("h264-bframes-longgop.mp4 (#1) has changed"), warning.getHeaderText());
        assertTrue(warning.getContentText().contains("Recorded SHA-256:\n" + item.sha256()), warning.getContentText());
        // The encrypted copy's flipped byte fails its chunk's authentication: it reads as nothing at all.
        assertTrue(warning.getContentText().contains("now reads as:\nunreadable: The vault copy of h264-bframes-longgop.mp4"
                + " is damaged or was altered: chunk 0 of "), warning.getContentText());
        closeDialog(robot, "#integrityWarning");

        assertEquals(Integrity.FAILED, store.footage().require(item.id()).integrity());
        waitUntil(() -> labels(robot, ".footage-facts").get(1).endsWith("FAILED VERIFICATION"));
        assertTrue(onFx(() -> footageCell(robot).getStyleClass().contains("footage-failed")));
        assertTrue(statusText(robot).contains("FAILED VERIFICATION"), statusText(robot));

        // The player itself says so for as long as the item is open, also while it is annotated.
        Label banner = robot.lookup("#integrityBanner").queryAs(Label.class);
        assertTrue(onFx(() -> banner.isVisible() && banner.getHeight() > 0 && banner.localToScene(0, 0).getY() >= 0));
        assertTrue(onFx(banner::getText).startsWith("FAILED VERIFICATION: the vault copy of h264-bframes-longgop.mp4 (#1)"
                + " does not match the SHA-256 recorded at import (re-checked at "
                + store.footage().require(item.id()).integrityCheckedAt() + ")"), onFx(banner::getText));
        robot.interact(() -> session.quickTag(org.frameproof.domain.AnnotationKind.NOTE));
        assertTrue(onFx(banner::isVisible), "still shown while annotating");
        saveScreenshot(robot, Path.of("target", "screenshots", "failed-footage-banner.png"));

        // Another file in the player takes the warning away; the failed item brings it back.
        robot.interact(() -> player.open(Clip.VP9.path()));
        waitUntil(() -> Clip.VP9.fileName().equals(player.fileNameProperty().get()));
        assertFalse(onFx(banner::isVisible));
        robot.interact(() -> session.openFootage(item.id(), 0));
        waitUntil(() -> onFx(banner::isVisible));
        // Opened from a search result or the list, the copy is checked again, and warned about again.
        waitUntil(() -> robot.lookup("#integrityWarning").tryQuery().isPresent());
        closeDialog(robot, "#integrityWarning");
    }

    /** The window as the reviewer sees it, for a person to look at. */
    private void saveScreenshot(FxRobot robot, Path png) throws Exception {
        org.frameproof.testing.Screenshots.save(stage.getScene(), png);
    }

    @Test
    void theProvenanceFormFitsTheCasesPaneAtItsNarrowest(FxRobot robot) throws Exception {
        Footage item = importOne(robot, Clip.H264_BFRAMES_LONGGOP);
        robot.clickOn(footageCell(robot));
        SplitPane panes = robot.lookup(".main-panes").queryAs(SplitPane.class);
        robot.interact(() -> panes.setDividerPosition(0, 0));
        TitledPane details = robot.lookup("#detailsPane").queryAs(TitledPane.class);
        robot.interact(() -> details.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        Region pane = (Region) panes.getItems().get(0);
        assertTrue(onFx(() -> details.getWidth() <= pane.getWidth() + 0.5), "the form is never wider than its pane: a"
                + " long footage name in its title, or its fields, would be cut off at the pane's edge");
        Node field = robot.lookup("#sourceUrlField").query();
        assertTrue(onFx(() -> field.localToScene(field.getBoundsInLocal()).getMaxX()
                <= pane.localToScene(pane.getBoundsInLocal()).getMaxX() + 0.5));
        assertTrue(onFx(details::getText).contains(item.originalName()), onFx(details::getText));
    }

    @Test
    void cancellingASlowImportLeavesNothingAndSaysSo(FxRobot robot) throws Exception {
        Case investigation = store.cases().createCase("Slow", "");
        robot.interact(cases::refresh);
        Path big = work.resolve("long recording.mp4");
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 384; i++) {
                out.write(block);
            }
        }
        robot.interact(() -> cases.importFiles(investigation, List.of(big)));
        waitUntil(() -> robot.lookup("#cancelImportButton").tryQuery().isPresent() && cases.importProgressProperty().get() > 0);
        robot.clickOn("#cancelImportButton");
        waitUntil(() -> robot.lookup("#importReport").tryQuery().isPresent());
        String report = reportText(robot);
        assertTrue(report.startsWith("Cancelled: long recording.mp4. Nothing of that file was kept"), report);
        assertEquals("Import into Slow was cancelled", robot.lookup("#importReport").queryAs(DialogPane.class).getHeaderText());
        closeDialog(robot, "#importReport");
        assertEquals(List.of(), store.footage().list(investigation));
        try (Stream<Path> files = Files.list(store.dataFolder().resolve(Vault.FOLDER))) {
            assertEquals(List.of(), files.toList(), "no copy, not even a half-written one, in the vault");
        }
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void provenanceAndStatusAreSavedFromTheForm(FxRobot robot) throws Exception {
        Footage item = importOne(robot, Clip.VP9);
        robot.clickOn(footageCell(robot));
        robot.interact(() -> robot.lookup("#detailsPane").queryAs(TitledPane.class).setExpanded(true));
        robot.clickOn("#platformField").write("Telegram");
        robot.clickOn("#firstSeenField").write("yesterday");
        robot.clickOn("#saveDetailsButton");
        assertTrue(label(robot, "#detailsMessage").startsWith("First seen: write a UTC time"), label(robot, "#detailsMessage"));
        robot.doubleClickOn("#firstSeenField").push(KeyCode.CONTROL, KeyCode.A).write("2024-05-01T10:00:00Z");
        robot.interact(() -> {
            cases.graphicViolenceProperty().set(true);
            cases.statusProperty().set(org.frameproof.domain.FootageStatus.DISPUTED);
            cases.statusReasonProperty().set("the uniforms do not match the claimed unit");
        });
        robot.clickOn("#saveDetailsButton");
        assertEquals("Saved.", label(robot, "#detailsMessage"));
        Footage saved = store.footage().require(item.id());
        assertEquals("Telegram", saved.provenance().platform());
        assertEquals(java.time.Instant.parse("2024-05-01T10:00:00Z"), saved.provenance().firstSeenAt());
        assertTrue(saved.provenance().graphicViolence());
        assertEquals(org.frameproof.domain.FootageStatus.DISPUTED, saved.status());
        assertEquals("the uniforms do not match the claimed unit", saved.statusReason());
        waitUntil(() -> labels(robot, ".footage-facts").get(1).endsWith("authenticity: disputed\ncopy intact"));
    }

    // ---- helpers

    /** The title's end: the store by its data folder's name, and who works in it as what. */
    private static String workingIn() {
        return " — data · " + TestStores.REVIEWER.name() + ", " + TestStores.REVIEWER.role().label();
    }

    private Footage importOne(FxRobot robot, Clip clip) throws Exception {
        Case investigation = store.cases().createCase("Case", "");
        robot.interact(cases::refresh);
        importAndWait(robot, investigation, List.of(clip.path()));
        closeDialog(robot, "#importReport");
        return store.footage().list(investigation).get(0);
    }

    private void importAndWait(FxRobot robot, Case investigation, List<Path> files) {
        robot.interact(() -> cases.importFiles(investigation, files));
        waitUntil(() -> robot.lookup("#importReport").tryQuery().isPresent());
    }

    private static String reportText(FxRobot robot) {
        return onFx(() -> robot.lookup("#importReport").queryAs(DialogPane.class).getContentText());
    }

    private static void closeDialog(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(DialogPane.class).getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TreeCell<Object> footageCell(FxRobot robot) {
        return onFx(() -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(cell -> cell.getItem() instanceof FootageRow).findFirst().orElseThrow());
    }

    private static List<String> labels(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAllAs(Label.class).stream()
                .sorted(java.util.Comparator.comparingDouble((Node node) -> node.localToScene(0, 0).getY()))
                .map(Label::getText).toList());
    }

    private static String label(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static String statusText(FxRobot robot) {
        return onFx(() -> robot.lookup(".status-bar").queryAs(StatusBar.class).getText());
    }
}
