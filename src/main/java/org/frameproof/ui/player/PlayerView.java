package org.frameproof.ui.player;

import javafx.scene.Parent;
import org.frameproof.ui.common.ViewLoader;

/** The loaded player screen: its node for the window to host, and its controller for the window's menus. */
public record PlayerView(Parent node, PlayerController controller) {

    public static PlayerView load(PlayerViewModel viewModel) {
        PlayerController controller = new PlayerController(viewModel);
        Parent node = ViewLoader.load(PlayerView.class.getResource("PlayerView.fxml"), () -> controller);
        return new PlayerView(node, controller);
    }
}
