package org.frameproof.exchange;

/** Text as XML 1.0 can hold it. */
final class XmlText {
    private XmlText() {
    }

    /**
     * Drops the characters XML 1.0 forbids (control characters other than tab and line breaks,
     * lone surrogates, U+FFFE and U+FFFF), which a pasted note may carry and which would make the
     * whole file unreadable.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(cleaned::appendCodePoint);
        return cleaned.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
