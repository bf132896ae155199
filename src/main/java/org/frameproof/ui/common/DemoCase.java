package org.frameproof.ui.common;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.frameproof.domain.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Help > Open Demo Case and the first start's "Try the demo case": the demo opens in a Frameproof
 * of its own ({@code frameproof demo}), so its made-up work never shares a window, a store or an
 * undo history with real work, and the store open here stays open as it was.
 */
public final class DemoCase {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCase.class);

    /**
     * Makes the demo case when it is missing, naming each step to {@code steps}, then starts the
     * second Frameproof on it; returns once it has started.
     */
    @FunctionalInterface
    public interface Starter {
        void start(Consumer<String> steps) throws IOException, UserFacingException;
    }

    private final Starter starter;
    private final Executor background;
    private CompletableFuture<String> opening;

    /** @param background where the second Frameproof is started, never the FX thread */
    public DemoCase(Starter starter, Executor background) {
        this.starter = starter;
        this.background = background;
    }

    /**
     * Makes and starts the demo in the background, telling {@code steps} (on the background
     * thread) how far making it got; completes with what to tell the reviewer. Asked again before
     * that, it answers the opening under way: two at once would make the same demo twice.
     */
    public synchronized CompletableFuture<String> open(Consumer<String> steps) {
        if (opening != null && !opening.isDone()) {
            return opening;
        }
        opening = CompletableFuture.supplyAsync(() -> {
            try {
                starter.start(steps);
                return "The demo case opens in a window of its own.";
            } catch (UserFacingException e) {
                LOG.warn("The demo case could not be made", e);
                return e.getMessage();
            } catch (IOException e) {
                LOG.warn("The demo case's Frameproof could not be started", e);
                return "The demo case could not be opened: " + e.getMessage() + ". Run ./frameproof demo instead.";
            }
        }, background);
        return opening;
    }
}
