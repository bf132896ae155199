package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.Progress;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A finding changed both here and by a contact, received in a bundle, is marked in conflict in the
 * inspector, the list and its filter; the reviewer keeps either revision, after confirming, and the
 * decision is recorded; a refusal of the service is shown in the reviewer's words.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class ConflictScreenTest {
    private static final Reviewer EXPERT = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
    @TempDir Path work;
    private Stage stage;
    private Path researcherFolder;
    private Footage clip;
    private Annotation[] inConflict;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    private static AnnotationContent tagged(String observation, String tag) {
        return new AnnotationContent(observation, null, Confidence.HIGH, List.of(tag), null,
                new Finding.Injury("left temple", "gunshot wound (entry)", 1, null, null));
    }

    private Path send(EvidenceStore from, String to, String name, boolean withFootage) throws UserFacingException {
        Path bundle = work.resolve(name);
        from.bundles().export(new BundleService.Scope("Case A", null), List.of(to), withFootage, null, bundle, Progress.NONE);
        return bundle;
    }

    /**
     * Two findings of the researcher's store, each tagged differently here and by the expert after the
     * expert received them, and the expert's revisions received back: both in conflict.
     */
    @BeforeEach
    void twoFindingsInConflict() throws Exception {
        researcherFolder = work.resolve("researcher");
        clip = AnnotationWindow.createWithClip(researcherFolder, TestStores.REVIEWER, Clip.H264_BFRAMES_LONGGOP);
        Annotation[] made = new Annotation[2];
        try (EvidenceStore researcher = TestStores.unlock(researcherFolder);
             EvidenceStore expert = TestStores.stores().create(work.resolve("expert"), TestStores.PASSPHRASE.toCharArray(), EXPERT)) {
            IdentityFile.write(expert.reviewers().own().identity(), work.resolve("expert.json"));
            IdentityFile.write(researcher.reviewers().own().identity(), work.resolve("researcher.json"));
            researcher.contacts().add(work.resolve("expert.json"), Role.MEDICAL_EXPERT);
            expert.contacts().add(work.resolve("researcher.json"), Role.RESEARCHER);
            made[0] = researcher.annotations().create(clip.id(), 2, 2, tagged("Burn on the hand", "t"));
            made[1] = researcher.annotations().create(clip.id(), 4, 6, tagged("Cut on the arm", "t"));
            expert.bundles().importBundle(send(researcher, EXPERT.name(), "to-expert.fpb", true), false, Progress.NONE);
            for (Annotation finding : made) {
                researcher.annotations().edit(finding.id(), tagged(finding.observation(), "researcher's tag"));
                expert.annotations().edit(finding.id(), tagged(finding.observation(), "expert's tag"));
            }
            BundleService.Imported back = researcher.bundles().importBundle(
                    send(expert, TestStores.REVIEWER.name(), "back.fpb", false), false, Progress.NONE);
            assertEquals(2, back.conflicts(), String.join("\n", back.changes()));
        }
        inConflict = made;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.isVisible() && node.getScene() != null;
    }

    @Test
    void theReviewerKeepsTheReceivedRevisionOfOneAndThisStoresOfTheOtherAfterConfirming(FxRobot robot) throws Exception {
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, researcherFolder)) {
            window.openFootage(clip);
            robot.clickOn("List");
            @SuppressWarnings("unchecked")
            TableView<AnnotationListViewModel.Row> table = robot.lookup(".annotation-list .table-view").queryAs(TableView.class);
            @SuppressWarnings("unchecked")
            ComboBox<StateFilter> filter = robot.lookup("#statusFilter").queryAs(ComboBox.class);
            robot.interact(() -> filter.setValue(StateFilter.IN_CONFLICT));
            AnnotationWindow.waitUntil(() -> table.getItems().size() == 2 && table.getItems().stream()
                    .allMatch(row -> row.inConflict() && row.glyph().endsWith("⚠")));

            robot.interact(() -> window.session.select(inConflict[0]));
            robot.clickOn("Inspector");
            assertTrue(shown(robot, "#conflictBox"));
            assertTrue(text(robot, "#conflictNotice").startsWith("⚠ In conflict: changed here and by Dr. Mira Haddad"),
                    text(robot, "#conflictNotice"));
            long received = window.store.bundles().conflicts(List.of(inConflict[0].id())).get(inConflict[0].id()).get(0).revision();
            assertTrue(robot.lookup("Revision " + received + ", received from Dr. Mira Haddad").tryQuery().isPresent());
            assertTrue(robot.lookup("This store: researcher's tag").tryQuery().isPresent()
                    && robot.lookup("Received: expert's tag").tryQuery().isPresent(),
                    "the tags, where the revisions differ, side by side");

            robot.clickOn("#keep-" + received);
            robot.clickOn("OK");
            AnnotationWindow.waitUntil(() -> !shown(robot, "#conflictBox"));
            assertEquals("Kept revision " + received + ": the conflict is resolved.", text(robot, "#conflictResultLabel"));
            assertEquals(List.of("expert's tag"), window.store.annotations().require(inConflict[0].id()).tags());
            assertEquals(List.of("expert's tag"), window.session.selectedProperty().get().tags(), "the inspector shows it");
            assertEquals("annotation.resolve", last(window.store));

            robot.interact(() -> window.session.select(inConflict[1]));
            assertTrue(shown(robot, "#conflictBox"));
            robot.clickOn("#keep-here");
            robot.clickOn("Cancel");
            assertTrue(shown(robot, "#conflictBox"), "cancelled: still in conflict");
            robot.clickOn("#keep-here");
            robot.clickOn("OK");
            AnnotationWindow.waitUntil(() -> !shown(robot, "#conflictBox"));
            assertEquals("Kept this store's revision: the conflict is resolved.", text(robot, "#conflictResultLabel"));
            assertEquals(List.of("researcher's tag"), window.store.annotations().require(inConflict[1].id()).tags());
            assertEquals("annotation.resolve", last(window.store));

            robot.clickOn("List");
            AnnotationWindow.waitUntil(() -> table.getItems().isEmpty());
            robot.interact(() -> filter.setValue(null));
            AnnotationWindow.waitUntil(() -> table.getItems().size() == 2 && table.getItems().stream().noneMatch(
                    AnnotationListViewModel.Row::inConflict));
        }
    }

    @Test
    void aRefusalOfTheServiceIsShownInTheReviewersWords(FxRobot robot) throws Exception {
        try (AnnotationWindow window = AnnotationWindow.open(robot, stage, researcherFolder)) {
            window.openFootage(clip);
            robot.interact(() -> window.session.select(inConflict[0]));
            assertTrue(shown(robot, "#conflictBox"));
            // Resolved meanwhile (by the command line, say): the inspector's choice comes too late.
            window.store.bundles().resolve(inConflict[0].id(), "here");
            robot.clickOn("#keep-here");
            robot.clickOn("OK");
            assertEquals("Annotation " + inConflict[0].id() + " is not in conflict.", text(robot, "#conflictResultLabel"));
            assertFalse(shown(robot, "#conflictBox"), "the finding as it stands: no longer in conflict");
        }
    }

    private static String last(EvidenceStore store) throws UserFacingException {
        List<AuditEntry> entries = TestStores.auditEntries(store);
        return entries.get(entries.size() - 1).action();
    }
}
