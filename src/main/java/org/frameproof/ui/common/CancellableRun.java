package org.frameproof.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of long work of a dialog at a time (sending or receiving a bundle), run as a
 * {@link Task} on an executor: whether it runs, how far it is and on what, and why it failed, in
 * the reviewer's words. Cancelling is asked of the work through its {@link Progress}, not of the
 * Task: the work stops at its next step and removes what it wrote, and only then does it end.
 */
public final class CancellableRun {
    private static final Logger LOG = LoggerFactory.getLogger(CancellableRun.class);

    /** The work, run on the executor's thread; it reports through {@code progress} and stops once that says so. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws UserFacingException;
    }

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private AtomicBoolean cancelRequested;

    public CancellableRun(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code work}; {@code done} gets its result on the FX thread, or {@link #failureProperty()} says why not. */
    public <T> void start(Work<T> work, Consumer<T> done) {
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRequested = cancelled;
        failure.set("");
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws UserFacingException {
                return work.run(new Progress() {
                    @Override
                    public void update(String item, long done, long total) {
                        updateMessage(item);
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelled.get();
                    }
                });
            }
        };
        // Until the work reports, the bar says only that it is busy.
        progress.bind(task.progressProperty());
        step.bind(task.messageProperty());
        running.set(true);
        task.setOnSucceeded(event -> {
            ended(1);
            done.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            ended(0);
            Throwable problem = task.getException();
            if (problem instanceof UserFacingException) {
                failure.set(problem.getMessage());
            } else {
                LOG.error("A dialog's background work failed", problem);
                failure.set("That did not work (" + problem.getClass().getSimpleName() + "); the log folder (Help > Open Log"
                        + " Folder) says where.");
            }
        });
        executor.execute(task);
    }

    /** Asks the running work to stop; it removes what it had written before it reports. */
    public void cancel() {
        if (cancelRequested != null) {
            cancelRequested.set(true);
        }
    }

    /** Says why nothing can run yet (no contacts, nothing chosen), as a failure would. */
    public void refuse(String why) {
        failure.set(why);
    }

    private void ended(double at) {
        progress.unbind();
        step.unbind();
        progress.set(at);
        step.set("");
        running.set(false);
        cancelRequested = null;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction of the current item done (0..1), or -1 while the work has not said how far it is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the work is on ("footage", "footage 3f2a…"); empty when it has not said. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Why the last work did not happen, in the reviewer's words; empty when all is well. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
