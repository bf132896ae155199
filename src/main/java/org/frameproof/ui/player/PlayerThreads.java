package org.frameproof.ui.player;

import javafx.application.Platform;
import org.frameproof.media.review.ReviewEngine;
import org.frameproof.ui.common.TaskExecutor;

/** Where the player's work runs in the workstation; tests build their own {@link ReviewEngine.Threads}. */
public final class PlayerThreads {
    private PlayerThreads() {
    }

    /** One background thread each for analysis and decoding, results on the FX thread. */
    public static ReviewEngine.Threads background() {
        return new ReviewEngine.Threads(TaskExecutor.daemonThread("frameproof-analysis"),
                TaskExecutor.daemonThread("frameproof-decoder"), Platform::runLater);
    }
}
