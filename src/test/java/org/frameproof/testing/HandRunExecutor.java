package org.frameproof.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Holds submitted work until the test runs it, so a test sees each step of background work. One
 * thread submits and runs it (not thread-safe).
 */
public final class HandRunExecutor implements Executor {
    private final Queue<Runnable> work = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        work.add(command);
    }

    public int queued() {
        return work.size();
    }

    /** Runs the oldest work held; what it submits waits behind the rest. */
    public void runNext() {
        work.remove().run();
    }

    public void runAll() {
        while (!work.isEmpty()) {
            runNext();
        }
    }
}
