package org.frameproof.ui.export;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.ExportService;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.ui.common.TaskExecutor;

/**
 * One export at a time, as a {@link Task} on an executor: whether it runs, how far it is, and
 * what came of it (what was written and its audit entry, or why nothing was).
 */
public final class ExportRun {
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private AtomicBoolean cancelRequested;
    private ExportService.Recorded lastExport;

    /** The export itself, run on the executor's thread; it stops at the next step once the monitor says so. */
    @FunctionalInterface
    interface Work {
        ExportService.Recorded run(ExportMonitor monitor) throws Exception;
    }

    ExportRun(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code work}; when it succeeds, {@code describe} says what it wrote.
     *
     * @param out where it writes, named when it is cancelled or fails
     */
    void start(Work work, Function<ExportService.Recorded, String> describe, Path out) {
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRequested = cancelled;
        message.set("");
        outcome.set("");
        lastExport = null;
        Task<ExportService.Recorded> task = new Task<>() {
            @Override
            protected ExportService.Recorded call() throws Exception {
                return work.run(new ExportMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled.get();
                    }
                });
            }
        };
        progress.bind(task.progressProperty());
        running.set(true);
        task.setOnSucceeded(event -> finished(task.getValue(), describe.apply(task.getValue()), ""));
        // Cancelling is asked of the export, not of the Task: the export stops at its next step and
        // removes what it wrote, and only then does the task end, so "nothing was written" is true.
        task.setOnFailed(event -> finished(null, "", failure(task.getException(), out)));
        executor.execute(task);
    }

    /** Shows a message before any export runs (e.g. that there is nothing to export). */
    void say(String text) {
        message.set(text);
    }

    /** Asks the running export to stop; it removes what it had written before it reports. */
    public void cancel() {
        if (cancelRequested != null) {
            cancelRequested.set(true);
        }
    }

    private void finished(ExportService.Recorded recorded, String done, String failed) {
        progress.unbind();
        progress.set(recorded != null ? 1 : 0);
        running.set(false);
        cancelRequested = null;
        lastExport = recorded;
        outcome.set(done);
        message.set(failed);
    }

    private static String failure(Throwable problem, Path out) {
        if (problem instanceof CancellationException) {
            return "Export cancelled; nothing was written to " + out.toAbsolutePath() + ".";
        }
        if (problem instanceof UserFacingException) {
            return problem.getMessage();
        }
        return "The export failed (" + problem + "); nothing was written to " + out.toAbsolutePath() + ".";
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction done while an export runs (0..1). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last export did not happen, in the reviewer's words; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the last export wrote, its SHA-256 and its audit entry; empty until one succeeds. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The last successful export; null before one, and after a failed or cancelled one. */
    public ExportService.Recorded lastExport() {
        return lastExport;
    }
}
