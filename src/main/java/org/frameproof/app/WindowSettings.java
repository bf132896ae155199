package org.frameproof.app;

import java.util.prefs.Preferences;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.main.MainWindowViewModel;

/**
 * What the main window remembers between starts: the theme and the side panes' widths, in the
 * user's Java preferences (never anything about a case or footage, which stay in the encrypted
 * store). Tests build the window without it, so they neither read nor write the user's settings.
 */
final class WindowSettings {
    private static final String THEME = "theme";
    private static final String CASES_WIDTH = "casesWidth";
    private static final String ANNOTATIONS_WIDTH = "annotationsWidth";

    private final Preferences preferences;

    WindowSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    static WindowSettings ofThisUser() {
        return new WindowSettings(Preferences.userRoot().node("org/frameproof/main-window"));
    }

    /** Puts the remembered settings into {@code window} and remembers every later change. */
    void keep(MainWindowViewModel window) {
        window.themeProperty().set(theme());
        window.casesWidthProperty().set(preferences.getDouble(CASES_WIDTH, Double.NaN));
        window.annotationsWidthProperty().set(preferences.getDouble(ANNOTATIONS_WIDTH, Double.NaN));
        window.themeProperty().addListener((observable, old, theme) -> preferences.put(THEME, theme.name()));
        window.casesWidthProperty().addListener((observable, old, width) -> preferences.putDouble(CASES_WIDTH, width.doubleValue()));
        window.annotationsWidthProperty().addListener((observable, old, width) ->
                preferences.putDouble(ANNOTATIONS_WIDTH, width.doubleValue()));
    }

    /** The theme the main window was last left in. */
    Theme theme() {
        try {
            return Theme.valueOf(preferences.get(THEME, Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT; // a setting from another version, or edited by hand
        }
    }
}
