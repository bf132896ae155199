package org.frameproof.ui.player;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import org.frameproof.ui.common.TaskExecutor;

/**
 * Where the player's work runs: reading a file's index, decoding frames (one thread, because a
 * frame decoder belongs to one thread), and showing results (the FX thread). Tests may run all
 * three on the calling thread.
 */
public record PlayerThreads(Executor analysis, Executor decoding, Executor fx) {

    /** One background thread each for analysis and decoding, results on the FX thread. */
    public static PlayerThreads background() {
        return new PlayerThreads(daemon("frameproof-analysis"), daemon("frameproof-decoder"), Platform::runLater);
    }

    private static ExecutorService daemon(String name) {
        return TaskExecutor.daemonThread(name);
    }
}
