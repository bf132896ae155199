package org.frameproof.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.frameproof.testing.FxWait.onFx;
import static org.frameproof.testing.FxWait.waitUntil;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.frameproof.app.MainWindowParts;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.Screenshots;
import org.frameproof.ui.common.Theme;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The unlock screen on a real encrypted store, driven from the keyboard as a reviewer would. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class UnlockScreenTest {
    @TempDir Path work;
    private final AtomicReference<EvidenceStore> unlocked = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private VlcPlayback playback;
    private UnlockViewModel viewModel;

    @Start
    void start(Stage stage) {
        // Each test opens the unlock window itself, once its data folder is as it needs it.
    }

    @AfterEach
    void closeStore() throws Exception {
        if (unlocked.get() != null) {
            unlocked.get().close();
        }
        if (playback != null) {
            playback.close();
        }
    }

    private Path data() {
        return work.resolve("data");
    }

    private void showUnlockWindow(FxRobot robot, boolean thenMainWindow) {
        showUnlockWindow(robot, thenMainWindow, Theme.LIGHT);
    }

    private void showUnlockWindow(FxRobot robot, boolean thenMainWindow, Theme theme) {
        robot.interact(() -> {
            viewModel = new UnlockViewModel(TestStores.stores(), data(), TaskExecutor.background("test-unlock"), Clock.systemUTC());
            UnlockWindow.show(new Stage(), viewModel, theme, icon(), store -> {
                unlocked.set(store);
                if (thenMainWindow) {
                    showMainWindow(store);
                }
            }, () -> cancelled.set(true));
        });
    }

    private void showMainWindow(EvidenceStore store) {
        VideoSurface surface = new VideoSurface();
        playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        new MainWindowParts(TestStores.composition(), store, playback, surface, MainWindowParts.Threads.immediate(),
                "Data: " + data()).show(new Stage());
    }

    @Test
    void theFirstRunCreatesTheStoreForTheReviewerAndOpensTheMainWindow(FxRobot robot) throws Exception {
        showUnlockWindow(robot, true);
        assertEquals("Create your encrypted store", label(robot, ".unlock-heading"));
        assertTrue(robot.lookup(".unlock-warning").queryAs(Label.class).getText().contains("cannot be recovered"));
        Button create = robot.lookup("#submitButton").queryButton();
        assertTrue(create.isDisabled());

        robot.clickOn("#nameField").write("Noor Haddad");
        robot.interact(() -> robot.lookup("#roleBox").<ComboBox<Role>>query().setValue(Role.MEDICAL_EXPERT));
        robot.clickOn("#newPassphraseField").write("short");
        assertTrue(label(robot, "#strengthLabel").startsWith("Too short"), label(robot, "#strengthLabel"));
        robot.clickOn("#newPassphraseField").write(" olive lantern");
        robot.clickOn("#confirmationField").write("short olive lantren");
        assertTrue(label(robot, "#strengthLabel").endsWith("The two passphrases differ."), label(robot, "#strengthLabel"));
        assertTrue(create.isDisabled());
        robot.push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).write("ern");
        assertFalse(create.isDisabled());
        robot.type(KeyCode.ENTER);

        waitUntil(() -> unlocked.get() != null);
        assertEquals("Noor Haddad", unlocked.get().reviewer().name());
        assertEquals(Role.MEDICAL_EXPERT, unlocked.get().reviewer().role());
        assertTrue(Files.exists(data().resolve("frameproof.key")));
        waitUntil(() -> robot.lookup(".menu-bar").tryQuery().isPresent());
        MenuBar menuBar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertTrue(menuBar.getScene().getWindow().isShowing());
        assertEquals(1, Window.getWindows().stream().filter(Window::isShowing).count(), "the unlock window is closed");
        assertFalse(cancelled.get());
    }

    @Test
    void aWrongPassphraseSaysSoTouchesNothingAndRepeatedOnesAreCountedDown(FxRobot robot) throws Exception {
        TestStores.create(data()).close();
        Path keyFile = data().resolve("frameproof.key");
        Path database = data().resolve("frameproof.mv.db");
        byte[] keyBefore = Files.readAllBytes(keyFile);
        byte[] databaseBefore = Files.readAllBytes(database);
        showUnlockWindow(robot, false);
        assertEquals("Unlock Frameproof", label(robot, ".unlock-heading"));
        assertEquals("Data folder: " + data(), label(robot, ".unlock-folder"));

        // After the third wrong passphrase the store refuses tries for a second: the screen counts it down.
        for (int attempt = 1; attempt <= 3; attempt++) {
            robot.clickOn("#passphraseField").write("not it at all").type(KeyCode.ENTER);
            int expected = attempt;
            waitUntil(() -> !viewModel.busyProperty().get() && label(robot, "#messageLabel").startsWith("Wrong passphrase")
                    && (expected < 3 || onFx(() -> viewModel.secondsToWaitProperty().get() > 0
                            && robot.lookup("#waitLabel").query().isVisible()
                            && robot.lookup("#submitButton").queryButton().isDisabled()
                            && robot.lookup("#waitLabel").queryAs(Label.class).getText().matches("You can try again in \\d+ s\\."))));
        }
        assertTrue(robot.lookup("#messageLabel").query().isVisible());
        assertArrayEquals(keyBefore, Files.readAllBytes(keyFile));
        assertArrayEquals(databaseBefore, Files.readAllBytes(database));
        assertTrue(unlocked.get() == null);

        robot.clickOn("#passphraseField").write(TestStores.PASSPHRASE);
        waitUntil(() -> viewModel.secondsToWaitProperty().get() == 0);
        assertFalse(robot.lookup("#waitLabel").query().isVisible());
        robot.clickOn("#submitButton");
        // The screen says how many wrong passphrases were tried before it goes on.
        waitUntil(() -> robot.lookup("#unlockReport").tryQuery().isPresent());
        String report = onFx(() -> robot.lookup("#unlockReport").queryAs(DialogPane.class).getContentText());
        assertTrue(report.contains("3 wrong passphrases were tried since the last unlock"), report);
        robot.interact(() -> robot.lookup("#unlockReport").queryAs(DialogPane.class).getScene().getWindow().hide());
        waitUntil(() -> unlocked.get() != null);
        assertEquals(TestStores.REVIEWER, unlocked.get().reviewer());
    }

    @Test
    void opensInTheThemeTheMainWindowWasLeftIn(FxRobot robot) throws Exception {
        TestStores.create(data()).close();
        showUnlockWindow(robot, false, Theme.DARK);
        var stylesheets = robot.lookup(".unlock-view").query().getScene().getStylesheets();
        assertTrue(stylesheets.stream().anyMatch(sheet -> sheet.endsWith("theme-dark.css")), stylesheets.toString());
        assertTrue(stylesheets.stream().noneMatch(sheet -> sheet.endsWith("theme-light.css")), stylesheets.toString());
    }

    @Test
    void afterWrongPassphrasesTheButtonsStayInsideTheWindowAndTheTitleNamesTheStore(FxRobot robot) throws Exception {
        TestStores.create(data()).close();
        showUnlockWindow(robot, false);
        Stage window = (Stage) robot.lookup(".unlock-view").query().getScene().getWindow();
        assertEquals("Frameproof — Unlock the store in data", window.getTitle());
        for (int attempt = 1; attempt <= 3; attempt++) {
            robot.clickOn("#passphraseField").write("not it at all").type(KeyCode.ENTER);
            int expected = attempt;
            waitUntil(() -> !viewModel.busyProperty().get() && label(robot, "#messageLabel").startsWith("Wrong passphrase")
                    && (expected < 3 || onFx(() -> robot.lookup("#waitLabel").query().isVisible())));
        }
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.getScene(), Path.of("target", "screenshots", "unlock-after-wrong-passphrases.png"));
        for (String button : List.of("#submitButton", "#cancelButton")) {
            Bounds bounds = onFx(() -> {
                Node node = robot.lookup(button).query();
                return node.localToScene(node.getLayoutBounds());
            });
            double width = onFx(() -> window.getScene().getWidth());
            double height = onFx(() -> window.getScene().getHeight());
            assertTrue(bounds.getMinX() >= 0 && bounds.getMinY() >= 0 && bounds.getMaxX() <= width && bounds.getMaxY() <= height,
                    button + " at " + bounds + " lies inside the " + width + " x " + height + " window");
        }
    }

    @Test
    void onASharedLaptopTheScreenAsksWhoIsWorkingAndTheNameMustBeThePassphrases(FxRobot robot) throws Exception {
        char[] expertPassphrase = "mira's own passphrase".toCharArray();
        Reviewer expert = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
        try (EvidenceStore store = TestStores.create(data())) {
            TestStores.stores().addReviewer(store, TestStores.PASSPHRASE.toCharArray(), expert, expertPassphrase);
        }
        showUnlockWindow(robot, false);
        robot.clickOn("#reviewerField").write("Dr. Mira Haddad");
        robot.clickOn("#passphraseField").write(TestStores.PASSPHRASE).type(KeyCode.ENTER);
        waitUntil(() -> !viewModel.busyProperty().get() && label(robot, "#messageLabel").startsWith("Wrong passphrase for Dr. Mira Haddad"));
        assertTrue(unlocked.get() == null, "the researcher's passphrase does not open the store as the expert");
        Screenshots.save(robot.lookup(".unlock-view").query().getScene(), Path.of("target", "screenshots", "unlock-who-is-working.png"));

        robot.clickOn("#passphraseField").write(new String(expertPassphrase)).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#unlockReport").tryQuery().isPresent() || unlocked.get() != null);
        robot.interact(() -> robot.lookup("#unlockReport").tryQueryAs(DialogPane.class)
                .ifPresent(report -> report.getScene().getWindow().hide()));
        waitUntil(() -> unlocked.get() != null);
        assertEquals(expert, unlocked.get().reviewer());
    }

    @Test
    void cancelClosesWithoutCreatingAnything(FxRobot robot) {
        showUnlockWindow(robot, false);
        robot.clickOn("#nameField").write("Noor");
        robot.type(KeyCode.ESCAPE);
        waitUntil(cancelled::get);
        assertFalse(Files.exists(data().resolve("frameproof.key")));
        assertEquals(0, Window.getWindows().stream().filter(Window::isShowing).count());
    }

    @Test
    void changingThePassphraseKeepsTheStoreOnlyTheNewOneUnlocksItAndTheAuditLogSaysWho(FxRobot robot) throws Exception {
        ChangePassphraseViewModel change;
        try (EvidenceStore open = TestStores.create(data())) {
            change = new ChangePassphraseViewModel(TestStores.stores(), open, TaskExecutor.immediate());
            robot.interact(() -> {
                change.currentProperty().set("wrong one");
                change.replacement().passphraseProperty().set("river stone quiet morning");
                change.replacement().confirmationProperty().set("river stone quiet morning");
                change.submit();
            });
            assertTrue(change.messageProperty().get().startsWith("Wrong passphrase"), change.messageProperty().get());
            assertFalse(change.changedProperty().get());
            robot.interact(() -> {
                change.currentProperty().set(TestStores.PASSPHRASE);
                change.submit();
            });
            assertTrue(change.changedProperty().get(), change.messageProperty().get());
        }
        try (EvidenceStore store = TestStores.stores().unlock(data(), "river stone quiet morning".toCharArray())) {
            assertEquals(TestStores.REVIEWER, store.reviewer());
            List<AuditEntry> changes = TestStores.auditEntries(store).stream()
                    .filter(entry -> entry.action().equals("key_slot.passphrase")).toList();
            assertEquals(1, changes.size(), "the refused attempt recorded nothing, the change once");
            assertEquals(TestStores.REVIEWER.name(), changes.get(0).actor());
            assertTrue(store.audit().verify().intact());
        }
    }

    private static String label(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static Image icon() {
        return new Image(UnlockScreenTest.class.getResource("/org/frameproof/assets/frameproof.png").toExternalForm());
    }
}
