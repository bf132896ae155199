package org.frameproof.ui.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frameproof.app.MainWindowParts;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.Role;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ExportService;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.ExportOptions;
import org.frameproof.exchange.OpenFrames;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TeamStores;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.send.SendDialog;
import org.frameproof.ui.send.SendViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The round trip of issue 14 through the screens, with three data folders set up as people would
 * (stores, reviewers, identities accepted as contacts): field staff send footage and a note from
 * File > Send…; the researcher receives them (preview, then merge), submits an injury in the
 * inspector and sends the case to the medical expert; the expert receives it, confirms the injury in
 * the inspector and sends it back without the footage; the researcher receives that, and the
 * inspector and the PDF report show the confirmation signed by the expert, counted here. Each
 * store's main window is opened in turn on the one stage, as one laptop after another.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
@NativeTier
class BundleRoundTripScreenTest {
    private static final String CASE = "Checkpoint 4";
    @TempDir Path work;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void aCaseGoesFromTheFieldToTheResearcherToTheExpertAndBackThroughTheScreens(FxRobot robot) throws Exception {
        TeamStores.create(work, "field", TeamStores.FIELD);
        TeamStores.create(work, "researcher", TestStores.REVIEWER);
        TeamStores.create(work, "expert", TeamStores.EXPERT);
        TeamStores.accept(work, "field", "researcher", Role.RESEARCHER);
        TeamStores.accept(work, "researcher", "field", Role.FIELD_STAFF);
        TeamStores.accept(work, "researcher", "expert", Role.MEDICAL_EXPERT);
        TeamStores.accept(work, "expert", "researcher", Role.RESEARCHER);
        TeamStores.accept(work, "expert", "field", Role.FIELD_STAFF);
        try (EvidenceStore field = TeamStores.open(work, "field")) {
            Case investigation = field.cases().createCase(CASE, "");
            Footage clip = AnnotatedStores.importClip(field, investigation, Clip.MPEG2_TS_LATE_START);
            field.annotations().create(clip.id(), 20, 20, new AnnotationContent("shots heard", null, null, List.of(), null,
                    new Finding.Note("sound")));
        }

        Path fieldToResearcher = work.resolve("field-to-researcher.fpb");
        try (Desk desk = new Desk(robot, "field")) {
            desk.send(fieldToResearcher, "Ana Test-Reviewer", true);
        }

        Path researcherToExpert = work.resolve("researcher-to-expert.fpb");
        String injury;
        try (Desk desk = new Desk(robot, "researcher")) {
            String preview = desk.receive(fieldToResearcher);
            assertTrue(preview.startsWith("From Sami Field, a contact of this store"), preview);
            assertTrue(preview.contains("1 new footage item(s), 1 new finding(s)"), preview);
            assertEquals(List.of(CASE), desk.parts.cases().cases().stream().map(row -> row.investigation().title()).toList(),
                    "the cases tree shows the case received");
            Footage received = desk.parts.cases().cases().get(0).footage().get(0).footage();
            desk.openFootage(received);
            // Made as the inspector's form would save it, on the FX thread where the open window shows it.
            injury = onFx(() -> desk.store.annotations().create(received.id(), 12, 12, new AnnotationContent(
                    "wound on the left temple", null, null, List.of(), null,
                    new Finding.Injury("left temple", "gunshot wound (entry)", 1, null, null)))).id();
            desk.select(injury);
            robot.clickOn("#submitButton");
            assertEquals("→ Submitted", desk.label("#stateLabel"));
            desk.send(researcherToExpert, "Dr. Mira Haddad", true);
        }

        Path expertToResearcher = work.resolve("expert-to-researcher.fpb");
        try (Desk desk = new Desk(robot, "expert")) {
            String preview = desk.receive(researcherToExpert);
            assertTrue(preview.startsWith("From Ana Test-Reviewer, a contact of this store"), preview);
            desk.openFootage(desk.store.footage().listAll().get(0));
            desk.select(injury);
            assertEquals("→ Submitted", desk.label("#stateLabel"));
            robot.clickOn("#confirmButton");
            robot.clickOn("#reviewDialogText").write("consistent with a gunshot");
            robot.clickOn("OK");
            assertEquals("✓ Confirmed", desk.label("#stateLabel"));
            desk.send(expertToResearcher, "Ana Test-Reviewer", false);
        }

        try (Desk desk = new Desk(robot, "researcher")) {
            Footage clip = desk.store.footage().listAll().get(0);
            desk.openFootage(clip);
            String preview = desk.receive(expertToResearcher);
            assertTrue(preview.startsWith("From Dr. Mira Haddad, a contact of this store"), preview);
            assertTrue(preview.contains(" 1 review(s)") && preview.contains(" 0 in conflict"), preview);
            desk.select(injury);
            assertEquals("✓ Confirmed", desk.label("#stateLabel"), "the open footage's findings were read again after the merge");
            String review = desk.label("#reviewLabel");
            assertTrue(review.contains("Dr. Mira Haddad") && review.contains("consistent with a gunshot")
                    && review.endsWith("counts here"), review);
            assertEquals(ReviewState.CONFIRMED, desk.store.annotations().require(injury).status().state());

            String report = desk.pdfText();
            assertTrue(report.contains("Review signed by Dr. Mira Haddad"), report);
            assertTrue(report.contains("counts in this store"), report);
        }
    }

