package org.frameproof.ui.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.frameproof.domain.Case;
import org.frameproof.domain.ChainHead;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Role;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.Progress;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.OwnerWindow;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TeamStores;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File > Receive… on the medical expert's real store: the preview of a bundle from the researcher,
 * the merge and its replay; hostile files and a cancelled merge, each leaving the store as it was.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
@NativeTier
class ReceiveScreenTest {
    private static final String CASE = "Checkpoint 4";
    @TempDir Path work;
    private Stage owner;
    private Stage dialog;
    private EvidenceStore expert;
    private Path toExpert;
    private Path toField;
    private final AtomicInteger refreshed = new AtomicInteger();

    @Start
    void start(Stage stage) {
        owner = OwnerWindow.show(stage);
    }

    /** The researcher sends a clip with a submitted injury to the expert, and the same case to field staff. */
    @BeforeEach
    void researcherSends() throws Exception {
        TeamStores.create(work, "researcher", TestStores.REVIEWER);
        TeamStores.create(work, "expert", TeamStores.EXPERT);
        TeamStores.create(work, "field", TeamStores.FIELD);
        TeamStores.accept(work, "expert", "researcher", Role.RESEARCHER);
        toExpert = work.resolve("to-expert.fpb");
        toField = work.resolve("to-field.fpb");
        try (EvidenceStore researcher = TeamStores.open(work, "researcher")) {
            researcher.contacts().add(work.resolve("expert.json"), Role.MEDICAL_EXPERT);
            researcher.contacts().add(work.resolve("field.json"), Role.FIELD_STAFF);
            Case investigation = researcher.cases().createCase(CASE, "");
            Footage clip = AnnotatedStores.importClip(researcher, investigation, Clip.MPEG2_TS_LATE_START);
            String injury = researcher.annotations().create(clip.id(), 12, 12, new AnnotationContent("wound on the left temple",
                    null, null, List.of(), null, new Finding.Injury("left temple", "gunshot wound (entry)", 1, null, null))).id();
            researcher.annotations().submit(injury);
            BundleService.Scope scope = new BundleService.Scope(CASE, null);
            researcher.bundles().export(scope, List.of("Dr. Mira Haddad"), true, null, toExpert, Progress.NONE);
            researcher.bundles().export(scope, List.of("Sami Field"), true, null, toField, Progress.NONE);
        }
        expert = TeamStores.open(work, "expert");
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
        expert.close();
    }

