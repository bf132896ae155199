package org.frameproof.ui.shortcuts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Every keyboard shortcut on one page (F1 or ?), grouped as a reviewer uses them. */
public final class CheatSheet {
    /** A group heading (keys null) or one shortcut. */
    record Line(String keys, String action) {
    }

    /** What the mouse does beside the keys, listed with them because a reviewer looks for it there. */
    private static final List<Line> GESTURES = List.of(
            new Line(null, "With the mouse"),
            new Line("Wheel   drag", "Zoom / pan the picture"),
            new Line("Shift+drag", "Draw an ellipse on the picture"),
            new Line("Ctrl+wheel on the timeline", "Zoom the timeline (filmstrip and lanes); wheel scrolls it"));

    /** The sheet's lines: every {@link KeyBinding} under its group's heading, then the gestures. */
    static List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (KeyBinding.Group group : KeyBinding.Group.values()) {
            lines.add(new Line(null, group.heading()));
            for (KeyBinding binding : KeyBinding.of(group)) {
                lines.add(new Line(binding.keysText(), binding.description()));
            }
        }
        lines.addAll(GESTURES);
        return lines;
    }

    private CheatSheet() {
    }

    /**
     * The lines in two columns, split at the group heading nearest the middle, so that the sheet
     * fits a laptop's screen; each column starts with a heading.
     */
    static List<List<Line>> columns(List<Line> lines) {
        int split = 0;
        for (int at = 1; at < lines.size(); at++) {
            if (lines.get(at).keys() == null
                    && Math.abs(lines.size() - 2 * at) < Math.abs(lines.size() - 2 * split)) {
                split = at;
            }
        }
        return List.of(lines.subList(0, split), lines.subList(split, lines.size()));
    }

    public static void show(Window owner) {
        HBox columns = new HBox(36);
        for (List<Line> column : columns(lines())) {
            columns.getChildren().add(grid(column));
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(columns);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.show();
    }

    private static GridPane grid(List<Line> lines) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(3);
        grid.getStyleClass().add("cheat-sheet");
        int row = 0;
        for (Line line : lines) {
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
        return grid;
    }
}
