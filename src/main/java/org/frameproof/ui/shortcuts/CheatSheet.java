package org.frameproof.ui.shortcuts;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Every keyboard shortcut on one page (F1 or ?), grouped as a reviewer uses them. */
public final class CheatSheet {
    /** A group heading (keys null) or one shortcut. */
    record Line(String keys, String action) {
    }

    static final List<Line> LINES = List.of(
            new Line(null, "Moving through the footage"),
            new Line("Space", "Play / pause"),
            new Line("→ or .   ← or ,", "Next / previous frame"),
            new Line("Shift+→   Shift+←", "10 frames forward / back"),
            new Line("Ctrl+→   Ctrl+←", "1 second forward / back"),
            new Line("Home   End", "First / last frame"),
            new Line("[   ]", "Slower / faster"),
            new Line("+   −   0", "Zoom in / out / fit the picture"),
            new Line("M", "Mute"),
            new Line(null, "Annotating"),
            new Line("1", "New injury at the current frame (or the in/out range)"),
            new Line("2", "New location"),
            new Line("3", "New uniform and linkage"),
            new Line("4", "New note"),
            new Line("I   O", "Mark the in / out frame of a range"),
            new Line("Esc", "Clear the in/out marks; stop drawing"),
            new Line("R", "Draw a rectangle on the picture for the selected annotation"),
            new Line("E  (or Shift+drag)", "Draw an ellipse"),
            new Line(null, "In the form"),
            new Line("Tab   Shift+Tab", "Next / previous field"),
            new Line("Enter", "Save and return to the video"),
            new Line("Shift+Enter", "New line in observation or interpretation"),
            new Line("Esc", "Drop what was typed and return to the video (a new annotation never saved is taken back)"),
            new Line(null, "Everywhere"),
            new Line("Ctrl+Z   Ctrl+Shift+Z", "Undo / redo the last change of an annotation"),
            new Line("Ctrl+F", "Search all cases"),
            new Line("Ctrl+N   Ctrl+I", "New case / import footage"),
            new Line("Ctrl+O", "Open a video (not imported: no annotations)"),
            new Line("Ctrl+E", "Export reports, stills and data"),
            new Line("Ctrl+Shift+S", "Export the current frame as a lossless still"),
            new Line("Ctrl+Shift+I", "Media facts of the open video"),
            new Line("Ctrl+wheel on the timeline", "Zoom the timeline (filmstrip and lanes); wheel scrolls it"),
            new Line("Ctrl+Q", "Quit"),
            new Line("F1   ?", "This sheet"));

    private CheatSheet() {
    }

    public static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(3);
        grid.getStyleClass().add("cheat-sheet");
        int row = 0;
        for (Line line : LINES) {
            if (line.keys() == null) {
                Label heading = new Label(line.action());
                heading.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 2 0;");
                grid.add(heading, 0, row++, 2, 1);
            } else {
                Label keys = new Label(line.keys());
                keys.setStyle("-fx-font-family: monospace;");
                grid.addRow(row++, keys, new Label(line.action()));
            }
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.show();
    }
}
