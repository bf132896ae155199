package org.frameproof.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SidePaneWidthsTest {
    @Test
    void theFirstOpeningTakesAShareOfTheWindowWithinBounds() {
        assertEquals(new SidePaneWidths(288, 316.8), SidePaneWidths.opening(1440, Double.NaN, Double.NaN));
        assertEquals(new SidePaneWidths(320, 330), SidePaneWidths.opening(2560, Double.NaN, Double.NaN));
        assertEquals(new SidePaneWidths(200, 260), SidePaneWidths.opening(900, Double.NaN, Double.NaN));
    }

    @Test
    void rememberedWidthsComeBackAsTheyWere() {
        assertEquals(new SidePaneWidths(250, 620), SidePaneWidths.opening(1440, 250, 620));
    }

    @Test
    void aSmallerWindowShrinksRememberedPanesSoThePlayerKeepsItsRoomButNeverBelowTheirMinimum() {
        SidePaneWidths widths = SidePaneWidths.opening(1300, 300, 600);
        assertEquals(1300 - SidePaneWidths.MIN_PLAYER, widths.cases() + widths.annotations(), 1e-9);
        assertEquals(2.0, widths.annotations() / widths.cases(), 0.5, "both give way, in proportion");
        assertEquals(new SidePaneWidths(200, 260), SidePaneWidths.opening(700, 300, 600));
    }
}
