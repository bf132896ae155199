package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
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

/** The inspector's steps of review, each enabled only when allowed and asking what it needs, and the list's state filter. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class ReviewScreenTest {
    private static final Reviewer EXPERT = new Reviewer("Dr Nune Sargsyan", Role.MEDICAL_EXPERT);
    private static final String EXPERT_PASSPHRASE = "the expert's own passphrase";
    @TempDir Path dataFolder;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean enabled(FxRobot robot, String id) {
        return !robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    @Test
    void theAuthorSubmitsAndTheExpertRejectsWithACommentSealsAndUnsealsWithAReason(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        Annotation[] made = new Annotation[2];
        AnnotationWindow.addReviewer(dataFolder, EXPERT, EXPERT_PASSPHRASE, store -> {
            made[0] = store.annotations().create(clip.id(), 2, 2, new AnnotationContent("Burn on the hand", null, null,
                    List.of(), null, new Finding.Injury(null, "burn", 1, null, null)));
            made[1] = store.annotations().create(clip.id(), 4, 4, new AnnotationContent("Cut on the arm", null, null,
                    List.of(), null, new Finding.Injury(null, "laceration", 1, null, null)));
            store.annotations().submit(made[1].id());
        });
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.interact(() -> window.session.select(made[0]));
            assertEquals("✎ Draft", text(robot, "#stateLabel"));
            assertTrue(text(robot, "#signerLabel").startsWith("Signed by Ana Test-Reviewer · fingerprint "),
                    text(robot, "#signerLabel"));
            assertTrue(text(robot, "#signerLabel").endsWith("the signature holds"), text(robot, "#signerLabel"));
            assertFalse(enabled(robot, "#confirmButton"));
            robot.clickOn("#submitButton");
            assertEquals("→ Submitted", text(robot, "#stateLabel"));
            assertEquals("Submitted for review.", text(robot, "#reviewResultLabel"));
            assertFalse(enabled(robot, "#submitButton"));
            assertEquals(ReviewState.SUBMITTED, window.store.annotations().require(made[0].id()).status().state());
        }
        try (AnnotationWindow window = AnnotationWindow.openAs(robot, stage, dataFolder, EXPERT_PASSPHRASE)) {
            window.openFootage(clip);
            robot.interact(() -> window.session.select(made[1]));
            assertFalse(enabled(robot, "#submitButton"), "not the expert's to submit");
            robot.clickOn("#rejectButton");
            Button ok = robot.lookup("OK").queryButton();
            assertTrue(ok.isDisabled(), "a rejection needs a comment");
            robot.clickOn("#reviewDialogText").write("a shadow, not a cut");
            assertFalse(ok.isDisabled());
            robot.clickOn(ok);
            assertEquals("✗ Rejected", text(robot, "#stateLabel"));
            assertEquals("Rejected.", text(robot, "#reviewResultLabel"));
            assertTrue(text(robot, "#reviewLabel").contains(": a shadow, not a cut · counts here"), text(robot, "#reviewLabel"));
            assertFalse(enabled(robot, "#rejectButton"), "rejected once, not again");

            robot.clickOn("#sealButton");
            assertEquals("◆ Sealed", text(robot, "#stateLabel"));
            assertFalse(enabled(robot, "#sealButton"));
            robot.clickOn("#unsealButton");
            robot.clickOn("Cancel");
            assertEquals("◆ Sealed", text(robot, "#stateLabel"), "cancelled: nothing changed");
            robot.clickOn("#unsealButton");
            robot.clickOn("#reviewDialogText").write("the comment named the wrong arm");
            robot.clickOn("OK");
            assertEquals("✗ Rejected · unsealed because: the comment named the wrong arm", text(robot, "#stateLabel"));
        }
    }

    @Test
    void theListShowsEachFindingsStateAndFiltersWhatWaitsForMe(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        AnnotationWindow.addReviewer(dataFolder, EXPERT, EXPERT_PASSPHRASE, store -> {
            store.annotations().create(clip.id(), 2, 2, new AnnotationContent("Burn, still a draft", null, null,
                    List.of(), null, new Finding.Injury(null, "burn", 1, null, null)));
            Annotation submitted = store.annotations().create(clip.id(), 4, 4, new AnnotationContent("Cut, submitted", null,
                    null, List.of(), null, new Finding.Injury(null, "laceration", 1, null, null)));
            store.annotations().submit(submitted.id());
            Annotation note = store.annotations().create(clip.id(), 6, 6, new AnnotationContent("Shots, submitted", null,
                    null, List.of(), null, new Finding.Note("sound")));
            store.annotations().submit(note.id());
        });
        try (AnnotationWindow window = AnnotationWindow.openAs(robot, stage, dataFolder, EXPERT_PASSPHRASE)) {
            window.openFootage(clip);
            robot.clickOn("List");
            @SuppressWarnings("unchecked")
            TableView<AnnotationListViewModel.Row> table = robot.lookup(".annotation-list .table-view").queryAs(TableView.class);
            AnnotationWindow.waitUntil(() -> table.getItems().size() == 3);
            assertTrue(robot.lookup("✎").tryQuery().isPresent() && robot.lookup("→").tryQuery().isPresent(),
                    "each row's state shows as its glyph");
            @SuppressWarnings("unchecked")
            ComboBox<StateFilter> filter = robot.lookup("#statusFilter").queryAs(ComboBox.class);
            robot.interact(() -> filter.setValue(StateFilter.WAITING_FOR_ME));
            AnnotationWindow.waitUntil(() -> table.getItems().size() == 1);
            assertEquals("Cut, submitted", table.getItems().get(0).annotation().observation(),
                    "the submitted injury waits for the expert; the note waits for a researcher");
            robot.interact(() -> filter.setValue(StateFilter.DRAFT));
            AnnotationWindow.waitUntil(() -> table.getItems().size() == 1
                    && table.getItems().get(0).annotation().observation().equals("Burn, still a draft"));
        }
    }
}