    /** One laptop: the main window on one store, with its Send and Receive dialogs as the File menu opens them. */
    private final class Desk implements AutoCloseable {
        final EvidenceStore store;
        final MainWindowParts parts;
        private final VlcPlayback playback;
        private final FxRobot robot;

        Desk(FxRobot robot, String name) throws Exception {
            this.robot = robot;
            store = TeamStores.open(work, name);
            VideoSurface surface = new VideoSurface();
            playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
            parts = new MainWindowParts(TestStores.composition(), store, playback, surface, MainWindowParts.Threads.immediate(),
                    "test");
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(800);
                parts.show(stage);
            });
        }

        /** File > Send…: the case to {@code contact}, saved as {@code bundle}. */
        void send(Path bundle, String contact, boolean withFootage) {
            SendViewModel send = parts.mainWindow().sendProperty().get().get();
            Stage dialog = onFx(() -> SendDialog.show(stage, send));
            @SuppressWarnings("unchecked")
            ComboBox<SendViewModel.What> what = robot.lookup("#sendWhat").queryAs(ComboBox.class);
            @SuppressWarnings("unchecked")
            TableView<SendViewModel.Recipient> to = robot.lookup("#sendRecipients").queryAs(TableView.class);
            robot.interact(() -> {
                what.setValue(what.getItems().get(0));
                to.getItems().stream().filter(recipient -> recipient.name().equals(contact)).findFirst().orElseThrow()
                        .chosenProperty().set(true);
                robot.lookup("#sendWithFootage").queryAs(CheckBox.class).setSelected(withFootage);
                robot.lookup("#sendDestination").queryAs(TextField.class).setText(bundle.toString());
            });
            robot.clickOn("#sendButton");
            waitUntil(() -> !send.outcomeProperty().get().isEmpty() || !send.run().failureProperty().get().isEmpty());
            String outcome = robot.lookup("#sendOutcome").queryAs(TextArea.class).getText();
            assertTrue(outcome.startsWith("Wrote " + bundle + "\nfor " + contact), outcome + send.run().failureProperty().get());
            robot.clickOn("#sendCloseButton");
            assertTrue(!dialog.isShowing());
        }

        /** File > Receive…: the preview of {@code bundle}, then Merge; returns the preview. */
        String receive(Path bundle) {
            ReceiveViewModel receive = parts.mainWindow().receiveProperty().get().get();
            Stage dialog = onFx(() -> ReceiveDialog.show(stage, receive));
            robot.interact(() -> receive.choose(bundle));
            String preview = robot.lookup("#receivePreview").queryAs(TextArea.class).getText();
            assertTrue(preview.endsWith("Nothing is changed until you choose Merge."), preview + receive.run().failureProperty().get());
            robot.clickOn("#mergeButton");
            String outcome = robot.lookup("#receiveOutcome").queryAs(TextArea.class).getText();
            assertTrue(outcome.startsWith("Merged bundle "), outcome + receive.run().failureProperty().get());
            robot.clickOn("#receiveCloseButton");
            assertTrue(!dialog.isShowing());
            return preview;
        }

        void openFootage(Footage item) {
            robot.interact(() -> parts.session().openFootage(item));
            waitUntil(() -> parts.session().enabledProperty().get() && parts.player().currentFrameProperty().get() == 0);
        }

        void select(String id) throws Exception {
            Annotation finding = store.annotations().require(id);
            robot.interact(() -> parts.session().select(finding));
            WaitForAsyncUtils.waitForFxEvents();
        }

        String label(String id) {
            return robot.lookup(id).queryAs(Label.class).getText();
        }

        /** The case's PDF report, as File > Export… writes it, as text with white space runs made one space. */
        String pdfText() throws Exception {
            Path pdf = work.resolve("report.pdf");
            try (OpenFrames frames = TestStores.vaultFrames(store)) {
                store.exports().export(ExportService.Scope.ofCase(CASE), ExportFormat.PDF, pdf, frames,
                        ExportOptions.GraphicStills.BLUR, false, ExportMonitor.NONE);
            }
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
        }

        @Override
        public void close() throws Exception {
            robot.interact(parts.player()::close);
            playback.close();
            store.close();
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
