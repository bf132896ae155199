package org.frameproof.evidence;

import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;

/**
 * One edit of annotations as a command: the state of each annotation it touches before and after.
 * Applying it writes every {@code after}; undoing it applies its {@link #inverse()}. Keeping whole
 * states (not field deltas) makes undo restore exactly what was there, and is what the audit log
 * records as the entry's before and after.
 *
 * @param action the audit action of applying it, e.g. {@code annotation.edit}
 * @param description how an Undo or Redo menu item names it, e.g. "edit of injury at frame 1834"
 */
public record AnnotationCommand(String action, String description, List<Revision> revisions) {

    /**
     * One annotation's change. {@code before} is null for a creation, {@code after} for a
     * deletion (the row stays, marked deleted, so history is kept and undo can restore it).
     */
    public record Revision(Annotation before, Annotation after) {
        public Revision {
            if (before == null && after == null) {
                throw new IllegalArgumentException("A revision changes an annotation");
            }
        }

        public String id() {
            return after != null ? after.id() : before.id();
        }
    }

    public AnnotationCommand {
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("A command changes at least one annotation");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("A command is named (its Undo and Redo menu items show the name)");
        }
    }

    /** The command that takes every annotation back to its state before this one. */
    public AnnotationCommand inverse() {
        List<Revision> back = new ArrayList<>();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            back.add(new Revision(revisions.get(i).after(), revisions.get(i).before()));
        }
        return new AnnotationCommand(action, description, back);
    }
}
