package org.frameproof.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir static Path dataFolder;
    private EvidenceStore store;
    private MainWindowViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        store = TestStores.stores().exists(dataFolder) ? TestStores.unlock(dataFolder) : TestStores.create(dataFolder);
        viewModel = new MainWindowViewModel(store.cases(), "Data: " + dataFolder);
        Image icon = new Image(getClass().getResource("/org/frameproof/assets/frameproof.png").toExternalForm());
        MainWindow.show(stage, viewModel, "about", icon);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        store.close();
    }

    @Test
    void showsWhatAReviewerExpects(FxRobot robot) {
        MenuBar menuBar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertEquals(java.util.List.of("File", "Edit", "View", "Help"),
                menuBar.getMenus().stream().map(menu -> menu.getText().replace("_", "")).toList());
        ListView<?> cases = robot.lookup("#caseList").queryAs(ListView.class);
        assertEquals(0, cases.getItems().size());
        assertTrue(((Label) cases.getPlaceholder()).getText().startsWith("No cases yet."));
        assertTrue(robot.lookup("#videoArea").query().getBoundsInLocal().getHeight() >= 240);
        assertEquals(140, robot.lookup("#timelineArea").query().getBoundsInLocal().getHeight(), 1);
        String status = robot.lookup(".status-bar").queryAs(StatusBar.class).getText();
        assertTrue(status.startsWith("No cases · Data: "), status);
        Stage stage = (Stage) menuBar.getScene().getWindow();
        assertEquals("Frameproof", stage.getTitle());
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
}
