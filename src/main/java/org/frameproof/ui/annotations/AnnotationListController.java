package org.frameproof.ui.annotations;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;

/** Binds the annotation table and its filters; a double click or Enter on a row opens it at its frame. */
public final class AnnotationListController {
    /** A finding in conflict with revisions received: its state cell takes the theme's conflict colour. */
    private static final PseudoClass IN_CONFLICT = PseudoClass.getPseudoClass("in-conflict");
    private final AnnotationListViewModel viewModel;

    @FXML private CheckBox wholeCaseBox;
    @FXML private CheckComboBox<AnnotationKind> kindFilter;
    @FXML private CheckComboBox<Confidence> confidenceFilter;
    @FXML private ComboBox<StateFilter> statusFilter;
    @FXML private TextField authorFilter;
    @FXML private TextField tagFilter;
    @FXML private Label summaryLabel;
    @FXML private TableView<AnnotationListViewModel.Row> table;

    public AnnotationListController(AnnotationListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        wholeCaseBox.selectedProperty().bindBidirectional(viewModel.wholeCaseProperty());
        kindFilter.getItems().setAll(AnnotationKind.values());
        kindFilter.setConverter(converter(AnnotationKind::code));
        kindFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<AnnotationKind>) change ->
                viewModel.kinds().setAll(kindFilter.getCheckModel().getCheckedItems()));
        confidenceFilter.getItems().setAll(Confidence.values());
        confidenceFilter.setConverter(converter(c -> c.name().toLowerCase(Locale.ROOT)));
        confidenceFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<Confidence>) change ->
                viewModel.confidences().setAll(confidenceFilter.getCheckModel().getCheckedItems()));
        statusFilter.getItems().setAll((StateFilter) null);
        statusFilter.getItems().addAll(StateFilter.values());
        statusFilter.setConverter(converter(s -> s == null ? "any state" : s.label()));
        statusFilter.valueProperty().bindBidirectional(viewModel.statusProperty());
        authorFilter.textProperty().bindBidirectional(viewModel.authorProperty());
        tagFilter.textProperty().bindBidirectional(viewModel.tagProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());

        // Sorted apart from the rows, so the table's sort holds when a read replaces them.
        SortedList<AnnotationListViewModel.Row> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TableColumn<AnnotationListViewModel.Row, Integer> frame = column("Frame", AnnotationListViewModel.Row::frame);
        frame.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                AnnotationListViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : row.frames());
            }
        });
        // The review state as a glyph in a narrow column before the text, so it shows without scrolling sideways;
        // the cell's tooltip says it in words.
        TableColumn<AnnotationListViewModel.Row, String> state = column("State", AnnotationListViewModel.Row::glyph);
        state.setPrefWidth(52);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                AnnotationListViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : item);
                setTooltip(row == null ? null : new Tooltip(row.state()));
                setAccessibleText(row == null ? null : row.state());
                pseudoClassStateChanged(IN_CONFLICT, row != null && row.inConflict());
            }
        });
        table.getColumns().setAll(List.of(frame, state,
                column("Kind", row -> row.annotation().kind().code()),
                column("Observation", row -> row.annotation().observation()),
                column("Time", AnnotationListViewModel.Row::time),
                column("Author", row -> row.annotation().author()),
                column("Role", row -> row.annotation().role().label()),
                column("Confidence", row -> row.annotation().confidence() == null ? ""
                        : row.annotation().confidence().name().toLowerCase(Locale.ROOT)),
                column("Tags", row -> String.join(", ", row.annotation().tags()))));
        table.getSortOrder().add(frame);
        table.setRowFactory(view -> {
            TableRow<AnnotationListViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            AnnotationListViewModel.Row selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                viewModel.open(selected);
                event.consume();
            }
        });
        viewModel.reload();
    }

    private static <T> TableColumn<AnnotationListViewModel.Row, T> column(String title,
            Function<AnnotationListViewModel.Row, T> value) {
        TableColumn<AnnotationListViewModel.Row, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
