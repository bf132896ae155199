package org.frameproof.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportStepTextTest {
    @Test
    void theStepSaysWhichFileOfHowManyAndHowFarThroughIt() {
        assertEquals("2 of 4: clip.mp4 — 40 %", CasesViewModel.importStepText(2, 4, "clip.mp4", 40, 100));
        assertEquals("1 of 1: empty.mp4 — 100 %", CasesViewModel.importStepText(1, 1, "empty.mp4", 0, 0));
        assertEquals("4 of 4: last.mp4 — 100 %", CasesViewModel.importStepText(5, 4, "last.mp4", 10, 10),
                "never past the last file");
    }
}
