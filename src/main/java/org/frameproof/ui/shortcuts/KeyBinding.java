package org.frameproof.ui.shortcuts;

import static javafx.scene.input.KeyCombination.ModifierValue.ANY;
import static javafx.scene.input.KeyCombination.ModifierValue.DOWN;
import static javafx.scene.input.KeyCombination.ModifierValue.UP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCombination.ModifierValue;
import javafx.scene.input.KeyEvent;

/**
 * Every key Frameproof answers, declared once: the player and the annotation workspace match key
 * presses against it, the menus take their accelerators from it and the cheat sheet lists it, so a
 * key cannot work without being on the sheet. In the cheat sheet's order.
 */
public enum KeyBinding {
    PLAY_PAUSE(Group.PLAYER, "Play / pause", player(KeyCode.SPACE)),
    NEXT_FRAME(Group.PLAYER, "Next frame", plain(KeyCode.RIGHT), plain(KeyCode.PERIOD)),
    PREVIOUS_FRAME(Group.PLAYER, "Previous frame", plain(KeyCode.LEFT), plain(KeyCode.COMMA)),
    TEN_FRAMES_FORWARD(Group.PLAYER, "10 frames forward", shift(KeyCode.RIGHT), shift(KeyCode.PERIOD)),
    TEN_FRAMES_BACK(Group.PLAYER, "10 frames back", shift(KeyCode.LEFT), shift(KeyCode.COMMA)),
    // Shift adds nothing to a step of one second.
    SECOND_FORWARD(Group.PLAYER, "1 second forward", second(KeyCode.RIGHT), second(KeyCode.PERIOD)),
    SECOND_BACK(Group.PLAYER, "1 second back", second(KeyCode.LEFT), second(KeyCode.COMMA)),
    FIRST_FRAME(Group.PLAYER, "First frame", player(KeyCode.HOME)),
    LAST_FRAME(Group.PLAYER, "Last frame", player(KeyCode.END)),
    SLOWER(Group.PLAYER, "Slower", player(KeyCode.OPEN_BRACKET)),
    FASTER(Group.PLAYER, "Faster", player(KeyCode.CLOSE_BRACKET)),
    LOOP_START(Group.PLAYER, "Loop from this frame (button A)", player(KeyCode.A)),
    LOOP_END(Group.PLAYER, "Loop up to this frame (button B; \"No loop\" clears the loop)", player(KeyCode.B)),
    ZOOM_IN(Group.PLAYER, "Zoom in", player(KeyCode.PLUS), player(KeyCode.EQUALS), player(KeyCode.ADD)),
    ZOOM_OUT(Group.PLAYER, "Zoom out", player(KeyCode.MINUS), player(KeyCode.SUBTRACT)),
    RESET_ZOOM(Group.PLAYER, "Fit the picture", "_Reset Zoom", player(KeyCode.DIGIT0), player(KeyCode.NUMPAD0)),
    MUTE(Group.PLAYER, "Mute", player(KeyCode.M)),

    NEW_INJURY(Group.ANNOTATING, "New injury at the current frame (or the in/out range)",
            plain(KeyCode.DIGIT1), plain(KeyCode.NUMPAD1)),
    NEW_LOCATION(Group.ANNOTATING, "New location", plain(KeyCode.DIGIT2), plain(KeyCode.NUMPAD2)),
    NEW_UNIFORM(Group.ANNOTATING, "New uniform and linkage", plain(KeyCode.DIGIT3), plain(KeyCode.NUMPAD3)),
    NEW_NOTE(Group.ANNOTATING, "New note", plain(KeyCode.DIGIT4), plain(KeyCode.NUMPAD4)),
    MARK_IN(Group.ANNOTATING, "Mark the in frame of a range", plain(KeyCode.I)),
    MARK_OUT(Group.ANNOTATING, "Mark the out frame of a range", plain(KeyCode.O)),
    CLEAR_MARKS(Group.ANNOTATING, "Clear the in/out marks; stop drawing", plain(KeyCode.ESCAPE)),
    DRAW_RECTANGLE(Group.ANNOTATING, "Draw a rectangle on the picture for the selected annotation", plain(KeyCode.R)),
    DRAW_ELLIPSE(Group.ANNOTATING, "Draw an ellipse", plain(KeyCode.E)),

