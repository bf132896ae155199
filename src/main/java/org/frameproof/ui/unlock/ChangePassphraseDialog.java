package org.frameproof.ui.unlock;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The "Change Passphrase…" dialog: stays open until the key is re-wrapped or the reviewer cancels. */
public final class ChangePassphraseDialog {
    private ChangePassphraseDialog() {
    }

    public static Dialog<Boolean> create(Window owner, ChangePassphraseViewModel viewModel) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Change Passphrase");
        dialog.setHeaderText("The store's key is wrapped again with the new passphrase.\n"
                + "The old passphrase stops working, also for backups made from now on.");
        ButtonType change = new ButtonType("Change Passphrase", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(change, ButtonType.CANCEL);

        PasswordField current = new PasswordField();
        current.setId("currentPassphraseField");
        current.textProperty().bindBidirectional(viewModel.currentProperty());
        PasswordField fresh = new PasswordField();
        fresh.setId("newPassphraseField");
        fresh.textProperty().bindBidirectional(viewModel.replacement().passphraseProperty());
        PasswordField again = new PasswordField();
        again.setId("confirmationField");
        again.textProperty().bindBidirectional(viewModel.replacement().confirmationProperty());
        Label strength = new Label();
        strength.textProperty().bind(viewModel.replacement().strengthProperty());
        strength.setWrapText(true);
        Label message = new Label();
        message.setId("changePassphraseMessage");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #c62828; -fx-font-weight: bold;");
        message.textProperty().bind(Bindings.when(viewModel.messageProperty().isNotEmpty())
                .then(viewModel.messageProperty())
                .otherwise(Bindings.when(again.textProperty().isEmpty()).then("").otherwise(viewModel.replacement().problemProperty())));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(viewModel.busyProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Current passphrase:"), current);
        grid.addRow(1, new Label("New passphrase:"), fresh);
        grid.addRow(2, new Label("The same again:"), again);
        grid.add(strength, 1, 3);
        grid.add(message, 1, 4);
        grid.add(busy, 0, 4);
        grid.setPrefWidth(520);
        dialog.getDialogPane().setContent(grid);

        Node changeButton = dialog.getDialogPane().lookupButton(change);
        changeButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        // The dialog closes only once the change is done; a wrong current passphrase keeps it open.
        changeButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.submit();
        });
        viewModel.changedProperty().addListener((observable, was, done) -> {
            if (done) {
                dialog.setResult(true);
                dialog.close();
            }
        });
        dialog.setResultConverter(button -> button == change && viewModel.changedProperty().get());
        dialog.setOnShown(event -> current.requestFocus());
        return dialog;
    }
}
