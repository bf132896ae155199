package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Footage;
import org.frameproof.evidence.AnnotationCommand;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a newcomer meets in the first hour: Undo and Redo that say what they do, a sign after a save
 * and while region drawing is on, and being sent to the footage that can be annotated.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class FirstHourScreenTest {
    @TempDir Path dataFolder;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void undoAndRedoNameWhatTheyDoAtEveryStep(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            assertNoBlankItem(robot, "before anything was done");
            window.openFootage(clip);
            robot.interact(() -> window.player.goTo(120));
            window.waitForFrame(120);
            Annotation injury = AnnotationWindow.onFx(() -> window.session.quickTag(AnnotationKind.INJURY).orElseThrow());
            assertNoBlankItem(robot, "after a create");
            assertEquals("Undo new injury at frame 120", undoItem(robot).getText());
            robot.interact(() -> window.session.save(injury.id(),
                    AnnotationContent.of(injury).withObservation("cut on the forearm")));
            assertEquals("Undo edit of injury at frame 120", undoItem(robot).getText());
            robot.interact(window.session::undo);
            assertNoBlankItem(robot, "after an undo");
            assertEquals("Redo edit of injury at frame 120", redoItem(robot).getText());
            robot.interact(window.session::undo);
            robot.interact(window.session::undo);
            assertNoBlankItem(robot, "with nothing left to undo");
            assertEquals("Undo", undoItem(robot).getText());
            robot.interact(window.session::redo);
            robot.interact(window.session::redo);
            robot.interact(() -> window.session.delete(injury.id()));
            assertEquals("Undo deletion of injury at frame 120", undoItem(robot).getText());
            assertEquals("Redo", redoItem(robot).getText(), "a new change drops what could be redone");
            assertNoBlankItem(robot, "after a delete");
        }
    }

    @Test
    void aCommandWithoutANameIsRefused() {
        Annotation any = null;
        assertThrows(IllegalArgumentException.class, () -> new AnnotationCommand("annotation.edit", " ",
                List.of(new AnnotationCommand.Revision(any, sample()))));
    }

    private static Annotation sample() {
        return new Annotation("id", 1, "ab".repeat(32), new org.frameproof.domain.FrameSpan(1, 1, 40, 40), "x", null, null,
                List.of(), null, new org.frameproof.domain.Finding.Note(null), "Ana", org.frameproof.domain.Role.RESEARCHER,
                java.time.Instant.EPOCH, null);
    }

    private static void assertNoBlankItem(FxRobot robot, String when) {
        for (MenuItem item : AnnotationWindow.onFx(() -> items(robot))) {
            if (!(item instanceof SeparatorMenuItem)) {
                assertFalse(item.getText() == null || item.getText().isBlank(), "a blank menu item " + when + ": " + item.getId());
            }
        }
    }

    private static List<MenuItem> items(FxRobot robot) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu menu : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            collect(menu, all);
        }
        return all;
    }

    private static void collect(Menu menu, List<MenuItem> all) {
        all.add(menu);
        for (MenuItem item : menu.getItems()) {
            all.add(item);
            if (item instanceof Menu sub) {
                collect(sub, all);
            }
        }
    }

    private static MenuItem undoItem(FxRobot robot) {
        return item(robot, "undoItem");
    }

    private static MenuItem redoItem(FxRobot robot) {
        return item(robot, "redoItem");
    }

    private static MenuItem item(FxRobot robot, String id) {
        return AnnotationWindow.onFx(() -> items(robot).stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow());
    }

    @Test
    void aSaveSaysSoInTheStatusBarAndRegionDrawingShowsACrosshairAndASign(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            // The copy's re-check reports in the status bar once the opening has ended; the save is said after it.
            AnnotationWindow.waitUntil(() -> statusText(robot).contains("copy intact"));
            robot.type(KeyCode.DIGIT4).write("Face").type(KeyCode.ENTER);
            assertEquals("Face", window.only(clip.id()).observation());
            String status = statusText(robot);
            assertTrue(status.startsWith("Saved note at frame 0 at "), status);

            Label sign = robot.lookup("#drawingSign").queryAs(Label.class);
            assertFalse(AnnotationWindow.onFx(sign::isVisible), "no sign while a drag pans");
            robot.type(KeyCode.R);
            assertTrue(AnnotationWindow.onFx(() -> sign.isVisible() && sign.getHeight() > 0));
            assertEquals("Drawing a rectangle: drag over the picture (R again to stop)", sign.getText());
            assertEquals(Cursor.CROSSHAIR, robot.lookup(".region-layer").query().getCursor());
            robot.type(KeyCode.E);
            assertTrue(sign.getText().startsWith("Drawing an ellipse"), sign.getText());
            robot.type(KeyCode.E);
            assertFalse(AnnotationWindow.onFx(sign::isVisible), "off again");
            assertEquals(Cursor.DEFAULT, robot.lookup(".region-layer").query().getCursor());
        }
    }

    private static String statusText(FxRobot robot) {
        return AnnotationWindow.onFx(() -> robot.lookup(".status-bar").queryAs(StatusBar.class).getText());
    }

    @Test
    void withoutACaseTheEmptyPictureSaysToOpenAVideo(FxRobot robot) throws Exception {
        TestStores.create(dataFolder).close();
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            Label placeholder = robot.lookup(".video-placeholder").queryAs(Label.class);
            assertTrue(placeholder.getText().startsWith("Open a video"), placeholder.getText());
        }
    }

    @Test
    void openingAFileTheVaultHoldsOpensItsFootageItemReadyToAnnotate(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            Label placeholder = robot.lookup(".video-placeholder").queryAs(Label.class);
            assertTrue(placeholder.getText().startsWith("Double-click footage in a case"), placeholder.getText());
            robot.interact(() -> window.player.open(Clip.H264_BFRAMES_LONGGOP.path()));
            AnnotationWindow.waitUntil(() -> window.session.enabledProperty().get());
            assertEquals(clip.id(), window.session.footageProperty().get().id());
            assertEquals(VaultCopies.of(window.store.unlockedVault()).of(clip), window.player.openFileProperty().get(),
                    "the vault copy, checked at import, is what is on screen");
            assertTrue(window.session.messageProperty().get().startsWith("This file is already imported as"),
                    window.session.messageProperty().get());
        }
    }
}
