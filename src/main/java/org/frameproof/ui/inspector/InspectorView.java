package org.frameproof.ui.inspector;

import javafx.scene.Parent;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.common.ViewLoader;

/** The loaded inspector: its node for the window, its controller to put the cursor in the form. */
public record InspectorView(Parent node, InspectorController controller) {

    public static InspectorView load(InspectorViewModel viewModel, AnnotationSession session, Runnable focusVideo) {
        InspectorController controller = new InspectorController(viewModel, session, focusVideo);
        Parent node = ViewLoader.load(InspectorView.class.getResource("InspectorView.fxml"), () -> controller);
        return new InspectorView(node, controller);
    }
}
