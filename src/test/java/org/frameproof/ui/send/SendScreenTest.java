package org.frameproof.ui.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Role;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.OwnerWindow;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TeamStores;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.export.DesktopFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File > Send… on real stores: the refusals said in the dialog, a case sent to the contact ticked
 * (the file opens for them), and a cancelled send that leaves no file.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
@NativeTier
class SendScreenTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final String CASE = "Checkpoint 4";
    @TempDir Path work;
    private Stage owner;
    private Stage dialog;
    private EvidenceStore store;
    private final List<Path> shown = new ArrayList<>();
    private final DesktopFiles desktop = new DesktopFiles() {
        @Override
        public void open(Path file) {
            throw new AssertionError("the send dialog only shows the folder");
        }

        @Override
        public void showInFolder(Path file) {
            shown.add(file);
        }
    };

    @Start
    void start(Stage stage) {
        owner = OwnerWindow.show(stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
        if (store != null) {
            store.close();
        }
    }

    /** The researcher's store with the case and a clip; with {@code contacts}, the expert accepted as medical expert. */
    private Footage researcher(boolean contacts) throws Exception {
        TeamStores.create(work, "researcher", TestStores.REVIEWER);
        if (contacts) {
            TeamStores.create(work, "expert", TeamStores.EXPERT);
            TeamStores.accept(work, "researcher", "expert", Role.MEDICAL_EXPERT);
            TeamStores.accept(work, "expert", "researcher", Role.RESEARCHER);
        }
        store = TeamStores.open(work, "researcher");
        Case investigation = store.cases().createCase(CASE, "");
        return AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
    }

    private SendViewModel open(FxRobot robot, TaskExecutor executor, String onScreen) {
        SendViewModel send = new SendViewModel(store, executor, work.resolve("out"), TODAY, desktop);
        robot.interact(() -> {
            send.load(onScreen);
            dialog = SendDialog.show(owner, send);
        });
        return send;
    }

    private static String failure(FxRobot robot) {
        return robot.lookup("#sendFailure").queryAs(Label.class).getText();
    }

    @Test
    void withNoContactsTheDialogPointsToTheTeamDialogAndWritesNothing(FxRobot robot) throws Exception {
        researcher(false);
        Files.createDirectories(work.resolve("out"));
        open(robot, TaskExecutor.immediate(), null);
        assertTrue(failure(robot).contains("no contacts yet") && failure(robot).contains("File > Team…"), failure(robot));
        assertTrue(robot.lookup("#sendRecipients").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#sendButton").queryButton().fire());
        assertTrue(failure(robot).contains("File > Team…"), failure(robot));
        try (Stream<Path> written = Files.list(work.resolve("out"))) {
            assertEquals(0, written.count(), "nothing was written");
        }
    }

    @Test
    void theCaseGoesToTheContactTickedAndOpensForThem(FxRobot robot) throws Exception {
        Footage clip = researcher(true);
        Files.createDirectories(work.resolve("out"));
        SendViewModel send = open(robot, TaskExecutor.immediate(), clip.sha256());
        ComboBox<?> what = robot.lookup("#sendWhat").queryAs(ComboBox.class);
        assertEquals("    Footage " + clip.id() + ": mpeg2-late-start.ts", what.getValue().toString(), "what is on screen is chosen");
        assertEquals(work.resolve("out").resolve("mpeg2-late-start-2026-12-03.fpb").toString(), send.destinationProperty().get());
        robot.interact(() -> send.whatProperty().set(send.choices().get(0)));
        Path bundle = work.resolve("out").resolve("Checkpoint_4-2026-12-03.fpb");
        assertEquals(bundle.toString(), send.destinationProperty().get(), "named after the case and the day");
        SendViewModel.Recipient expert = send.recipients().get(0);
        assertEquals("Dr. Mira Haddad", expert.name());
        assertEquals("medical expert", expert.acceptedAs());
        assertTrue(expert.fingerprintStart().matches("\\d{5} \\d{5} \\d{5} …"), expert.fingerprintStart());

        robot.interact(() -> robot.lookup("#sendButton").queryButton().fire());
        assertEquals("Choose at least one contact to send the bundle to.", failure(robot));
        assertFalse(Files.exists(bundle));

        robot.interact(() -> {
            expert.chosenProperty().set(true);
            robot.lookup("#sendButton").queryButton().fire();
        });
        assertEquals("", failure(robot));
        String outcome = robot.lookup("#sendOutcome").queryAs(TextArea.class).getText();
        assertTrue(outcome.startsWith("Wrote " + bundle + "\nfor Dr. Mira Haddad (and you"), outcome);
        assertTrue(outcome.contains("1 footage item(s), 1 of them with the original"), outcome);
        robot.interact(() -> robot.lookup("#sendShowInFolderButton").queryButton().fire());
        assertEquals(List.of(bundle), shown);
        try (EvidenceStore expertStore = TeamStores.open(work, "expert")) {
            BundleService.Contents contents = expertStore.bundles().verify(bundle);
            assertEquals(TestStores.REVIEWER.name(), contents.author());
            assertEquals(1, contents.originals());
            assertTrue(outcome.contains("SHA-256 " + contents.fileSha256()), outcome);
        }
    }

    @Test
    void aCancelledSendLeavesNoFile(FxRobot robot) throws Exception {
        researcher(true);
        Files.createDirectories(work.resolve("out"));
        List<Task<?>> held = new ArrayList<>();
        SendViewModel send = open(robot, held::add, null);
        robot.interact(() -> {
            send.recipients().get(0).chosenProperty().set(true);
            send.send();
        });
        assertTrue(robot.lookup("#sendProgress").query().isVisible(), "the progress bar shows while it runs");
        Button close = robot.lookup("#sendCloseButton").queryButton();
        assertTrue(close.isDisabled(), "the window stays while it runs");
        robot.interact(() -> robot.lookup("#sendCancelButton").queryButton().fire());
        robot.interact(() -> held.get(0).run());
        assertTrue(failure(robot).startsWith("Cancelled: nothing was written"), failure(robot));
        assertFalse(close.isDisabled());
        try (Stream<Path> written = Files.list(work.resolve("out"))) {
            assertEquals(0, written.count(), "no bundle and no partial file");
        }
        assertEquals("", send.outcomeProperty().get());
    }
}
