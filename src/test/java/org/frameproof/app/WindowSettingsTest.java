package org.frameproof.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.main.MainWindowViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The theme and pane widths survive a restart; the preferences live under target/ (see the pom). */
class WindowSettingsTest {
    private final Preferences node = Preferences.userRoot().node("org/frameproof/test-" + System.nanoTime());

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    @Test
    void whatOneWindowChangesTheNextOpensWith() {
        MainWindowViewModel first = new MainWindowViewModel(null, "test");
        new WindowSettings(node).keep(first);
        assertEquals(Theme.LIGHT, first.themeProperty().get(), "nothing remembered yet");
        assertTrue(Double.isNaN(first.casesWidthProperty().get()));
        first.themeProperty().set(Theme.DARK);
        first.casesWidthProperty().set(250);
        first.annotationsWidthProperty().set(610);

        MainWindowViewModel next = new MainWindowViewModel(null, "test");
        new WindowSettings(node).keep(next);
        assertEquals(Theme.DARK, next.themeProperty().get());
        assertEquals(Theme.DARK, new WindowSettings(node).theme(), "the unlock window opens in it too");
        assertEquals(250, next.casesWidthProperty().get());
        assertEquals(610, next.annotationsWidthProperty().get());
    }

    @Test
    void aThemeThatThisVersionDoesNotKnowOpensLight() {
        node.put("theme", "SOLARIZED");
        MainWindowViewModel window = new MainWindowViewModel(null, "test");
        new WindowSettings(node).keep(window);
        assertEquals(Theme.LIGHT, window.themeProperty().get());
    }
}
