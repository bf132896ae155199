package org.frameproof.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CoordinatesTest {
    @Test
    void decimalAndDmsAreRead() throws Exception {
        assertEquals(39.7586, Coordinates.latitude("39.7586"), 1e-9);
        assertEquals(-46.75, Coordinates.longitude("-46.75"), 1e-9);
        assertEquals(39 + 45 / 60.0 + 31 / 3600.0, Coordinates.latitude("39°45'31\"N"), 1e-9);
        assertEquals(-(46 + 44 / 60.0 + 56.5 / 3600.0), Coordinates.longitude("46 44 56.5 W"), 1e-9);
        assertEquals(-(39 + 45.5 / 60.0), Coordinates.latitude("39°45.5'S"), 1e-9);
        assertEquals(39 + 45 / 60.0 + 31 / 3600.0, Coordinates.latitude("39°45′31″N"), 1e-9);
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
