package org.frameproof.store;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The search index changes of one transaction's annotation writes, gathered so that each word's
 * row for a block is rewritten once ({@link AnnotationRepository#apply}) however many annotations
 * of that block changed: an import of thousands would otherwise rewrite a common word's row once
 * for each of them. Made for one transaction and dropped with it.
 */
public final class SearchIndexChanges {
    record WordBlock(String word, long block) {
    }

    /** For each word and block, its changes in order, as {@link SeqBlock#changed} takes them. */
    private final Map<WordBlock, IntStream.Builder> changes = new LinkedHashMap<>();
    private int count;

    void add(long seq, Set<String> words) {
        record(seq, words, SeqBlock.offsetOf(seq));
    }

    void remove(long seq, Set<String> words) {
        record(seq, words, -1 - SeqBlock.offsetOf(seq));
    }

    /** An annotation's words went from {@code before} to {@code after}: the words it lost and the ones it gained change. */
    void replace(long seq, Set<String> before, Set<String> after) {
        Set<String> gone = new LinkedHashSet<>(before);
        gone.removeAll(after);
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        remove(seq, gone);
        add(seq, added);
    }

    private void record(long seq, Set<String> words, int change) {
        count += words.size();
        for (String word : words) {
            changes.computeIfAbsent(new WordBlock(word, SeqBlock.blockOf(seq)), key -> IntStream.builder()).add(change);
        }
    }

    /** How many changes: one per word of each annotation written. */
    int count() {
        return count;
    }

    /** The changes of each word and block, in the order they were made. */
    Map<WordBlock, int[]> byWordAndBlock() {
        Map<WordBlock, int[]> built = new LinkedHashMap<>();
        changes.forEach((key, builder) -> built.put(key, builder.build().toArray()));
        return built;
    }
}
