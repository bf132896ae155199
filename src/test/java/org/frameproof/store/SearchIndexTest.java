package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
    private static final List<String> WORDS = List.of("ka", "kato", "kami", "to", "tomi", "ми", "минa");
    private static final List<String> PREFIXES = List.of("k", "ka", "kat", "t", "tomi", "м", "мин", "x");

    @TempDir Path dataFolder;

    @Test
    void aSaveThatFindsTooManyPendingChangesMergesThemAll() throws Exception {
        try (Database database = Database.open(dataFolder, DatabaseTest.randomKey())) {
            SearchIndex index = new SearchIndex(database, 50, 200);
            BitSet expected = new BitSet();
            boolean asked = false;
            boolean mergedNow = false;
            for (long seq = 1; seq <= 300; seq++) {
                SearchIndexChanges changes = new SearchIndexChanges();
                changes.add(seq, Set.of("armband", "soldier" + seq));
                expected.set(Math.toIntExact(seq));
                long before = pending(database);
                asked |= database.transaction(() -> index.apply(changes));
                long after = pending(database);
                mergedNow |= after < before;
                assertTrue(after <= 200, "never past the limit: " + after);
            }
            assertTrue(asked, "a merge was asked for past 50");
            assertTrue(mergedNow, "past 200 the save merged them");
            SearchIndexChanges last = new SearchIndexChanges();
            last.add(5_000, Set.of("armband"));
            expected.set(5_000);
            database.transaction(() -> index.apply(last));
            assertEquals(expected, database.transaction(() -> index.seqsWithPrefix("arm", Integer.MAX_VALUE, null)));
        }
    }

    private static long pending(Database database) throws Exception {
        return database.transaction(() -> {
            try (var count = database.connection().createStatement().executeQuery("SELECT COUNT(*) FROM search_pending")) {
                count.next();
                return count.getLong(1);
            } catch (java.sql.SQLException e) {
                throw StoreException.cannotRead("the test's count", e);
            }
        });
    }

    @Test
    void findsWhatAModelFindsThroughPendingChangesMergeStepsAndImports() throws Exception {
        Random random = new Random(3);
        Map<Long, Set<String>> model = new HashMap<>();
        try (Database database = Database.open(dataFolder, DatabaseTest.randomKey())) {
            SearchIndex index = new SearchIndex(database);
            for (int round = 0; round < 120; round++) {
                int roll = random.nextInt(10);
                if (roll == 0) {
                    database.transaction(() -> index.mergeStep(1 + random.nextInt(300)));
                } else {
                    // Mostly a few annotations (pending changes), now and then an import (straight to the postings).
                    int annotations = roll == 1 ? 3_000 : 1 + random.nextInt(4);
                    SearchIndexChanges changes = new SearchIndexChanges();
                    for (int i = 0; i < annotations; i++) {
                        long seq = 1 + random.nextInt(40_000);
                        Set<String> before = model.getOrDefault(seq, Set.of());
                        Set<String> after = new HashSet<>();
                        for (String word : WORDS) {
                            if (random.nextInt(3) == 0) {
                                after.add(word);
                            }
                        }
                        changes.replace(seq, before, after);
                        model.put(seq, after);
                    }
                    database.transaction(() -> index.apply(changes));
                }
                for (String prefix : PREFIXES) {
                    BitSet expected = new BitSet();
                    model.forEach((seq, words) -> {
                        if (words.stream().anyMatch(word -> word.startsWith(prefix))) {
                            expected.set(Math.toIntExact(seq));
                        }
                    });
                    BitSet all = database.transaction(() -> index.seqsWithPrefix(prefix, Integer.MAX_VALUE, null));
                    assertEquals(expected, all, "'" + prefix + "' in round " + round);
                    BitSet some = database.transaction(() -> index.seqsWithPrefix(prefix, 10, null));
                    BitSet wrong = (BitSet) some.clone();
                    wrong.andNot(expected);
                    assertTrue(wrong.isEmpty(), "only matches");
                    assertTrue(some.cardinality() >= Math.min(10, expected.cardinality()), "enough");
                }
            }
            long pending = pending(database);
            assertTrue(pending < 2_000, "merge steps and imports keep the pending changes few: " + pending);
        }
    }
}
