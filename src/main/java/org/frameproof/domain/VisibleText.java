package org.frameproof.domain;

/**
 * Text from a file or a reviewer as it may be shown on a terminal, in a report or a subtitle: a
 * character that could steer the output instead of being read (terminal escapes and bells, NUL,
 * line breaks, C1 controls, bidirectional overrides and isolates that reorder what follows) is
 * written as its visible escape, such as {@code \u001b}. The store keeps the text as given.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /** Whether {@code codePoint} can steer how text is shown rather than be part of it. */
    public static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) // C0, DEL and C1
                || (codePoint >= 0x202A && codePoint <= 0x202E) // embeddings and overrides
                || (codePoint >= 0x2066 && codePoint <= 0x2069); // isolates
    }

    /** {@code text} with each control character as {@code \\uXXXX}; null stays null. */
    public static String escape(String text) {
        if (text == null || text.codePoints().noneMatch(VisibleText::isControl)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (isControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
