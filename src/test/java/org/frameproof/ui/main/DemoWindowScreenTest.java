package org.frameproof.ui.main;

import static org.frameproof.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.frameproof.app.MainWindowParts;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.DemoStore;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.DemoCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The main window on the demo store says DEMO; on a real store, Help > Open Demo Case opens the demo elsewhere. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class DemoWindowScreenTest {
    @TempDir Path folder;
    private EvidenceStore store;
    private VlcPlayback playback;
    private MainWindowParts parts;

    private Stage show(FxRobot robot, EvidenceStore opened) {
        store = opened;
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            VideoSurface surface = new VideoSurface();
            playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
            parts = new MainWindowParts(TestStores.composition(), store, playback, surface, MainWindowParts.Threads.immediate(),
                    "Data: " + store.dataFolder());
            stage[0] = new Stage();
            parts.show(stage[0]);
        });
        return stage[0];
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> parts.player().close());
        store.close();
        playback.close();
    }

    private static MenuItem helpItem(FxRobot robot, String text) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(3).getItems().stream()
                .filter(item -> text.equals(item.getText())).findFirst().orElseThrow();
    }

    @Test
    void theDemoStoresWindowSaysDemoInItsTitleAndStatusWithItsPassphrases(FxRobot robot) throws Exception {
        Stage stage = show(robot, TestStores.stores().createDemo(folder.resolve("frameproof-demo"),
                DemoStore.RESEARCHER_PASSPHRASE.toCharArray(), DemoStore.RESEARCHER.reviewer()));
        assertEquals("DEMO — Frameproof — frameproof-demo · Rosa Demo, researcher", stage.getTitle());
        robot.interact(() -> parts.mainWindow().showOpenFile("phone-portrait.mp4"));
        assertTrue(stage.getTitle().startsWith("DEMO — phone-portrait.mp4 — Frameproof"), stage.getTitle());
        String status = robot.lookup(".status-bar").queryAs(StatusBar.class).getText();
        assertTrue(status.contains("DEMO case, not evidence") && status.contains(DemoStore.MEDICAL_EXPERT_PASSPHRASE), status);
        assertTrue(helpItem(robot, "Open _Demo Case").isDisable(), "the demo does not open a demo of its own");
    }

    @Test
    void helpOpenDemoCaseStartsTheDemoAndLeavesTheRealStoreAsItWas(FxRobot robot) throws Exception {
        Stage stage = show(robot, TestStores.create(folder.resolve("data")));
        assertFalse(stage.getTitle().contains("DEMO"), stage.getTitle());
        AtomicInteger started = new AtomicInteger();
        robot.interact(() -> parts.mainWindow().demoCaseProperty().set(new DemoCase(steps -> {
            throw new UserFacingException("The demo case could not be made: the disk is full.");
        }, Runnable::run)));
        robot.interact(() -> helpItem(robot, "Open _Demo Case").fire());
        waitUntil(() -> robot.lookup(".status-bar").queryAs(StatusBar.class).getText().contains("the disk is full"));
        robot.interact(() -> parts.mainWindow().demoCaseProperty().set(new DemoCase(steps -> started.incrementAndGet(),
                Runnable::run)));
        MenuItem item = helpItem(robot, "Open _Demo Case");
        assertFalse(item.isDisable());
        robot.interact(item::fire);
        waitUntil(() -> started.get() == 1);
        waitUntil(() -> robot.lookup(".status-bar").queryAs(StatusBar.class).getText().contains("window of its own"));
        assertTrue(stage.isShowing());
        assertFalse(stage.getTitle().contains("DEMO"), stage.getTitle());
    }
}
