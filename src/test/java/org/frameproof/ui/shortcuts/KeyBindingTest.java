package org.frameproof.ui.shortcuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.frameproof.testing.ScreenTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The keys the player and the annotation workspace answer are the ones the cheat sheet lists. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class KeyBindingTest {

    /** Every key press the controllers act on, with every combination of modifiers. */
    private static List<KeyEvent> everyPress() {
        List<KeyEvent> presses = new ArrayList<>();
        for (KeyCode code : KeyCode.values()) {
            String text = code == KeyCode.SLASH ? "?" : code.getChar();
            for (int modifiers = 0; modifiers < 16; modifiers++) {
                presses.add(new KeyEvent(KeyEvent.KEY_PRESSED, text, text, code, (modifiers & 1) != 0,
                        (modifiers & 2) != 0, (modifiers & 4) != 0, (modifiers & 8) != 0));
            }
        }
        return presses;
    }

    private static Optional<KeyBinding> handled(KeyEvent press) {
        if (KeyBinding.SHORTCUTS.matches(press)) {
            return Optional.of(KeyBinding.SHORTCUTS);
        }
        Optional<KeyBinding> player = KeyBinding.find(KeyBinding.Group.PLAYER, press);
        return player.isPresent() ? player : KeyBinding.find(KeyBinding.Group.ANNOTATING, press);
    }

    @Test
    void everyKeyTheControllersHandleIsOnTheCheatSheetByName() {
        List<CheatSheet.Line> sheet = CheatSheet.lines();
        Set<KeyBinding> seen = EnumSet.noneOf(KeyBinding.class);
        for (KeyEvent press : everyPress()) {
            handled(press).ifPresent(binding -> {
                seen.add(binding);
                String name = binding == KeyBinding.SHORTCUTS && press.getCode() == KeyCode.SLASH ? "?"
                        : KeyBinding.text(new KeyCodeCombination(press.getCode()));
                assertTrue(sheet.stream().anyMatch(line -> binding.description().equals(line.action())
                                && line.keys() != null && line.keys().contains(name)),
                        press.getCode() + " (" + binding + ") is on the sheet as " + name);
            });
        }
        assertTrue(seen.containsAll(KeyBinding.of(KeyBinding.Group.PLAYER)), "every player key is reachable");
        assertTrue(seen.containsAll(KeyBinding.of(KeyBinding.Group.ANNOTATING)), "every annotating key is reachable");
    }

    @Test
    void theSheetSplitsIntoTwoColumnsOfGroupsThatFitALaptopScreen() {
        List<CheatSheet.Line> sheet = CheatSheet.lines();
        List<List<CheatSheet.Line>> columns = CheatSheet.columns(sheet);
        assertEquals(sheet, java.util.stream.Stream.concat(columns.get(0).stream(), columns.get(1).stream()).toList(),
                "every line, in order");
        for (List<CheatSheet.Line> column : columns) {
            assertNull(column.get(0).keys(), "a column starts with its group's heading");
            // About 20 pixels a line: 35 lines and the dialog's header fit a 900-pixel screen.
            assertTrue(column.size() <= 35, column.size() + " lines in one column");
        }
    }

    @Test
    void theLoopKeysAreOnTheSheet() {
        assertTrue(CheatSheet.lines().contains(new CheatSheet.Line("A", KeyBinding.LOOP_START.description())));
        assertTrue(CheatSheet.lines().contains(new CheatSheet.Line("B", KeyBinding.LOOP_END.description())));
    }

    @Test
    void theSheetShowsTheKeysAsAReviewerTypesThem() {
        assertEquals("→ or .", KeyBinding.NEXT_FRAME.keysText());
        assertEquals("Shift+← or Shift+,", KeyBinding.TEN_FRAMES_BACK.keysText());
        assertEquals("Ctrl+→ or Ctrl+.", KeyBinding.SECOND_FORWARD.keysText());
        assertEquals("1 or Num 1", KeyBinding.NEW_INJURY.keysText());
        assertEquals("Ctrl+Shift+S", KeyBinding.EXPORT_STILL.keysText());
        assertEquals("F1 or ?", KeyBinding.SHORTCUTS.keysText());
    }

    @Test
    void aKeyPressMeansOneThingToTheControllersThatShareTheFocus() {
        for (KeyEvent press : everyPress()) {
            long meanings = KeyBinding.of(KeyBinding.Group.PLAYER).stream().filter(b -> b.matches(press)).count()
                    + KeyBinding.of(KeyBinding.Group.ANNOTATING).stream().filter(b -> b.matches(press)).count()
                    + (KeyBinding.SHORTCUTS.matches(press) ? 1 : 0);
            assertTrue(meanings <= 1, press.getCode() + " with " + press + " means " + meanings + " things");
        }
    }

    @Test
    void modifiersChooseTheStepAndAltOrMetaLeaveThePlayerAlone() {
        assertEquals(Optional.of(KeyBinding.NEXT_FRAME), KeyBinding.find(KeyBinding.Group.PLAYER, press(KeyCode.RIGHT, false, false, false)));
        assertEquals(Optional.of(KeyBinding.TEN_FRAMES_FORWARD), KeyBinding.find(KeyBinding.Group.PLAYER, press(KeyCode.RIGHT, true, false, false)));
        assertEquals(Optional.of(KeyBinding.SECOND_BACK), KeyBinding.find(KeyBinding.Group.PLAYER, press(KeyCode.COMMA, true, true, false)));
        assertEquals(Optional.of(KeyBinding.PLAY_PAUSE), KeyBinding.find(KeyBinding.Group.PLAYER, press(KeyCode.SPACE, true, true, false)));
        assertEquals(Optional.empty(), KeyBinding.find(KeyBinding.Group.PLAYER, press(KeyCode.SPACE, false, false, true)));
        assertEquals(Optional.empty(), KeyBinding.find(KeyBinding.Group.ANNOTATING, press(KeyCode.DIGIT1, true, false, false)));
        assertEquals(Optional.empty(), KeyBinding.find(KeyBinding.Group.ANNOTATING, press(KeyCode.DIGIT1, false, true, false)));
    }

    @Test
    void aMenuItemTakesItsTextAndKeyFromTheBinding() {
        MenuItem export = new MenuItem();
        KeyBinding.EXPORT_STILL.applyTo(export);
        assertEquals("Export Current Frame as _Still…", export.getText());
        assertEquals(KeyBinding.EXPORT_STILL.keys().get(0), export.getAccelerator());
        MenuItem zoom = new MenuItem();
        KeyBinding.RESET_ZOOM.applyTo(zoom);
        assertEquals("_Reset Zoom (0)", zoom.getText());
        assertNull(zoom.getAccelerator(), "a bare key would fire while typing in a form");
        assertFalse(KeyBinding.MUTE.menuText().isPresent());
    }

    private static KeyEvent press(KeyCode code, boolean shift, boolean control, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, code.getChar(), code.getChar(), code, shift, control, alt, false);
    }
}
