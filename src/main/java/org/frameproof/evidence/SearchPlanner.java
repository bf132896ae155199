package org.frameproof.evidence;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.AnnotationRepository;
import org.frameproof.store.CaseRepository;
import org.frameproof.store.Database;
import org.frameproof.store.FootageRepository;
import org.frameproof.store.SearchIndex;

/**
 * Reads annotations for the lists and the full-text search: decides which store query answers a
 * list (one read, or a case footage item by footage item when only its first ones are wanted) and
 * in which order a search reads its words. Each call is one transaction; nothing is written.
 */
final class SearchPlanner {
    private final Database database;
    private final AnnotationRepository annotations;
    private final SearchIndex searchIndex;
    private final FootageRepository footage;
    private final CaseRepository cases;

    SearchPlanner(Database database, AnnotationRepository annotations, SearchIndex searchIndex) {
        this.database = database;
        this.annotations = annotations;
        this.searchIndex = searchIndex;
        this.footage = new FootageRepository(database);
        this.cases = new CaseRepository(database);
    }

    /** The annotations the query selects (the first ones only, when it has a limit), by footage then frame (start, end), then id. */
    List<Annotation> list(AnnotationQuery asked) throws UserFacingException {
        String tag = asked.tag() == null ? null : CleanContent.terms(List.of(asked.tag()), "tag").stream().findFirst().orElse(null);
        Optional<AnnotationQuery> narrowed = asked.narrowed();
        if (narrowed.isEmpty()) {
            return List.of();
        }
        AnnotationQuery query = narrowed.get();
        String notAnsweredBy = query.waitingFor() == null ? null : query.waitingFor().name();
        return database.transaction(() -> {
            if (query.caseId() == null || query.limit() == null) {
                return annotations.list(query.footageId(), query.caseId(), query.kinds(), query.author(), tag,
                        query.confidences(), query.states(), notAnsweredBy, query.limit());
            }
            // A case's first annotations footage item by item, in the list's order: each read walks that
            // item's index and stops at the limit, where one read of the case sorted all its rows.
            List<Annotation> first = new ArrayList<>();
            for (Footage item : footage.listByCase(query.caseId())) {
                first.addAll(annotations.list(item.id(), null, query.kinds(), query.author(), tag, query.confidences(),
                        query.states(), notAnsweredBy, query.limit() - first.size()));
                if (first.size() == query.limit()) {
                    break;
                }
            }
            return first;
        });
    }

    /**
     * Full text across all cases over observation, interpretation, tags and place names: every
     * word must match the start of a word; ordered by case, footage and frame.
     *
     * @param limit the most hits to return
     */
    List<SearchHit> search(String text, int limit) throws UserFacingException {
        List<String> words = wordsToRead(text);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        return database.transaction(() -> {
            List<Long> wanted = matchingSeqs(words, limit);
            Map<Long, Case> caseById = new HashMap<>();
            for (Case investigation : cases.listByTitle()) {
                caseById.put(investigation.id(), investigation);
            }
            Map<Long, Footage> footageById = new HashMap<>();
            List<SearchHit> hits = new ArrayList<>();
            for (Annotation annotation : annotations.bySeqs(wanted)) {
                Footage item = footageById.get(annotation.footageId());
                if (item == null) {
                    item = footage.findById(annotation.footageId()).orElseThrow();
                    footageById.put(item.id(), item);
                }
                Case investigation = caseById.get(item.caseId());
                hits.add(new SearchHit(annotation, investigation.id(), investigation.title(), item.originalName()));
            }
            hits.sort(Comparator.comparingLong(SearchHit::caseId));
            return hits;
        });
    }

    /**
     * A query's search words in the order they are read: folded like stored text, each once, the
     * longest first (usually the rarest: read first, it narrows what the others read), each cut
     * to the longest word the store keeps. Empty when the text has no word (null, blank, only
     * punctuation).
     */
    static List<String> wordsToRead(String text) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(SearchText.wordsOf(text == null ? "" : text)));
        words.sort(Comparator.comparingInt(String::length).reversed());
        words.replaceAll(word -> word.length() > AnnotationRepository.LONGEST_WORD
                ? word.substring(0, AnnotationRepository.LONGEST_WORD) : word);
        return words;
    }

    /**
     * The {@code limit} lowest sequence numbers of annotations having every word: each word's
     * annotations as a set, intersected, the rarest-looking (longest) word first so later words
     * read only the blocks still in play. A single word stops reading once it has enough.
     */
    private List<Long> matchingSeqs(List<String> words, int limit) throws UserFacingException {
        BitSet matching = searchIndex.seqsWithPrefix(words.get(0), words.size() == 1 ? limit : Integer.MAX_VALUE, null);
        for (String word : words.subList(1, words.size())) {
            if (matching.isEmpty()) {
                break;
            }
            matching.and(searchIndex.seqsWithPrefix(word, Integer.MAX_VALUE, matching));
        }
        return matching.stream().limit(limit).mapToObj(seq -> (long) seq).toList();
    }
}
