package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.review.AnnotationSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The annotation workflow as a reviewer drives it with the keyboard, on a real encrypted store and
 * real clips; what the screens save is read back through the service, and after reopening the
 * store as a new instance.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class AnnotationScreenTest {
    private static final Reviewer EXPERT = new Reviewer("Dr Nune Sargsyan", Role.MEDICAL_EXPERT);
    private static final String EXPERT_PASSPHRASE = "the expert's own passphrase";
    @TempDir Path dataFolder;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void eachKindIsCreatedWithTheKeyboardAloneAndIsThereAfterReopening(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.type(KeyCode.RIGHT, 3);
            window.waitForFrame(3);

            robot.type(KeyCode.DIGIT1);
            assertTrue(robot.lookup("#observationArea").queryAs(TextArea.class).isFocused(), "cursor in the form");
            robot.write("Wound on the left temple").type(KeyCode.TAB).write("close-range shot").type(KeyCode.TAB)
                    .type(KeyCode.TAB).write("temple, gunshot").type(KeyCode.TAB).write("left temple")
                    .type(KeyCode.TAB).write("gunshot wound (entry)").type(KeyCode.TAB).write("1").type(KeyCode.ENTER);
            Annotation injury = window.only(clip.id());
            assertEquals(3, injury.span().startFrame());
            assertEquals(3, injury.span().endFrame());
            assertEquals("Wound on the left temple", injury.observation());
            assertEquals("close-range shot", injury.interpretation());
            assertEquals(List.of("temple", "gunshot"), injury.tags());
            assertEquals(new Finding.Injury("left temple", "gunshot wound (entry)", 1, null, null), injury.finding());
            assertEquals(clip.sha256(), injury.footageSha256());

            // A range: in at 5, out at 9, then a location with coordinates in degrees, minutes and seconds.
            robot.type(KeyCode.RIGHT, 2);
            window.waitForFrame(5);
            robot.type(KeyCode.I).type(KeyCode.RIGHT, 4);
            window.waitForFrame(9);
            robot.type(KeyCode.O).type(KeyCode.DIGIT2);
            robot.write("Church tower on the hill").type(KeyCode.TAB, 4).write("Hadrut").type(KeyCode.TAB)
                    .write("39°31'12\"N").type(KeyCode.TAB).write("46°59'E").type(KeyCode.ENTER);
            Finding.Location location = (Finding.Location) find(window, clip, AnnotationKind.LOCATION).finding();
            Annotation range = find(window, clip, AnnotationKind.LOCATION);
            assertEquals(5, range.span().startFrame());
            assertEquals(9, range.span().endFrame());
            assertEquals("Hadrut", location.placeName());
            assertEquals(39.52, location.latitude(), 1e-9);
            assertEquals(46.983333, location.longitude(), 1e-6);

            // A force claimed without its basis is refused; with the basis it is saved.
            robot.type(KeyCode.DIGIT3).write("White armbands on both men").type(KeyCode.TAB, 4)
                    .write("camouflage").type(KeyCode.TAB, 7).write("Unit 5").type(KeyCode.ENTER);
            String refusal = robot.lookup(".form-message").queryAs(Label.class).getText();
            assertTrue(refusal.contains("basis"), refusal);
            assertEquals("", find(window, clip, AnnotationKind.UNIFORM).observation(), "nothing saved while refused");
            robot.type(KeyCode.TAB).write("patch on the left sleeve").type(KeyCode.ENTER);
            Finding.Uniform uniform = (Finding.Uniform) find(window, clip, AnnotationKind.UNIFORM).finding();
            assertEquals("Unit 5", uniform.claimedForce());
            assertEquals("patch on the left sleeve", uniform.claimBasis());
            assertEquals("camouflage", uniform.camouflage());

            robot.type(KeyCode.DIGIT4).write("Shouting off camera").type(KeyCode.TAB, 4).write("speech").type(KeyCode.ENTER);
            Annotation note = find(window, clip, AnnotationKind.NOTE);
            assertEquals("Shouting off camera", note.observation());
            assertEquals(new Finding.Note("speech"), note.finding());
            assertEquals(4, window.stored(clip.id()).size());
            assertEquals(4, window.session.annotations().size());
        }
        try (AnnotationWindow reopened = AnnotationWindow.open(robot, stage, dataFolder)) {
            reopened.openFootage(clip);
            assertEquals(4, reopened.session.annotations().size());
            assertEquals("Shouting off camera", find(reopened, clip, AnnotationKind.NOTE).observation());
        }
    }

    @Test
    void undoAndRedoFromTheKeyboardAndTheEditMenu(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.type(KeyCode.DIGIT4).write("typed by mistake").type(KeyCode.ESCAPE);
            assertTrue(window.stored(clip.id()).isEmpty(), "Esc takes back a new annotation never saved");
            assertTrue(window.session.annotations().isEmpty());
            robot.type(KeyCode.DIGIT4).write("First words").type(KeyCode.ENTER);
            assertEquals("First words", window.only(clip.id()).observation());

            robot.push(KeyCode.CONTROL, KeyCode.Z);
            assertEquals("", window.only(clip.id()).observation(), "the edit is undone");
            robot.push(KeyCode.CONTROL, KeyCode.Z);
            assertTrue(window.stored(clip.id()).isEmpty(), "the creation is undone");
            robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            assertEquals("", window.only(clip.id()).observation());
            assertEquals("Redo edit of note at frame 0", window.session.redoTextProperty().get());
            robot.clickOn("Edit");
            robot.clickOn("Redo edit of note at frame 0");
            assertEquals("First words", window.only(clip.id()).observation());
            assertEquals("First words", robot.lookup("#observationArea").queryAs(TextArea.class).getText());
        }
    }

    @Test
    void theOpenFootagesAnnotationsFollowEachChangeInTheOrderAReadGives(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            AnnotationService annotations = window.store.annotations();
            Annotation a = onFx(robot, () -> annotations.create(clip.id(), 30, 30, note("a")));
            onFx(robot, () -> annotations.create(clip.id(), 10, 10, note("b")));
            Annotation c = onFx(robot, () -> annotations.create(clip.id(), 20, 40, note("c")));
            assertEquals(window.stored(clip.id()), window.session.annotations());
            robot.interact(() -> window.session.select(c));
            onFx(robot, () -> annotations.retime(c.id(), 5, 5));
            assertEquals(window.stored(clip.id()), window.session.annotations(), "moved to the front");
            assertEquals(5, window.session.selectedProperty().get().span().startFrame(), "the selection follows");
            onFx(robot, () -> annotations.edit(c.id(), note("c, edited")));
            assertEquals("c, edited", window.session.selectedProperty().get().observation());
            onFx(robot, () -> {
                annotations.delete(a.id());
                return null;
            });
            assertEquals(window.stored(clip.id()), window.session.annotations());
            onFx(robot, () -> annotations.history().undo());
            assertEquals(window.stored(clip.id()), window.session.annotations(), "the deletion undone");
            assertEquals(3, window.session.annotations().size());
            onFx(robot, () -> annotations.history().redo());
            assertEquals(window.stored(clip.id()), window.session.annotations());
            assertEquals(2, window.session.annotations().size());
        }
    }

    private static AnnotationContent note(String observation) {
        return new AnnotationContent(observation, null, null, List.of(), null, new Finding.Note(null));
    }

    @FunctionalInterface
    private interface Change<T> {
        T run() throws UserFacingException;
    }

    /** Runs a change on the FX thread, as the screens make them, and returns what it returned. */
    private static <T> T onFx(FxRobot robot, Change<T> change) {
        AtomicReference<T> result = new AtomicReference<>();
        robot.interact(() -> {
            try {
                result.set(change.run());
            } catch (UserFacingException e) {
                throw new IllegalStateException(e);
            }
        });
        return result.get();
    }

    /** A researcher's injury, submitted, in a store where the medical expert {@link #EXPERT} works too. */
    private Annotation submittedInjuryForTheExpert(Footage clip) throws Exception {
        Annotation[] injury = new Annotation[1];
        AnnotationWindow.addReviewer(dataFolder, EXPERT, EXPERT_PASSPHRASE, store -> {
            Annotation made = store.annotations().create(clip.id(), 2, 2, new AnnotationContent("Exit wound", null, null,
                    List.of(), null, new Finding.Injury(null, "gunshot wound (exit)", 1, null, null)));
            injury[0] = store.annotations().submit(made.id());
        });
        return injury[0];
    }

    @Test
    void aMedicalExpertConfirmsAnInjury(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        Annotation injury = submittedInjuryForTheExpert(clip);
        try (AnnotationWindow window = AnnotationWindow.openAs(robot, stage, dataFolder, EXPERT_PASSPHRASE)) {
            window.openFootage(clip);
            robot.interact(() -> window.session.select(injury));
            robot.clickOn("#confirmButton");
            robot.clickOn("#reviewDialogText").write("an exit wound, as described");
            robot.clickOn("OK");
            Review review = window.only(clip.id()).review();
            assertEquals(Review.Verdict.CONFIRMED, review.verdict());
            assertEquals(EXPERT.name(), review.reviewer());
            assertEquals("an exit wound, as described", review.comment());
            String shown = robot.lookup("#reviewLabel").queryAs(Label.class).getText();
            assertTrue(shown.startsWith("Confirmed by Dr Nune Sargsyan on ") && shown.endsWith("counts here"), shown);
            assertEquals("Confirmed.", robot.lookup("#reviewResultLabel").queryAs(Label.class).getText());
            assertTrue(robot.lookup("#confirmButton").queryAs(Button.class).isDisabled(), "confirmed once, not again");
            assertFalse(robot.lookup("#sealButton").queryAs(Button.class).isDisabled());
        }
    }

    @Test
    void anImportedInjuryShowsWhereItCameFromAndItsReviewOnlyAsAClaim(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        Review forged = Review.claimed(Review.Verdict.CONFIRMED, "Dr X", java.time.Instant.parse("2024-01-02T00:00:00Z"), null);
        Annotation[] imported = new Annotation[1];
        AnnotationWindow.addReviewer(dataFolder, EXPERT, EXPERT_PASSPHRASE, store -> {
            imported[0] = store.annotations().importInto(clip.id(), "forged.json", "ab".repeat(32), List.of(new Annotation(
                    java.util.UUID.randomUUID().toString(), clip.id(), clip.sha256(),
                    new org.frameproof.domain.FrameSpan(2, 2, 0, 0), "Exit wound", null, null, List.of(), null,
                    new Finding.Injury(null, null, null, null, null), "Dr X", Role.MEDICAL_EXPERT,
                    java.time.Instant.parse("2024-01-01T00:00:00Z"), null, null, ReviewStatus.reviewed(forged))))
                    .added().get(0);
            imported[0] = store.annotations().submit(imported[0].id());
        });
        try (AnnotationWindow window = AnnotationWindow.openAs(robot, stage, dataFolder, EXPERT_PASSPHRASE)) {
            window.openFootage(clip);
            robot.interact(() -> window.session.select(imported[0]));
            String mark = robot.lookup("#importedLabel").queryAs(Label.class).getText();
            assertTrue(mark.startsWith("Imported from forged.json (sha256 abababababababab…) by " + TestStores.REVIEWER.name()
                    + " at ") && mark.contains("author, role and review are the file's claims")
                    && mark.contains("Claimed in import: confirmed by Dr X"), mark);
            assertEquals("Not reviewed by a medical expert.", robot.lookup("#reviewLabel").queryAs(Label.class).getText());
            robot.clickOn("#confirmButton");
            robot.clickOn("OK");
            Review review = window.only(clip.id()).review();
            assertEquals("Dr Nune Sargsyan", review.reviewer(), "confirmed for real by this store's expert");
        }
    }

    @Test
    void fieldStaffCannotConfirmAndSeeWhy(FxRobot robot) throws Exception {
        Footage clip = AnnotationWindow.createWithClip(dataFolder, new Reviewer("Aram Field", Role.FIELD_STAFF),
                Clip.H264_BFRAMES_LONGGOP);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            window.openFootage(clip);
            robot.type(KeyCode.DIGIT1).write("Bruise on the forearm").type(KeyCode.ENTER);
            assertTrue(robot.lookup("#confirmButton").queryAs(Button.class).isDisabled());
            assertTrue(robot.lookup("#rejectButton").queryAs(Button.class).isDisabled());
            String why = robot.lookup("#reviewHintLabel").queryAs(Label.class).getText();
            assertTrue(why.contains("Only a medical expert") && why.contains("field staff"), why);
            // The service refuses too, whatever the screen shows.
            robot.interact(() -> assertFalse(window.session.review(Review.Verdict.CONFIRMED, null)));
            assertTrue(window.session.messageProperty().get().contains("Only a medical expert"));
            assertNull(window.only(clip.id()).review());
        }
    }

    @Test
    void aFileOpenedDirectlyCannotBeAnnotatedAndSaysWhy(FxRobot robot) throws Exception {
        AnnotationWindow.createWithClip(dataFolder, TestStores.REVIEWER, Clip.VP9);
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, dataFolder)) {
            robot.interact(() -> window.player.open(Clip.H264_BFRAMES_LONGGOP.path()));
            AnnotationWindow.waitUntil(() -> window.player.currentFrameProperty().get() == 0);
            robot.type(KeyCode.DIGIT1);
            assertFalse(window.session.enabledProperty().get());
            assertEquals(AnnotationSession.IMPORT_HINT, window.session.hintProperty().get());
            assertTrue(robot.lookup(AnnotationSession.IMPORT_HINT).tryQuery().isPresent(), "the hint is on screen");
        }
    }

    private static Annotation find(AnnotationWindow window, Footage clip, AnnotationKind kind) throws Exception {
        return window.stored(clip.id()).stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }
}