    private ReceiveViewModel open(FxRobot robot, TaskExecutor executor) {
        ReceiveViewModel receive = new ReceiveViewModel(expert, executor, refreshed::incrementAndGet);
        robot.interact(() -> dialog = ReceiveDialog.show(owner, receive));
        return receive;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).query() instanceof Label label ? label.getText() : robot.lookup(id).queryAs(TextArea.class).getText();
    }

    private static boolean mergeEnabled(FxRobot robot) {
        return !robot.lookup("#mergeButton").queryButton().isDisabled();
    }

    @Test
    void thePreviewSaysWhoSentItAndWhatItWouldBringThenMergeBringsItAndAReplayChangesNothing(FxRobot robot) throws Exception {
        ReceiveViewModel receive = open(robot, TaskExecutor.immediate());
        assertTrue(!mergeEnabled(robot), "nothing chosen yet");
        ChainHead before = expert.audit().head();
        robot.interact(() -> receive.choose(toExpert));
        String preview = text(robot, "#receivePreview");
        assertTrue(preview.startsWith("From Ana Test-Reviewer, a contact of this store\n"), preview);
        assertTrue(preview.contains("\n  1 new footage item(s), 1 new finding(s), 1 changed finding(s), 0 review(s)\n"), preview);
        assertTrue(preview.contains("\n  · new footage mpeg2-late-start.ts (SHA-256 67fe88534f4f…)\n"), preview);
        assertTrue(preview.endsWith("Nothing is changed until you choose Merge."), preview);
        assertEquals(before, expert.audit().head(), "a preview changes nothing");
        assertTrue(expert.footage().listAll().isEmpty());
        assertEquals(0, refreshed.get());

        robot.interact(() -> robot.lookup("#mergeButton").queryButton().fire());
        String outcome = text(robot, "#receiveOutcome");
        assertTrue(outcome.startsWith("Merged bundle ") && outcome.contains("from Ana Test-Reviewer:"), outcome);
        assertTrue(outcome.endsWith("Recorded in the audit log with the bundle's SHA-256 and its sender."), outcome);
        assertEquals(1, refreshed.get(), "the open views read the store again");
        assertEquals(1, expert.footage().listAll().size());
        assertEquals("", text(robot, "#receivePreview"));
        assertTrue(!mergeEnabled(robot), "merged once");

        ChainHead merged = expert.audit().head();
        robot.interact(() -> receive.choose(toExpert));
        assertTrue(text(robot, "#receivePreview").contains("ALREADY IMPORTED: Already imported on "), text(robot, "#receivePreview"));
        assertTrue(!mergeEnabled(robot), "a bundle imported before is not merged again");
        assertEquals(merged, expert.audit().head());
    }

    @Test
    void aFlippedByteABundleForSomeoneElseAndAFileThatIsNoBundleAreRefusedAndTheStoreIsUntouched(FxRobot robot) throws Exception {
        ReceiveViewModel receive = open(robot, TaskExecutor.immediate());
        ChainHead before = expert.audit().head();
        byte[] bytes = Files.readAllBytes(toExpert);
        bytes[bytes.length / 2] ^= 0x10;
        Path flipped = Files.write(work.resolve("flipped.fpb"), bytes);
        Path notABundle = Files.writeString(work.resolve("holiday.fpb"), "not a bundle at all\n");
        for (Path hostile : List.of(flipped, toField, notABundle)) {
            robot.interact(() -> receive.choose(hostile));
            String failure = text(robot, "#receiveFailure");
            assertTrue(failure.startsWith("The bundle " + hostile.getFileName() + " was refused: "), failure);
            assertTrue(failure.endsWith("Nothing of it was kept."), failure);
            assertEquals("", text(robot, "#receivePreview"));
            assertTrue(!mergeEnabled(robot));
            assertEquals(before, expert.audit().head(), "the store is untouched");
            assertTrue(expert.footage().listAll().isEmpty());
        }
        robot.interact(() -> receive.choose(toField));
        assertTrue(text(robot, "#receiveFailure").contains("not addressed to you (Dr. Mira Haddad)"), text(robot, "#receiveFailure"));
        assertEquals(0, refreshed.get());
    }

    @Test
    void aFileReplacedAfterItsPreviewIsNotMerged(FxRobot robot) throws Exception {
        ReceiveViewModel receive = open(robot, TaskExecutor.immediate());
        Path chosen = Files.copy(toExpert, work.resolve("chosen.fpb"));
        robot.interact(() -> receive.choose(chosen));
        ChainHead before = expert.audit().head();
        try (EvidenceStore researcher = TeamStores.open(work, "researcher")) {
            researcher.bundles().export(new BundleService.Scope(CASE, null), List.of("Dr. Mira Haddad"), true, null, chosen,
                    Progress.NONE);
        }
        robot.interact(() -> robot.lookup("#mergeButton").queryButton().fire());
        assertEquals("The bundle chosen.fpb changed after its preview was shown; nothing of it was merged. Choose it again to"
                + " see what it holds now.", text(robot, "#receiveFailure"));
        assertEquals(before, expert.audit().head());
        assertTrue(expert.footage().listAll().isEmpty());
        assertEquals(0, refreshed.get());
    }

    @Test
    void aCancelledMergeKeepsNothing(FxRobot robot) throws Exception {
        List<Task<?>> held = new ArrayList<>();
        ReceiveViewModel receive = open(robot, held::add);
        robot.interact(() -> {
            receive.choose(toExpert);
            held.remove(0).run();
        });
        ChainHead before = expert.audit().head();
        robot.interact(() -> {
            receive.merge();
            robot.lookup("#receiveCancelButton").queryButton().fire();
            held.remove(0).run();
        });
        assertEquals("Cancelled: nothing of the bundle was kept, and the store is as it was.", text(robot, "#receiveFailure"));
        assertEquals(before, expert.audit().head());
        assertTrue(expert.footage().listAll().isEmpty());
        assertEquals(0, refreshed.get());
    }
}
