package org.frameproof.ui.search;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.frameproof.domain.Annotation;
import org.frameproof.ui.common.Thumbnails;

/** Binds the search field and its results; Enter or a double click opens a result at its frame. */
public final class SearchController {
    private final SearchViewModel viewModel;

    @FXML private TextField queryField;
    @FXML private ListView<SearchViewModel.Result> resultList;
    @FXML private Label statusLabel;

    public SearchController(SearchViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(viewModel.queryProperty());
        queryField.setOnAction(event -> viewModel.search());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        resultList.setItems(viewModel.results());
        resultList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SearchViewModel.Result item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Annotation annotation = item.annotation();
                Label where = new Label(item.hit().caseTitle() + " · " + item.hit().footageName() + " · frame "
                        + annotation.span().startFrame() + " · " + item.time() + " · " + annotation.kind().code());
                where.getStyleClass().add("search-where");
                Label snippet = new Label(snippet(annotation));
                snippet.setWrapText(true);
                snippet.setMaxWidth(250);
                ImageView picture = new ImageView();
                picture.setId("resultPicture");
                picture.setFitWidth(Thumbnails.WIDTH);
                picture.setFitHeight(Thumbnails.HEIGHT);
                viewModel.showPicture(picture, item);
                setGraphic(new HBox(6, picture, new VBox(2, where, snippet)));
                setText(null);
            }
        });
        resultList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        resultList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
    }

    /** Ctrl+F: the cursor goes to the search field with its text selected. */
    public void focusQuery() {
        queryField.requestFocus();
        queryField.selectAll();
    }

    private void openSelected() {
        SearchViewModel.Result selected = resultList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.open(selected);
        }
    }

    static String snippet(Annotation annotation) {
        String text = annotation.observation() == null || annotation.observation().isBlank()
                ? String.join(", ", annotation.tags()) : annotation.observation();
        return text.length() > 160 ? text.substring(0, 159) + "…" : text;
    }
}
