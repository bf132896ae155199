package org.frameproof.ui.inspector;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.Region;
import org.frameproof.ui.review.AnnotationSession;

/**
 * Binds the inspector's form to its view model. Keyboard first: Tab walks the fields, Enter saves
 * and gives the keys back to the video (Shift+Enter starts a new line in a text area), Esc drops
 * what was typed. Leaving the form saves it too, so nothing typed is lost.
 */
public final class InspectorController {
    private final InspectorViewModel viewModel;
    private final AnnotationSession session;
    private final Runnable focusVideo;
    private boolean rehearsed;

    @FXML private StackPane root;
    @FXML private Label placeholder;
    @FXML private ScrollPane formScroll;
    @FXML private VBox form;
    @FXML private Label headingLabel;
    @FXML private Label detailsLabel;
    @FXML private Label importedLabel;
    @FXML private TextArea observationArea;
    @FXML private TextArea interpretationArea;
    @FXML private ComboBox<Confidence> confidenceBox;
    @FXML private TextField tagsField;
    @FXML private VBox injurySection;
    @FXML private BodyDiagram bodyDiagram;
    @FXML private GridPane injuryGrid;
    @FXML private GridPane locationGrid;
    @FXML private GridPane uniformGrid;
    @FXML private GridPane noteGrid;
    @FXML private VBox conflictBox;
    @FXML private Label conflictNotice;
    @FXML private VBox conflictSides;
    @FXML private Label conflictResultLabel;
    @FXML private Label stateLabel;
    @FXML private Label signerLabel;
    @FXML private Label reviewLabel;
    @FXML private Button submitButton;
    @FXML private Button confirmButton;
    @FXML private Button rejectButton;
    @FXML private Button sealButton;
    @FXML private Button unsealButton;
    @FXML private Label reviewResultLabel;
    @FXML private Label reviewHintLabel;
    @FXML private Label messageLabel;

    /** @param focusVideo gives the keyboard back to the video after Enter or Esc */
    public InspectorController(InspectorViewModel viewModel, AnnotationSession session, Runnable focusVideo) {
        this.viewModel = viewModel;
        this.session = session;
        this.focusVideo = focusVideo;
    }

