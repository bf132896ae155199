package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Footage;
import org.frameproof.evidence.AnnotationCommand;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every Undo and Redo menu item says what it does; no menu item is ever blank. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class UndoLabelsTest {
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
}
