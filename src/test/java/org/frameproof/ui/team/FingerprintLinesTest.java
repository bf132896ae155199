package org.frameproof.ui.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FingerprintLinesTest {
    @Test
    void twelveGroupsAreReadOutAsTwoLinesOfSix() {
        assertEquals("93362 01808 62330 81347 69534 81891\n29163 84630 85616 53782 48301 00172",
                TeamDialog.inTwoLines("93362 01808 62330 81347 69534 81891 29163 84630 85616 53782 48301 00172"));
    }
}
