package org.frameproof.evidence;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.frameproof.domain.UserFacingException;

/**
 * The undo and redo stacks of one working session (one unlocked store). Every command that
 * {@link AnnotationService} applies lands here; undo and redo are themselves saved changes with
 * their own audit entries ({@code annotation.undo}, {@code annotation.redo}). A new command
 * clears the redo stack; a step of review is recorded here without entering either. Thread-safe.
 */
public final class UndoHistory {
    /** Writes a command durably with its audit entries under the given audit action. */
    @FunctionalInterface
    interface Writer {
        void write(AnnotationCommand command, String auditAction) throws UserFacingException;
    }

    private final Writer writer;
    private final Deque<AnnotationCommand> undoable = new ArrayDeque<>();
    private final Deque<AnnotationCommand> redoable = new ArrayDeque<>();
    private final List<Consumer<AnnotationCommand>> listeners = new CopyOnWriteArrayList<>();

    UndoHistory(Writer writer) {
        this.writer = writer;
    }

    /** Applies {@code command} (saved with its audit entry) and makes it the next one to undo. */
    synchronized void apply(AnnotationCommand command) throws UserFacingException {
        writer.write(command, command.action());
        undoable.push(command);
        redoable.clear();
        changed(command);
    }

    /**
     * Saves {@code command} and tells the listeners, without making it undoable: a step of review
     * is a decision, taken back by a step of its own. An earlier command it overtook then fails
     * its undo as changed since, so undo never reverses a decision.
     */
    synchronized void record(AnnotationCommand command) throws UserFacingException {
        writer.write(command, command.action());
        changed(command);
    }

    public synchronized boolean canUndo() {
        return !undoable.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redoable.isEmpty();
    }

    /** What Undo would take back, e.g. "edit of injury at frame 1834". */
    public synchronized Optional<String> undoDescription() {
        return Optional.ofNullable(undoable.peek()).map(AnnotationCommand::description);
    }

    /** What Redo would do again. */
    public synchronized Optional<String> redoDescription() {
        return Optional.ofNullable(redoable.peek()).map(AnnotationCommand::description);
    }

    /**
     * Takes back the last command: every annotation it touched returns to its exact prior state.
     *
     * @return the command undone, or empty when there was nothing to undo
     */
    public synchronized Optional<AnnotationCommand> undo() throws UserFacingException {
        AnnotationCommand last = undoable.peek();
        if (last == null) {
            return Optional.empty();
        }
        AnnotationCommand inverse = last.inverse();
        writer.write(inverse, "annotation.undo");
        redoable.push(undoable.pop());
        changed(inverse);
        return Optional.of(last);
    }

    /** Applies the last undone command again; empty when there was nothing to redo. */
    public synchronized Optional<AnnotationCommand> redo() throws UserFacingException {
        AnnotationCommand next = redoable.peek();
        if (next == null) {
            return Optional.empty();
        }
        writer.write(next, "annotation.redo");
        undoable.push(redoable.pop());
        changed(next);
        return Optional.of(next);
    }

    /**
     * Called (on the thread that made the change) after every apply, undo and redo with the
     * command as written (for an undo, its inverse), so screens can show the change and enable
     * Undo/Redo.
     */
    public void addListener(Consumer<AnnotationCommand> listener) {
        listeners.add(listener);
    }

    private void changed(AnnotationCommand written) {
        listeners.forEach(listener -> listener.accept(written));
    }
}
