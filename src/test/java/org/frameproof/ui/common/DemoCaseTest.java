package org.frameproof.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.HandRunExecutor;
import org.junit.jupiter.api.Test;

/** Opening the demo case from a window: once at a time, with its steps and its outcome in words. */
class DemoCaseTest {
    private final HandRunExecutor background = new HandRunExecutor();
    private final List<String> steps = new ArrayList<>();
    private int started;

    @Test
    void askingAgainWhileTheDemoIsMadeDoesNotMakeItTwice() {
        DemoCase demo = new DemoCase(said -> {
            said.accept("Making the demo case: Importing phone-portrait.mp4 (5 of 11 steps)…");
            started++;
        }, background);
        CompletableFuture<String> first = demo.open(steps::add);
        assertSame(first, demo.open(steps::add));
        background.runAll();
        assertEquals(1, started);
        assertEquals(List.of("Making the demo case: Importing phone-portrait.mp4 (5 of 11 steps)…"), steps);
        assertEquals("The demo case opens in a window of its own.", first.join());
        demo.open(steps::add);
        background.runAll();
        assertEquals(2, started, "once done, it can be opened again");
    }

    @Test
    void aDemoThatCannotBeMadeOrStartedIsSaidInWords() {
        assertEquals("The disk is full.", outcome(said -> {
            throw new UserFacingException("The disk is full.");
        }));
        assertEquals("The demo case could not be opened: no such program. Run ./frameproof demo instead.", outcome(said -> {
            throw new IOException("no such program");
        }));
    }

    private String outcome(DemoCase.Starter starter) {
        CompletableFuture<String> said = new DemoCase(starter, background).open(steps::add);
        background.runAll();
        return said.join();
    }
}
