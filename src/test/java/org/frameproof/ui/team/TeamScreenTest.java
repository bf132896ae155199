package org.frameproof.ui.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.frameproof.domain.Role;
import org.frameproof.evidence.ContactService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.testing.ScreenTier;
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

/** File > Team… on a real store: adding a reviewer who then unlocks, the own fingerprint, accepting a contact. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class TeamScreenTest {
    private static final String EXPERT_PASSPHRASE = "amber field lantern orchard";

    @TempDir Path folder;
    private Stage owner;
    private EvidenceStore store;
    private Dialog<Void> dialog;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
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

    private TeamViewModel open(FxRobot robot, Path data) throws Exception {
        store = TestStores.create(data);
        TeamViewModel team = new TeamViewModel(TestStores.stores(), store, TaskExecutor.immediate());
        robot.interact(() -> {
            dialog = TeamDialog.create(owner, team);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return team;
    }

    @Test
    void anAddedReviewerUnlocksWithTheirOwnPassphraseAndAWrongOneOfYoursLeavesTheStoreAsItWas(FxRobot robot) throws Exception {
        Path data = folder.resolve("data");
        TeamViewModel team = open(robot, data);
        assertEquals(1, robot.lookup("#reviewersTable").queryAs(TableView.class).getItems().size());
        Button add = robot.lookup("#addReviewerButton").queryButton();
        assertTrue(add.isDisabled(), "nothing typed yet");

        robot.interact(() -> {
            team.newNameProperty().set("Dr Omar Expert");
            team.newRoleProperty().set(Role.MEDICAL_EXPERT);
            team.newPassphrase().passphraseProperty().set(EXPERT_PASSPHRASE);
            team.newPassphrase().confirmationProperty().set(EXPERT_PASSPHRASE);
            team.yourPassphraseProperty().set("not my passphrase at all");
        });
        assertFalse(add.isDisabled());
        robot.interact(add::fire);
        String refusal = robot.lookup("#teamMessage").queryAs(Label.class).getText();
        assertTrue(refusal.contains("passphrase"), refusal);
        assertTrue(team.failedProperty().get());
        assertEquals(1, store.reviewers().list().size(), "a wrong passphrase of yours adds nobody");
        assertEquals("Dr Omar Expert", team.newNameProperty().get(), "what was typed for them stays, to try again");

        robot.interact(() -> {
            team.yourPassphraseProperty().set(TestStores.PASSPHRASE);
            add.fire();
        });
        assertFalse(team.failedProperty().get(), team.messageProperty().get());
        assertEquals(2, robot.lookup("#reviewersTable").queryAs(TableView.class).getItems().size());
        assertEquals("", team.newPassphrase().passphraseProperty().get(), "their passphrase is forgotten once used");
        store.close();
        store = null;
        try (EvidenceStore asExpert = TestStores.stores().unlock(data, EXPERT_PASSPHRASE.toCharArray())) {
            assertEquals("Dr Omar Expert", asExpert.reviewer().name());
            assertEquals(Role.MEDICAL_EXPERT, asExpert.reviewer().role());
        }
    }

    @Test
    void yourFingerprintIsShownAndExportedAndAContactIsAcceptedOnlyAfterItsFingerprintWasShown(FxRobot robot) throws Exception {
        Path colleagueFile = folder.resolve("colleague.identity.json");
        try (EvidenceStore colleague = TestStores.create(folder.resolve("colleague"))) {
            IdentityFile.write(colleague.reviewers().own().identity(), colleagueFile);
        }
        TeamViewModel team = open(robot, folder.resolve("data"));
        String own = store.reviewers().own().fingerprint().digits();
        assertEquals(TeamDialog.inTwoLines(own), robot.lookup("#ownFingerprint").queryAs(TextArea.class).getText());

        Path exported = folder.resolve("mine.identity.json");
        robot.interact(() -> team.exportIdentity(exported));
        assertEquals(IdentityFile.fingerprint(IdentityFile.read(exported)).digits(), own);

        Button accept = robot.lookup("#acceptContactButton").queryButton();
        robot.interact(() -> team.preview(colleagueFile));
        String expected = IdentityFile.fingerprint(IdentityFile.read(colleagueFile)).digits();
        assertEquals(TeamDialog.inTwoLines(expected), robot.lookup("#candidateFingerprint").queryAs(Label.class).getText());
        assertTrue(store.contacts().list().isEmpty(), "previewing accepts nothing");
        // The file is replaced after its fingerprint was shown: what is accepted is what was shown.
        Files.writeString(colleagueFile, "{\"not\":\"an identity\"}");
        robot.interact(() -> {
            team.candidateRoleProperty().set(Role.MEDICAL_EXPERT);
            accept.fire();
        });
        List<ContactService.Contact> contacts = store.contacts().list();
        assertEquals(1, contacts.size(), team.messageProperty().get());
        assertEquals(expected, contacts.get(0).fingerprint().digits());
        assertEquals(Role.MEDICAL_EXPERT, contacts.get(0).acceptedRole());
        assertEquals(1, robot.lookup("#contactsTable").queryAs(TableView.class).getItems().size());

        robot.interact(() -> team.preview(colleagueFile));
        assertTrue(team.failedProperty().get(), "a file that is not an identity is refused: " + team.messageProperty().get());
        assertTrue(accept.isDisabled());
    }
}
