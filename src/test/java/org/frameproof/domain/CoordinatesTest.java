package org.frameproof.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CoordinatesTest {
    @Test
    void decimalAndDmsAreRead() throws Exception {
        assertEquals(39.7586, Coordinates.latitude("39.7586"), 5e-8);
        assertEquals(-46.75, Coordinates.longitude("-46.75"), 5e-8);
        assertEquals(39 + 45 / 60.0 + 31 / 3600.0, Coordinates.latitude("39°45'31\"N"), 5e-8);
        assertEquals(-(46 + 44 / 60.0 + 56.5 / 3600.0), Coordinates.longitude("46 44 56.5 W"), 5e-8);
        assertEquals(-(39 + 45.5 / 60.0), Coordinates.latitude("39°45.5'S"), 5e-8);
        assertEquals(39 + 45 / 60.0 + 31 / 3600.0, Coordinates.latitude("39°45′31″N"), 5e-8);
    }

    @Test
    void atMostSevenDecimalsAreKeptAndWhatWasTypedStaysExact() throws Exception {
        assertEquals(39.7586111, Coordinates.latitude("39°45'31\"N"), "seconds cut at 7 decimals, not 39.758611111111");
        assertEquals(-46.7490278, Coordinates.longitude("46 44 56.5 W"), "halves away from zero");
        assertEquals(39.7586, Coordinates.latitude("39.7586"));
        assertEquals(46.1234567, Coordinates.longitude("46.1234567"), "seven typed decimals stay");
        assertEquals(46.1234568, Coordinates.longitude("46.12345675"), "an eighth is rounded, half up");
        assertEquals("39.7586111", Double.toString(Coordinates.latitude("39°45'31\"N")), "no binary tail either");
    }

    @Test
    void nonsenseAndOutOfRangeAreRefusedClearly() {
        assertEquals("'north' is not a latitude: write decimal degrees (39.7586) or degrees, minutes and seconds (39°45'31\"N).",
                assertThrows(UserFacingException.class, () -> Coordinates.latitude("north")).getMessage());
        assertThrows(UserFacingException.class, () -> Coordinates.latitude("91"));
        assertThrows(UserFacingException.class, () -> Coordinates.latitude("39 75 00 N"));
        assertThrows(UserFacingException.class, () -> Coordinates.latitude("39 E"));
        assertThrows(UserFacingException.class, () -> Coordinates.longitude("181"));
    }
}
