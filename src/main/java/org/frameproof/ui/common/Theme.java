package org.frameproof.ui.common;

import javafx.scene.Scene;

/** The light and dark colour themes; each is a sheet of looked-up colours over Modena. */
public enum Theme {
    LIGHT("theme-light.css"),
    DARK("theme-dark.css");

    private final String stylesheet;

    Theme(String fileName) {
        this.stylesheet = Theme.class.getResource(fileName).toExternalForm();
    }

    /** Puts this theme on the scene in place of any other. */
    public void applyTo(Scene scene) {
        for (Theme other : values()) {
            scene.getStylesheets().remove(other.stylesheet);
        }
        scene.getStylesheets().add(0, stylesheet);
    }
}
