package org.frameproof.ui.search;

import javafx.scene.Parent;
import org.frameproof.ui.common.ViewLoader;

/** The loaded search screen and its controller (for Ctrl+F). */
public record SearchView(Parent node, SearchController controller) {

    public static SearchView load(SearchViewModel viewModel) {
        SearchController controller = new SearchController(viewModel);
        Parent node = ViewLoader.load(SearchView.class.getResource("SearchView.fxml"), () -> controller);
        return new SearchView(node, controller);
    }
}
