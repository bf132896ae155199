package org.frameproof.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

/**
 * Where a screen's long work (unlocking, importing, verifying) runs. The app runs it on a
 * background thread; tests may run it on the calling thread, so its outcome is there when the
 * call returns.
 */
@FunctionalInterface
public interface TaskExecutor {
    void execute(Task<?> task);

    /** Runs each task on one daemon thread named {@code name}, in the order given. */
    static TaskExecutor background(String name) {
        return daemonThread(name)::execute;
    }

    /** One daemon thread named {@code name}: background work never keeps the app from ending. */
    static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs each task at once on the calling thread (on the FX thread, its handlers run before this returns). */
    static TaskExecutor immediate() {
        return Task::run;
    }
}
