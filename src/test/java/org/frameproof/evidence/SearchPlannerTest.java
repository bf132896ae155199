package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.store.AnnotationRepository;
import org.frameproof.store.SearchIndex;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class SearchPlannerTest {
    @TempDir Path dataFolder;

    @Test
    void aQueryIsReadWordByWordLongestFirstEachOnceAsStoredTextIsFolded() {
        assertEquals(List.of("checkpoint", "armband", "susa"), SearchPlanner.wordsToRead("Şuşa armband CHECKPOINT susa Armband"));
        assertEquals(List.of("повязка", "ab"), SearchPlanner.wordsToRead("ab, ПОВЯЗКА!"), "punctuation separates words");
    }

    @Test
    void aQueryWithoutWordsReadsNothing() {
        assertEquals(List.of(), SearchPlanner.wordsToRead(null));
        assertEquals(List.of(), SearchPlanner.wordsToRead("   "));
        assertEquals(List.of(), SearchPlanner.wordsToRead("-- ... !?"));
    }

    @Test
    void aWordLongerThanTheStoreKeepsIsCutToWhatItKeeps() {
        String longWord = "a".repeat(AnnotationRepository.LONGEST_WORD + 20);
        assertEquals(List.of("a".repeat(AnnotationRepository.LONGEST_WORD), "b"), SearchPlanner.wordsToRead("b " + longWord));
    }

    @Test
    void searchesFindStoredWordsAndLimitsCountHitsAcrossFootage() throws Exception {
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            Footage first = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
            Footage second = AnnotatedStores.importClip(store, investigation, Clip.H264_BFRAMES_LONGGOP);
            String longWord = "x".repeat(AnnotationRepository.LONGEST_WORD + 5);
            Annotation a = store.annotations().create(first.id(), 3, 3, note("soldier " + longWord));
            Annotation b = store.annotations().create(second.id(), 1, 1, note("soldier with armband"));
            Annotation c = store.annotations().create(second.id(), 2, 2, note("armband"));
            SearchPlanner planner = new SearchPlanner(store.database(), new AnnotationRepository(store.database()),
                    new SearchIndex(store.database()));

            assertEquals(List.of(a.id()), ids(planner.search(longWord + "yyy", 10)), "both cut to the same stored word");
            assertEquals(List.of(b.id()), ids(planner.search("armband sold", 10)));
            assertEquals(List.of(a.id(), b.id()), ids(planner.search("SOLDIER", 10)));
            assertEquals(List.of(a.id()), ids(planner.search("soldier", 1)), "the first hit only");
            assertEquals(List.of(), planner.search("soldier", 0));
            assertEquals(List.of(), planner.search("...", 10));
            assertEquals(List.of(), planner.search("armband nowhere", 10), "every word must match");

            AnnotationQuery wholeCase = AnnotationQuery.inCase(investigation.id());
            assertEquals(List.of(a, b, c), planner.list(wholeCase));
            assertEquals(List.of(a, b), planner.list(wholeCase.withLimit(2)), "the case's first two, across its footage");
            assertEquals(List.of(a, b, c), planner.list(wholeCase.withLimit(5)));
            assertEquals(List.of(b), planner.list(AnnotationQuery.footage(second.id()).withLimit(1)));
            assertEquals(List.of(), planner.list(wholeCase.withTag("nowhere").withLimit(1)), "no annotation carries the tag");
        }
    }

    private static AnnotationContent note(String observation) {
        return new AnnotationContent(observation, null, Confidence.MEDIUM, List.of(), null, new Finding.Note(null));
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.annotation().id()).toList();
    }
}