    // The inspector's form handles these keys itself.
    NEXT_FIELD(Group.FORM, "Next field", plain(KeyCode.TAB)),
    PREVIOUS_FIELD(Group.FORM, "Previous field", shift(KeyCode.TAB)),
    SAVE_FORM(Group.FORM, "Save and return to the video", plain(KeyCode.ENTER)),
    NEW_LINE(Group.FORM, "New line in observation or interpretation", shift(KeyCode.ENTER)),
    DROP_FORM(Group.FORM, "Drop what was typed and return to the video (a new annotation never saved is taken back)",
            plain(KeyCode.ESCAPE)),

    UNDO(Group.EVERYWHERE, "Undo the last change of an annotation", "_Undo", shortcut(KeyCode.Z)),
    REDO(Group.EVERYWHERE, "Redo it", "_Redo", shortcutShift(KeyCode.Z)),
    FIND(Group.EVERYWHERE, "Search all cases", "_Find in All Cases…", shortcut(KeyCode.F)),
    NEW_CASE(Group.EVERYWHERE, "New case", "_New Case…", shortcut(KeyCode.N)),
    IMPORT_FOOTAGE(Group.EVERYWHERE, "Import footage", "_Import Footage…", shortcut(KeyCode.I)),
    OPEN_VIDEO(Group.EVERYWHERE, "Open a video (not imported: no annotations)", "_Open Video (not imported)…",
            shortcut(KeyCode.O)),
    EXPORT(Group.EVERYWHERE, "Export reports, stills and data", "_Export…", shortcut(KeyCode.E)),
    EXPORT_STILL(Group.EVERYWHERE, "Export the current frame as a lossless still", "Export Current Frame as _Still…",
            shortcutShift(KeyCode.S)),
    MEDIA_FACTS(Group.EVERYWHERE, "Media facts of the open video", "_Media Facts…", shortcutShift(KeyCode.I)),
    QUIT(Group.EVERYWHERE, "Quit", "_Quit", shortcut(KeyCode.Q)),
    // F1 takes Shift as well, as the question mark needs it.
    SHORTCUTS(Group.EVERYWHERE, "This sheet", "_Keyboard Shortcuts",
            new KeyCodeCombination(KeyCode.F1, ANY, UP, UP, UP, UP), new KeyCharacterCombination("?", ANY, UP, UP, UP, UP));

    /** The cheat sheet's headings, which are also who handles the keys. */
    public enum Group {
        /** Handled by the player while the focus is in it. */
        PLAYER("Moving through the footage"),
        /** Handled by the annotation workspace while the focus is in the player. */
        ANNOTATING("Annotating"),
        /** Handled by the inspector's form. */
        FORM("In the form"),
        /** The menus' accelerators, and the keys of this sheet. */
        EVERYWHERE("Everywhere");

        private final String heading;

        Group(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }

    private final Group group;
    private final String description;
    private final String menuText;
    private final List<KeyCombination> keys;

    KeyBinding(Group group, String description, KeyCombination... keys) {
        this(group, description, null, keys);
    }

    KeyBinding(Group group, String description, String menuText, KeyCombination... keys) {
        this.group = group;
        this.description = description;
        this.menuText = menuText;
        this.keys = List.of(keys);
    }

    public Group group() {
        return group;
    }

    /** What the key does, as the cheat sheet says it. */
    public String description() {
        return description;
    }

    /** The text of the menu item that carries this key (with its mnemonic), if one does. */
    public Optional<String> menuText() {
        return Optional.ofNullable(menuText);
    }

