package org.frameproof.ui.inspector;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;

/**
 * The questions a step of review asks before it is taken: a comment to a confirmation (optional),
 * to a rejection (required), a reason to unseal (required), whether to keep a revision of a
 * finding in conflict. OK stays off while a required text is blank; Cancel takes no step.
 */
final class ReviewDialogs {
    private ReviewDialogs() {
    }

    /** The comment to confirm with (empty text for none), or empty when cancelled. */
    static Optional<String> confirmComment(Node owner) {
        return ask(owner, "Confirm", "Confirm this finding?", "Comment (optional)", false);
    }

    /** The comment to reject with, or empty when cancelled. */
    static Optional<String> rejectComment(Node owner) {
        return ask(owner, "Reject", "Reject this finding? Say why: the author reads it.", "Comment (required)", true);
    }

    /** The reason to unseal, or empty when cancelled. */
    static Optional<String> unsealReason(Node owner) {
        return ask(owner, "Unseal", "Unseal this finding? The reason is recorded with it.", "Reason (required)", true);
    }

    /** Whether to keep a revision of a finding in conflict, after {@code question}; false when cancelled. */
    static boolean confirmKeep(Node owner, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle("Resolve the conflict");
        alert.setHeaderText("Keep this revision?");
        alert.getDialogPane().setId("keepRevisionDialog");
        style(owner, alert);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static void style(Node owner, Dialog<?> dialog) {
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    private static Optional<String> ask(Node owner, String title, String header, String prompt, boolean required) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getEditor().setPromptText(prompt);
        dialog.getEditor().setId("reviewDialogText");
        style(owner, dialog);
        if (required) {
            dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                    .bind(dialog.getEditor().textProperty().map(String::isBlank));
        }
        return dialog.showAndWait().map(String::strip);
    }
}
