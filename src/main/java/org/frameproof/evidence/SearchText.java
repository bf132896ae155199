package org.frameproof.evidence;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How text is cut into search words and folded, so that a search matches however the text was
 * typed: case-insensitive in every script (Armenian, Cyrillic, Greek, Latin), with Azerbaijani
 * and Turkish dotted and dotless i matching plain i, and accents and Arabic vowel marks ignored
 * ("Şuşa" is found by "susa"). The same folding is applied to stored text and to queries.
 */
final class SearchText {
    private SearchText() {
    }

    /** The distinct folded words of all {@code texts} (nulls skipped), in order of appearance. */
    static Set<String> words(List<String> texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                words.addAll(wordsOf(text));
            }
        }
        return words;
    }

    /** The folded words of one text. */
    static List<String> wordsOf(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        folded.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(codePoint);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Upper then lower case (so dotless ı and final sigma meet their plain forms), decomposed,
     * without combining marks (accents, the dot of İ, Arabic harakat), composed again.
     */
    static String fold(String text) {
        String cased = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(cased, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(codePoint -> Character.getType(codePoint) != Character.NON_SPACING_MARK)
                .forEach(kept::appendCodePoint);
        return Normalizer.normalize(kept, Normalizer.Form.NFC);
    }
}
