package org.frameproof.ui.unlock;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.frameproof.domain.Role;
import org.frameproof.ui.common.RoleNames;

/** Binds the unlock screen to its view model; what to do on cancel is the window's business. */
public final class UnlockController {
    private final UnlockViewModel viewModel;
    private final Runnable onCancel;

    @FXML private Label heading;
    @FXML private Label introduction;
    @FXML private Label dataFolderLabel;
    @FXML private GridPane firstRunFields;
    @FXML private TextField nameField;
    @FXML private ComboBox<Role> roleBox;
    @FXML private PasswordField newPassphraseField;
    @FXML private PasswordField confirmationField;
    @FXML private Label strengthLabel;
    @FXML private Label recoveryWarning;
    @FXML private GridPane unlockFields;
    @FXML private TextField reviewerField;
    @FXML private PasswordField passphraseField;
    @FXML private Label messageLabel;
    @FXML private Label waitLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label busyLabel;
    @FXML private Button submitButton;
    @FXML private HBox demoRow;
    @FXML private Button demoButton;
    @FXML private Label demoNoticeLabel;

    UnlockController(UnlockViewModel viewModel, Runnable onCancel) {
        this.viewModel = viewModel;
        this.onCancel = onCancel;
    }

    @FXML
    private void initialize() {
        boolean firstRun = viewModel.firstRun();
        heading.setText(firstRun ? "Create your encrypted store" : "Unlock Frameproof");
        introduction.setText(firstRun
                ? "Cases, notes and the evidence records are kept encrypted on this computer. Every change is recorded with your name and role."
                : "Enter your passphrase: each reviewer has their own, and your work is recorded as yours.");
        dataFolderLabel.setText("Data folder: " + viewModel.dataFolder());
        showOnly(firstRunFields, firstRun);
        showOnly(recoveryWarning, firstRun);
        showOnly(unlockFields, !firstRun);
        submitButton.setText(firstRun ? "Create Store" : "Unlock");
        showOnly(demoRow, viewModel.demoOffered());
        demoButton.disableProperty().bind(viewModel.busyProperty());
        demoNoticeLabel.textProperty().bind(viewModel.demoNoticeProperty());
        demoNoticeLabel.visibleProperty().bind(viewModel.demoNoticeProperty().isNotEmpty());
        demoNoticeLabel.managedProperty().bind(demoNoticeLabel.visibleProperty());
        busyLabel.setText(firstRun ? "Creating the store…" : "Unlocking…");

        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        roleBox.getItems().setAll(Role.values());
        roleBox.setConverter(new RoleNames());
        roleBox.valueProperty().bindBidirectional(viewModel.roleProperty());
        newPassphraseField.textProperty().bindBidirectional(viewModel.newPassphrase().passphraseProperty());
        confirmationField.textProperty().bindBidirectional(viewModel.newPassphrase().confirmationProperty());
        strengthLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String problem = viewModel.newPassphrase().problemProperty().get();
            String strength = viewModel.newPassphrase().strengthProperty().get();
            boolean mismatchOnly = problem.startsWith("The two") && !viewModel.newPassphrase().confirmationProperty().get().isEmpty();
            return mismatchOnly ? strength + " " + problem : strength;
        }, viewModel.newPassphrase().problemProperty(), viewModel.newPassphrase().strengthProperty()));
        reviewerField.textProperty().bindBidirectional(viewModel.reviewerProperty());
        passphraseField.textProperty().bindBidirectional(viewModel.passphraseProperty());

        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        waitLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "You can try again in " + viewModel.secondsToWaitProperty().get() + " s.",
                viewModel.secondsToWaitProperty()));
        waitLabel.visibleProperty().bind(viewModel.secondsToWaitProperty().greaterThan(0));
        waitLabel.managedProperty().bind(waitLabel.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyLabel.visibleProperty().bind(viewModel.busyProperty());
        submitButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        nameField.disableProperty().bind(viewModel.busyProperty());
        reviewerField.disableProperty().bind(viewModel.busyProperty());
        passphraseField.disableProperty().bind(viewModel.busyProperty());
        // After a failed try the passphrase field is emptied; put the cursor back in it.
        viewModel.busyProperty().addListener((observable, was, isBusy) -> {
            if (!isBusy) {
                (firstRun ? newPassphraseField : passphraseField).requestFocus();
            }
        });
    }

    /** The field the reviewer types into first. */
    Node firstField() {
        return viewModel.firstRun() ? nameField : passphraseField;
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void tryDemo() {
        viewModel.tryDemo();
    }

    @FXML
    private void cancel() {
        onCancel.run();
    }

    private static void showOnly(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
