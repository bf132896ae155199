package org.frameproof.ui.unlock;

import static org.frameproof.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.DemoCase;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first start offers "Try the demo case" beside creating a store; a store that exists does not. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class DemoOfferScreenTest {
    @TempDir Path data;
    private final AtomicInteger started = new AtomicInteger();
    private Stage unlockStage;

    @Start
    void start(Stage stage) {
        // Each test opens the unlock window once its data folder is as it needs it.
    }

    private void showUnlockWindow(FxRobot robot) {
        robot.interact(() -> {
            UnlockViewModel viewModel = new UnlockViewModel(TestStores.stores(), data, TaskExecutor.background("test-unlock"),
                    Clock.systemUTC());
            viewModel.offerDemo(new DemoCase(steps -> {
                steps.accept("Making the demo case: Making the clip phone-portrait.mp4 (0 of 11 steps)…");
                started.incrementAndGet();
            }, Runnable::run));
            unlockStage = new Stage();
            UnlockWindow.show(unlockStage, viewModel, Theme.LIGHT, new Image(getClass().getResource("/org/frameproof/assets/frameproof.png")
                    .toExternalForm()), store -> { }, () -> { });
        });
    }

    @Test
    void theFirstStartOffersTheDemoInAWindowOfItsOwnAndStaysToCreateTheStore(FxRobot robot) {
        showUnlockWindow(robot);
        Button demo = robot.lookup("#demoButton").queryButton();
        assertTrue(robot.lookup("#demoRow").query().isVisible() && !demo.isDisabled());
        assertTrue(demo.getWidth() >= demo.prefWidth(-1), "the button says what it does in full");
        assertEquals("Try the Demo Case", demo.getText().replace("_", ""));
        robot.clickOn(demo);
        waitUntil(() -> started.get() == 1);
        Label notice = robot.lookup("#demoNoticeLabel").queryAs(Label.class);
        waitUntil(notice::isVisible);
        assertTrue(notice.getText().contains("window of its own"), notice.getText());
        assertTrue(unlockStage.isShowing(), "the store can still be created");
        assertFalse(TestStores.stores().exists(data), "trying the demo makes no store here");
        assertTrue(robot.lookup("#nameField").query().isVisible());
    }

    @Test
    void anExistingStoreIsUnlockedWithoutTheOffer(FxRobot robot) throws Exception {
        TestStores.create(data).close();
        showUnlockWindow(robot);
        assertFalse(robot.lookup("#demoRow").query().isVisible());
    }
}
