package org.frameproof.ui.review;

import org.frameproof.domain.ReviewState;

/**
 * The one glyph per review state that the list, the inspector and the timeline show, so a
 * finding's state reads the same everywhere at a glance. Each is in the fonts the desktop ships
 * (no emoji), so none shows as an empty box.
 */
public final class StateGlyph {
    /** A finding in conflict with revisions received in a bundle, beside its state's glyph. */
    public static final String CONFLICT = "⚠";

    private StateGlyph() {
    }

    public static String of(ReviewState state) {
        return switch (state) {
            case DRAFT -> "✎";
            case SUBMITTED -> "→";
            case CONFIRMED -> "✓";
            case REJECTED -> "✗";
            case SEALED -> "◆";
        };
    }
}
