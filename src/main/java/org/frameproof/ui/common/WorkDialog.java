package org.frameproof.ui.common;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the windows of long work (File > Send…, File > Receive…) share: the progress row with its
 * Cancel, the refusal in red, the outcome as text to copy, and a modal window in the main window's
 * theme that does not close while the work runs.
 */
public final class WorkDialog {
    private static final String STYLESHEET = WorkDialog.class.getResource("work-dialog.css").toExternalForm();

    private WorkDialog() {
    }

    /** The shared parts of one window, for its layout. */
    public record Parts(HBox progress, Label failure, TextArea outcome, Button cancel, Button close) {
    }

    /**
     * @param outcome what the finished work did, shown when not empty
     * @param id the prefix of the parts' ids ("send": {@code #sendProgress}, {@code #sendFailure}, …)
     */
    public static Parts parts(CancellableRun run, ObservableStringValue outcome, String id) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id + "Progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(run.progressProperty());
        Label step = new Label();
        step.setMinWidth(200);
        step.textProperty().bind(Bindings.createStringBinding(() -> {
            double done = run.progressProperty().get();
            String on = run.stepProperty().get();
            return (on.isEmpty() ? "" : on + ": ") + (done < 0 ? "…" : Math.round(done * 100) + " %");
        }, run.progressProperty(), run.stepProperty()));
        HBox progress = new HBox(10, bar, step);
        progress.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        progress.visibleProperty().bind(run.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Label failure = new Label();
        failure.setId(id + "Failure");
        failure.getStyleClass().add("work-failure");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.textProperty().bind(run.failureProperty());
        failure.visibleProperty().bind(run.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        TextArea shown = new TextArea();
        shown.setId(id + "Outcome");
        shown.getStyleClass().add("work-outcome");
        shown.setEditable(false);
        shown.setWrapText(true);
        shown.setPrefRowCount(8);
        shown.textProperty().bind(outcome);
        shown.visibleProperty().bind(Bindings.isNotEmpty(outcome));
        shown.managedProperty().bind(shown.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setId(id + "CancelButton");
        cancel.setOnAction(event -> run.cancel());
        cancel.visibleProperty().bind(run.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button close = new Button("Close");
        close.setId(id + "CloseButton");
        close.setCancelButton(true);
        close.disableProperty().bind(run.runningProperty());
        close.setOnAction(event -> close.getScene().getWindow().hide());
        return new Parts(progress, failure, shown, cancel, close);
    }

    /** Shows {@code root} in a window modal over {@code owner}, in its theme; it is fitted as parts appear. */
    public static Stage show(Window owner, String title, Parent root, CancellableRun run, ObservableStringValue outcome) {
        root.getStyleClass().add("work-dialog");
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(STYLESHEET);
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (run.runningProperty().get()) {
                // Cancel first, so the work removes what it wrote before the window goes.
                event.consume();
            }
        });
        Runnable fit = () -> Platform.runLater(stage::sizeToScene);
        outcome.addListener((observable, old, text) -> fit.run());
        run.failureProperty().addListener((observable, old, text) -> fit.run());
        run.runningProperty().addListener((observable, old, running) -> fit.run());
        stage.show();
        return stage;
    }
}
