package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.media.MediaSource;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Case;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Provenance;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.AnnotationQuery;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ImportResult;
import org.frameproof.evidence.Progress;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaProbe;
import org.frameproof.testing.FxWait;
import org.frameproof.testing.HandRunExecutor;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.SmallPictures;
import org.frameproof.ui.common.Thumbnails;
import org.frameproof.ui.player.FrameView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The annotation list with its filters, search across cases, and the veil over graphic footage. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class ListSearchAndVeilTest {
    @TempDir Path dataFolder;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void theListFiltersAndJumpsAndSearchOpensAHitAtItsFrame(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.store.annotations().create(clip.id(), 42, 42,
                    AnnotationContent.empty(AnnotationKind.NOTE).withObservation("Белая повязка на рукаве"));
            window.store.annotations().create(clip.id(), 120, 130,
                    AnnotationContent.empty(AnnotationKind.UNIFORM).withObservation("Two men in flecktarn"));
            window.openFootage(clip);

            robot.clickOn("List");
            TableView<AnnotationListViewModel.Row> table = listTable(robot);
            AnnotationWindow.waitUntil(() -> table.getItems().size() == 2);
            robot.doubleClickOn("Two men in flecktarn");
            window.waitForFrame(120);
            assertEquals(120, window.frameOnScreen());
            assertEquals("Two men in flecktarn", window.session.selectedProperty().get().observation());

            robot.clickOn(robot.lookup(".annotation-list .column-header .label").match(LabeledMatchers.hasText("Frame"))
                    .queryLabeled());
            assertEquals(List.of(120, 42), frames(table), "sorted by frame, now descending");
            robot.clickOn("#tagFilter").write("nothing-tagged-so");
            AnnotationWindow.waitUntil(() -> table.getItems().isEmpty());
            robot.doubleClickOn("#tagFilter").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
            AnnotationWindow.waitUntil(() -> table.getItems().size() == 2);
            assertEquals(List.of(120, 42), frames(table), "the rows read again keep the sort");

            robot.push(KeyCode.CONTROL, KeyCode.F).write("повязка").type(KeyCode.ENTER);
            AnnotationWindow.waitUntil(() -> robot.lookup("Белая повязка на рукаве").tryQuery().isPresent());
            ImageView picture = robot.lookup("#resultPicture").queryAs(ImageView.class);
            AnnotationWindow.waitUntil(() -> picture.getImage() != null);
            assertArrayEquals(smallPicture(window, clip, 42), pixels(picture.getImage()), "the result shows its own frame");
            assertFalse(Arrays.equals(smallPicture(window, clip, 0), pixels(picture.getImage())));
            robot.doubleClickOn("Белая повязка на рукаве");
            window.waitForFrame(42);
            assertEquals(42, window.frameOnScreen());
            assertEquals(AnnotationKind.NOTE, window.session.selectedProperty().get().kind());
        }
    }

    /** Frame {@code frame} of the footage's vault copy as a thumbnail, decoded here on its own. */
    private static int[] smallPicture(AnnotationWindow window, Footage clip, int frame) throws Exception {
        MediaSource copy = VaultCopies.of(window.store.unlockedVault()).of(clip);
        try (FrameDecoder decoder = FrameDecoder.open(copy, MediaProbe.analyze(copy, p -> { }, () -> false).index(), 8L << 20)) {
            return SmallPictures.fit(decoder.frame(frame), Thumbnails.WIDTH, Thumbnails.HEIGHT);
        }
    }

    private static int[] pixels(Image image) {
        int[] pixels = new int[Thumbnails.WIDTH * Thumbnails.HEIGHT];
        image.getPixelReader().getPixels(0, 0, Thumbnails.WIDTH, Thumbnails.HEIGHT, PixelFormat.getIntArgbInstance(), pixels,
                0, Thumbnails.WIDTH);
        return pixels;
    }

    @Test
    void aNewQueryShowsItsFirstPageThenAllRowsWithTheSelectedRowInPlace(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        List<String> stored = importNotes(clip, 450);
        HandRunExecutor reads = new HandRunExecutor();
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder, reads)) {
            window.openFootage(clip);
            // Opening footage rehearsed a create in the background; the list, not shown, read nothing.
            assertEquals(1, reads.queued());
            robot.interact(reads::runAll);
            robot.clickOn("List");
            TableView<AnnotationListViewModel.Row> table = listTable(robot);
            Label summary = robot.lookup("#summaryLabel").queryAs(Label.class);

            // Shown, the list reads its first page, then (queued behind it) all rows.
            robot.interact(reads::runNext);
            assertEquals(AnnotationListViewModel.FIRST_PAGE, table.getItems().size());
            assertEquals(stored.subList(0, AnnotationListViewModel.FIRST_PAGE), ids(table));
            assertEquals("first 200 shown, reading the rest…", summary.getText());

            robot.interact(() -> table.scrollTo(140));
            AnnotationWindow.waitUntil(() -> shownRow(robot, 150).isPresent());
            robot.clickOn(shownRow(robot, 150).orElseThrow());
            double selectedRowY = shownRow(robot, 150).orElseThrow().localToScene(0, 0).getY();

            robot.interact(() -> {
                reads.runAll();
                table.layout(); // the rows where the next frame draws them
            });
            assertEquals(stored.size(), table.getItems().size());
            assertEquals(stored, ids(table));
            assertEquals("450 annotations", summary.getText());
            assertEquals(Optional.of(selectedRowY), shownRow(robot, 150).map(row -> row.localToScene(0, 0).getY()),
                    "the rows stay where they were on screen");
            assertEquals(stored.get(150), table.getSelectionModel().getSelectedItem().annotation().id());
        }
    }

    @Test
    void aChangeToTheSessionsAnnotationsReadsAllRowsWithoutShrinkingToAFirstPage(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        importNotes(clip, 450);
        HandRunExecutor reads = new HandRunExecutor();
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder, reads)) {
            window.openFootage(clip);
            robot.clickOn("List");
            TableView<AnnotationListViewModel.Row> table = listTable(robot);
            robot.interact(reads::runAll);
            assertEquals(450, table.getItems().size());
            List<Integer> shownSizes = new ArrayList<>();
            table.getItems().addListener((ListChangeListener<AnnotationListViewModel.Row>) change ->
                    shownSizes.add(change.getList().size()));

            robot.interact(() -> window.session.quickTag(AnnotationKind.NOTE));
            assertEquals(1, reads.queued(), "one read, of all rows");
            robot.interact(reads::runAll);
            assertEquals(List.of(451), shownSizes);
            assertEquals("451 annotations", robot.lookup("#summaryLabel").queryAs(Label.class).getText());
        }
    }

    /** Imports {@code count} notes on the clip, two or three to a frame; their ids in the list's order. */
    private List<String> importNotes(Footage clip, int count) throws Exception {
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            FrameIndex index = store.annotations().frameIndex(clip.id());
            List<Annotation> notes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int frame = i % index.frameCount();
                notes.add(new Annotation(UUID.randomUUID().toString(), clip.id(), clip.sha256(), FrameSpan.of(index, frame, frame),
                        "Note " + i, null, null, List.of(), null, new Finding.Note(null), TestStores.REVIEWER.name(),
                        TestStores.REVIEWER.role(), Instant.now(), null));
            }
            // A new file each time: the same file imported twice would add nothing.
            store.annotations().importInto(clip.id(), "notes.json", UUID.randomUUID().toString().replace("-", "").repeat(2), notes);
            return store.annotations().list(AnnotationQuery.footage(clip.id())).stream().map(Annotation::id).toList();
        }
    }

    /** The table row showing row {@code index}, when it is on screen. */
    private static Optional<TableRow<?>> shownRow(FxRobot robot, int index) {
        return robot.lookup(".annotation-list .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.isVisible() && row.getIndex() == index).<TableRow<?>>map(row -> row).findFirst();
    }

    private static List<String> ids(TableView<AnnotationListViewModel.Row> table) {
        return table.getItems().stream().map(row -> row.annotation().id()).toList();
    }

    @SuppressWarnings("unchecked")
    private static TableView<AnnotationListViewModel.Row> listTable(FxRobot robot) {
        return robot.lookup(".annotation-list .table-view").queryAs(TableView.class);
    }

    private static List<Integer> frames(TableView<AnnotationListViewModel.Row> table) {
        return table.getItems().stream().map(AnnotationListViewModel.Row::frame).toList();
    }

    @Test
    void graphicFootageOpensBlurredAndMutedUntilRevealed(FxRobot robot) throws Exception {
        Footage graphic;
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            Case investigation = store.cases().createCase("Case G", "");
            List<ImportResult> imported = store.footage().importFiles(investigation, List.of(Clip.VP9.path()),
                    new Provenance(null, null, null, null, null, true, false), Progress.NONE);
            graphic = imported.get(0).footage();
            store.annotations().create(graphic.id(), 10, 10,
                    AnnotationContent.empty(AnnotationKind.NOTE).withObservation("Blood trail by the door"));
        }
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            // Found before the footage is opened: the result's picture is veiled as the footage is.
            robot.push(KeyCode.CONTROL, KeyCode.F).write("trail").type(KeyCode.ENTER);
            AnnotationWindow.waitUntil(() -> robot.lookup("#resultPicture").tryQuery().isPresent());
            ImageView result = robot.lookup("#resultPicture").queryAs(ImageView.class);
            AnnotationWindow.waitUntil(() -> result.getImage() != null);
            int[] sharp = smallPicture(window, graphic, 10);
            assertTrue(difference(sharp, shown(result)) > VEILED, "the search result's picture is veiled");
            Node thumbnail = robot.lookup(".thumbnail-frame").queryAs(javafx.scene.layout.StackPane.class).getChildren().get(0);
            assertTrue(thumbnail.getEffect() instanceof GaussianBlur, "the cases tree shows the item blurred too");

            window.openFootage(graphic);
            FrameView frameView = robot.lookup(".frame-view").queryAs(FrameView.class);
            assertTrue(frameView.getEffect() instanceof GaussianBlur, "blurred");
            assertTrue(window.player.mutedProperty().get(), "muted");
            Node reveal = robot.lookup("#revealButton").query();
            assertTrue(reveal.getParent().isVisible(), "the veil with its Reveal button is shown");
            robot.clickOn(reveal);
            assertNull(frameView.getEffect());
            assertFalse(window.player.mutedProperty().get());
            assertFalse(reveal.getParent().isVisible());
            assertTrue(difference(sharp, shown(result)) < SHARP, "revealed, the search result's picture is sharp");
            assertNull(thumbnail.getEffect(), "and so is the cases tree's");

            robot.interact(() -> window.session.grayscaleProperty().set(true));
            assertTrue(frameView.getEffect() != null && !(frameView.getEffect() instanceof ColorAdjust),
                    "grey by luminance, not by JavaFX's brightest channel");
            assertTrue(difference(sharp, shown(result)) > VEILED, "the result's picture turns grey too");
        }
    }

    /** Mean difference per colour channel above which a picture is not the frame (blurred, or grey). */
    private static final double VEILED = 4;
    /** Mean difference per colour channel below which a picture is the frame itself. */
    private static final double SHARP = 1;

    /** The pixels of a picture as it is on screen, with its effect. */
    private static int[] shown(ImageView view) {
        Image snapshot = FxWait.onFx(() -> {
            javafx.scene.SnapshotParameters parameters = new javafx.scene.SnapshotParameters();
            parameters.setViewport(new javafx.geometry.Rectangle2D(0, 0, Thumbnails.WIDTH, Thumbnails.HEIGHT));
            return view.snapshot(parameters, null);
        });
        return pixels(snapshot);
    }

    private static double difference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((a[i] >> shift) & 0xFF) - ((b[i] >> shift) & 0xFF));
            }
        }
        return (double) sum / (a.length * 3);
    }
}