    @FXML
    private void initialize() {
        formScroll.visibleProperty().bind(viewModel.annotationProperty().isNotNull());
        placeholder.visibleProperty().bind(viewModel.annotationProperty().isNull());
        placeholder.textProperty().bind(Bindings.when(session.enabledProperty())
                .then(placeholder.getText()).otherwise(session.hintProperty()));
        headingLabel.textProperty().bind(viewModel.headingProperty());
        detailsLabel.textProperty().bind(viewModel.detailsProperty());
        importedLabel.textProperty().bind(viewModel.importedProperty());
        importedLabel.visibleProperty().bind(viewModel.importedProperty().isNotEmpty());
        importedLabel.managedProperty().bind(importedLabel.visibleProperty());
        observationArea.textProperty().bindBidirectional(viewModel.observationProperty());
        interpretationArea.textProperty().bindBidirectional(viewModel.interpretationProperty());
        tagsField.textProperty().bindBidirectional(viewModel.tagsProperty());
        confidenceBox.getItems().setAll(null, Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH);
        confidenceBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Confidence confidence) {
                return confidence == null ? "not stated" : confidence.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public Confidence fromString(String text) {
                return null;
            }
        });
        confidenceBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Confidence item, boolean empty) {
                super.updateItem(item, empty);
                setText(confidenceBox.getConverter().toString(item));
            }
        });
        confidenceBox.valueProperty().bindBidirectional(viewModel.confidenceProperty());

        bodyDiagram.regionProperty().bindBidirectional(viewModel.field(FindingField.BODY_REGION));
        rows(injuryGrid, AnnotationKind.INJURY);
        rows(locationGrid, AnnotationKind.LOCATION);
        rows(uniformGrid, AnnotationKind.UNIFORM);
        rows(noteGrid, AnnotationKind.NOTE);
        showKind(injurySection, AnnotationKind.INJURY);
        showKind(locationGrid, AnnotationKind.LOCATION);
        showKind(uniformGrid, AnnotationKind.UNIFORM);
        showKind(noteGrid, AnnotationKind.NOTE);
        bindReview(viewModel.review());
        bindConflict(viewModel.conflict());
        messageLabel.textProperty().bind(viewModel.formMessageProperty());

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::handleKey);
        // Once footage can be annotated, every kind's form is built and laid out in one task (no
        // pulse shows it), so the first key press does not wait for that too
        // (docs/decisions/0009-measurements-behind-tuned-constants.md).
        session.enabledProperty().addListener((observable, was, enabled) -> {
            if (enabled && !rehearsed && root.getScene() != null) {
                rehearsed = true;
                Platform.runLater(() -> viewModel.rehearse(() -> {
                    root.applyCss();
                    root.layout();
                }));
            }
        });
        root.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, from, to) -> {
                    if (inForm(from) && !inForm(to) && viewModel.hasChanges()) {
                        viewModel.save();
                    }
                });
            }
        });
    }

    /** Puts the cursor in the observation field of the annotation shown. */
    public void focusObservation() {
        observationArea.requestFocus();
        observationArea.end();
    }

    /** Saves what the form holds (e.g. before undo), so the history sees it. */
    public void commit() {
        if (viewModel.hasChanges()) {
            viewModel.save();
        }
    }

    private void handleKey(KeyEvent event) {
        Node target = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (target instanceof ComboBox<?> combo && combo.isShowing()) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER && !(event.isShiftDown() && target instanceof TextArea)) {
            if (viewModel.save()) {
                focusVideo.run();
            }
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            viewModel.revert();
            focusVideo.run();
            event.consume();
        } else if (event.getCode() == KeyCode.TAB && target instanceof TextArea area && !event.isControlDown()) {
            // Tab moves to the next field, as in every other field of the form.
            area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, event.isShiftDown(), true, false, false));
            event.consume();
        }
    }

    private boolean inForm(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == form) {
                return true;
            }
        }
        return false;
    }

    private void showKind(Node section, AnnotationKind kind) {
        section.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            Annotation shown = viewModel.annotationProperty().get();
            return shown != null && shown.kind() == kind;
        }, viewModel.annotationProperty()));
        section.managedProperty().bind(section.visibleProperty());
    }

    /**
     * One labelled row per field of {@code kind} that the form edits: a list to choose from (or type
     * into) where a vocabulary exists, else a text field.
     */
    private void rows(GridPane grid, AnnotationKind kind) {
        grid.getColumnConstraints().setAll(new ColumnConstraints(96), new ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        int row = 0;
        for (FindingField field : FindingField.of(kind)) {
            if (field.form() == null) {
                continue;
            }
            Control input;
            if (viewModel.choices(field).isEmpty() && field != FindingField.BODY_REGION) {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(viewModel.field(field));
                if (field.form().prompt() != null) {
                    text.setPromptText(field.form().prompt());
                }
                input = text;
            } else {
                ComboBox<String> choice = new ComboBox<>(viewModel.choices(field));
                choice.setEditable(true);
                choice.getEditor().textProperty().bindBidirectional(viewModel.field(field));
                input = choice;
            }
            input.setId(field.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-input");
            input.setMaxWidth(Double.MAX_VALUE);
            Label label = new Label(field.form().label());
            label.setLabelFor(input);
            label.setWrapText(true);
            grid.addRow(row++, label, input);
        }
    }

    private void bindReview(ReviewPanelViewModel review) {
        stateLabel.textProperty().bind(review.stateProperty());
        signerLabel.textProperty().bind(review.signerProperty());
        reviewLabel.textProperty().bind(review.reviewProperty());
        submitButton.disableProperty().bind(review.canSubmitProperty().not());
        confirmButton.disableProperty().bind(review.canReviewProperty().not());
        rejectButton.disableProperty().bind(review.canReviewProperty().not());
        sealButton.disableProperty().bind(review.canSealProperty().not());
        unsealButton.disableProperty().bind(review.canUnsealProperty().not());
        for (Label label : List.of(reviewResultLabel, reviewHintLabel)) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        reviewResultLabel.textProperty().bind(review.resultProperty());
        reviewHintLabel.textProperty().bind(review.hintProperty());
    }

    private void bindConflict(ConflictPanelViewModel conflict) {
        conflictBox.visibleProperty().bind(conflict.inConflictProperty());
        conflictBox.managedProperty().bind(conflictBox.visibleProperty());
        conflictNotice.textProperty().bind(conflict.noticeProperty());
        conflictResultLabel.textProperty().bind(conflict.resultProperty());
        conflictResultLabel.visibleProperty().bind(conflictResultLabel.textProperty().isNotEmpty());
        conflictResultLabel.managedProperty().bind(conflictResultLabel.visibleProperty());
        conflict.sides().addListener((ListChangeListener<ConflictPanelViewModel.Side>) change ->
                conflictSides.getChildren().setAll(conflict.sides().stream().map(side -> side(conflict, side)).toList()));
    }

    /** One revision: its title, who made and signed it, the fields it differs in, and its button to keep it. */
    private Node side(ConflictPanelViewModel conflict, ConflictPanelViewModel.Side side) {
        Label title = new Label(side.title());
        title.getStyleClass().add("conflict-side-title");
        title.setWrapText(true);
        Label details = new Label(side.details());
        details.getStyleClass().add("inspector-details");
        details.setWrapText(true);
        VBox box = new VBox(4, title, details);
        box.getStyleClass().add("conflict-side");
        // Each field that differs, with what each revision says: a list, as the pane is too narrow for columns.
        for (RevisionDifferences.Difference difference : side.differences()) {
            Label field = wrapped(difference.field());
            field.getStyleClass().add("conflict-field");
            VBox values = new VBox(wrapped("This store: " + difference.here()), wrapped("Received: " + difference.there()));
            values.getStyleClass().add("conflict-values");
            box.getChildren().add(new VBox(field, values));
        }
        Button keep = new Button(side.keepLabel() + "…");
        keep.setId("keep-" + side.keep());
        keep.setOnAction(event -> {
            if (ReviewDialogs.confirmKeep(root, side.confirmation())) {
                conflict.keep(side);
            }
        });
        box.getChildren().add(keep);
        return box;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    @FXML
    private void submit() {
        viewModel.review().submit();
    }

    @FXML
    private void confirm() {
        ReviewDialogs.confirmComment(root).ifPresent(viewModel.review()::confirm);
    }

    @FXML
    private void reject() {
        ReviewDialogs.rejectComment(root).ifPresent(viewModel.review()::reject);
    }

    @FXML
    private void seal() {
        viewModel.review().seal();
    }

    @FXML
    private void unseal() {
        ReviewDialogs.unsealReason(root).ifPresent(viewModel.review()::unseal);
    }

    @FXML
    private void drawRegion() {
        session.startDrawing(Region.Shape.RECTANGLE);
        focusVideo.run();
    }

    @FXML
    private void delete() {
        Annotation shown = viewModel.annotationProperty().get();
        if (shown != null && session.delete(shown.id())) {
            focusVideo.run();
        }
    }
}
