package org.frameproof.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.frameproof.app.MainWindowParts;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.shortcuts.KeyBinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@ScreenTier
class MainWindowTest {
    @TempDir static Path dataFolder;
    private EvidenceStore store;
    private MainWindowViewModel viewModel;
    private VlcPlayback playback;

    @Start
    void start(Stage stage) throws Exception {
        store = TestStores.stores().exists(dataFolder) ? TestStores.unlock(dataFolder) : TestStores.create(dataFolder);
        VideoSurface surface = new VideoSurface();
        playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        MainWindowParts parts = new MainWindowParts(TestStores.composition(), store, playback, surface,
                MainWindowParts.Threads.immediate(), "Data: " + dataFolder);
        viewModel = parts.mainWindow();
        parts.show(stage);
    }

    @AfterEach
    void closeStoreAndPlayer() throws Exception {
        store.close();
        playback.close();
    }

    @Test
    void showsWhatAReviewerExpects(FxRobot robot) {
        MenuBar menuBar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertEquals(java.util.List.of("File", "Edit", "View", "Help"),
                menuBar.getMenus().stream().map(menu -> menu.getText().replace("_", "")).toList());
        TreeView<?> cases = robot.lookup("#caseTree").queryAs(TreeView.class);
        assertEquals(0, cases.getRoot().getChildren().size());
        Label placeholder = robot.lookup("#placeholder").queryAs(Label.class);
        assertTrue(placeholder.isVisible() && placeholder.getText().startsWith("No cases yet."), placeholder.getText());
        assertTrue(robot.lookup("#videoArea").query().getBoundsInLocal().getHeight() >= 240);
        assertTrue(robot.lookup("#timelineArea").query().getBoundsInLocal().getHeight() >= 140);
        String status = robot.lookup(".status-bar").queryAs(StatusBar.class).getText();
        assertTrue(status.startsWith("No cases · Data: "), status);
        Stage stage = (Stage) menuBar.getScene().getWindow();
        assertEquals("Frameproof — " + dataFolder.getFileName() + " · Ana Test-Reviewer, researcher", stage.getTitle(),
                "whose store, and who works in it as what");
        assertEquals(1, stage.getIcons().size());
    }

    @Test
    void switchesToTheDarkThemeAndBack(FxRobot robot) {
        var stylesheets = robot.lookup(".menu-bar").query().getScene().getStylesheets();
        assertTrue(stylesheets.stream().anyMatch(sheet -> sheet.endsWith("theme-light.css")));
        robot.interact(() -> viewModel.themeProperty().set(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stylesheets.stream().anyMatch(sheet -> sheet.endsWith("theme-dark.css")));
        assertTrue(stylesheets.stream().noneMatch(sheet -> sheet.endsWith("theme-light.css")));
    }

    @Test
    void theAnnotationPaneWidensByItsDividerUntilThePictureWouldBeTooSmallAndTheWidthIsKept(FxRobot robot) {
        // The divider is moved as a drag moves it; a robot's drag on screen could land on another test's window.
        SplitPane panes = robot.lookup(".main-panes").queryAs(SplitPane.class);
        Region player = (Region) panes.getItems().get(1);
        Region annotations = (Region) panes.getItems().get(2);
        double before = annotations.getWidth();
        double width = panes.getWidth();
        robot.interact(() -> panes.setDividerPosition(1, panes.getDividerPositions()[1] - 100 / width));
        WaitForAsyncUtils.waitForFxEvents();
        double widened = annotations.getWidth();
        assertEquals(before + 100, widened, 8, "the pane follows the divider");
        assertEquals(widened, viewModel.annotationsWidthProperty().get(), 8, "and the width is kept for the next start");

        robot.interact(() -> panes.setDividerPosition(1, 0.2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SidePaneWidths.MIN_PLAYER, player.getWidth(), 2, "the picture keeps its room");
        assertEquals(annotations.getWidth(), viewModel.annotationsWidthProperty().get(), 8);
    }

    @Test
    void theMenusTakeTheirKeysFromTheDeclaredBindings(FxRobot robot) {
        MenuBar menuBar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> items = menuBar.getMenus().stream().flatMap(menu -> menu.getItems().stream()).toList();
        List<KeyCombination> accelerators = items.stream().map(MenuItem::getAccelerator).filter(Objects::nonNull).toList();
        List<KeyCombination> declared = Arrays.stream(KeyBinding.values())
                .filter(binding -> binding.menuText().isPresent() && binding.group() != KeyBinding.Group.PLAYER)
                .map(binding -> binding.keys().get(0)).toList();
        assertEquals(Set.copyOf(declared), Set.copyOf(accelerators));
        assertEquals(declared.size(), accelerators.size(), "one menu item per key");
        assertTrue(items.stream().anyMatch(item -> "_Reset Zoom (0)".equals(item.getText())));
    }
}