    /** The key combinations, the first being the one a menu shows. */
    public List<KeyCombination> keys() {
        return keys;
    }

    /** The keys as the cheat sheet shows them ("→ or ."). */
    public String keysText() {
        return keys.stream().map(KeyBinding::text).collect(Collectors.joining(" or "));
    }

    /**
     * Gives a menu item this binding's text and its first key as the accelerator. A player key
     * works only while the focus is in the player (elsewhere it types), so its menu item names the
     * key in its text instead of taking it as an accelerator.
     */
    public void applyTo(MenuItem item) {
        if (menuText == null) {
            throw new IllegalStateException(this + " has no menu item");
        }
        if (group == Group.PLAYER) {
            item.setText(menuText + " (" + text(keys.get(0)) + ")");
        } else {
            item.setText(menuText);
            item.setAccelerator(keys.get(0));
        }
    }

    /** Whether {@code event} (a key press) is one of this binding's keys. */
    public boolean matches(KeyEvent event) {
        return keys.stream().anyMatch(key -> key instanceof KeyCharacterCombination typed
                // Matched by the text typed, which holds on every keyboard layout.
                ? typed.getCharacter().equals(event.getText()) && modifiersMatch(typed, event)
                : key.match(event));
    }

    /** The binding of {@code group} that {@code event} presses, if any. */
    public static Optional<KeyBinding> find(Group group, KeyEvent event) {
        return Arrays.stream(values()).filter(binding -> binding.group == group && binding.matches(event)).findFirst();
    }

    /** The bindings of one group, in the cheat sheet's order. */
    public static List<KeyBinding> of(Group group) {
        List<KeyBinding> bindings = new ArrayList<>();
        for (KeyBinding binding : values()) {
            if (binding.group == group) {
                bindings.add(binding);
            }
        }
        return bindings;
    }

    private static boolean modifiersMatch(KeyCombination key, KeyEvent event) {
        return allows(key.getShift(), event.isShiftDown()) && allows(key.getAlt(), event.isAltDown())
                && allows(key.getMeta(), event.isMetaDown())
                && allows(key.getControl(), event.isControlDown()) && allows(key.getShortcut(), event.isShortcutDown());
    }

    private static boolean allows(ModifierValue value, boolean down) {
        return value == ANY || (value == DOWN) == down;
    }

    /** One combination as the cheat sheet shows it: the modifiers that must be down, then the key. */
    static String text(KeyCombination key) {
        StringBuilder text = new StringBuilder();
        if (key.getShortcut() == DOWN || key.getControl() == DOWN) {
            text.append("Ctrl+");
        }
        if (key.getShift() == DOWN) {
            text.append("Shift+");
        }
        if (key instanceof KeyCharacterCombination typed) {
            return text.append(typed.getCharacter()).toString();
        }
        KeyCode code = ((KeyCodeCombination) key).getCode();
        return text.append(switch (code) {
            case RIGHT -> "→";
            case LEFT -> "←";
            case PERIOD -> ".";
            case COMMA -> ",";
            case OPEN_BRACKET -> "[";
            case CLOSE_BRACKET -> "]";
            case PLUS -> "+";
            case EQUALS -> "=";
            case MINUS -> "−";
            case ADD -> "Num +";
            case SUBTRACT -> "Num −";
            case ESCAPE -> "Esc";
            default -> code.isDigitKey() && code.isKeypadKey() ? "Num " + code.getName().substring("Numpad ".length())
                    : code.getName();
        }).toString();
    }

    /** A player key: Shift and Ctrl do not change it; with Alt or Meta the key is someone else's. */
    private static KeyCombination player(KeyCode code) {
        return new KeyCodeCombination(code, ANY, UP, UP, UP, ANY);
    }

    /** The key alone. */
    private static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    private static KeyCombination second(KeyCode code) {
        return new KeyCodeCombination(code, ANY, UP, UP, UP, DOWN);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shortcutShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}
