package org.frameproof.ui.cases;

import javafx.scene.Parent;
import org.frameproof.ui.common.Thumbnails;
import org.frameproof.ui.common.ViewLoader;

/** The loaded left pane: its node for the main window, its controller for the File menu. */
public record CasesView(Parent node, CasesController controller, CasesViewModel viewModel) {

    public static CasesView load(CasesViewModel viewModel, Thumbnails thumbnails) {
        CasesController controller = new CasesController(viewModel, thumbnails);
        Parent node = ViewLoader.load(CasesView.class.getResource("CasesView.fxml"), () -> controller);
        node.getStylesheets().add(CasesView.class.getResource("cases.css").toExternalForm());
        return new CasesView(node, controller, viewModel);
    }
}
