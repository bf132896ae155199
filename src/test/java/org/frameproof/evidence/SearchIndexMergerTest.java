package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.SearchIndex;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class SearchIndexMergerTest {
    @TempDir Path dataFolder;
    private EvidenceStore store;

    /** A store with a few saves pending in its search index: too few for the store's own merger to start. */
    @BeforeEach
    void open() throws Exception {
        store = TestStores.create(dataFolder);
        Case investigation = store.cases().createCase("Checkpoint 4", "");
        Footage clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
        for (int frame = 0; frame < 5; frame++) {
            store.annotations().create(clip.id(), frame, frame, new AnnotationContent("armband soldier " + frame, null,
                    Confidence.LOW, List.of(), null, new Finding.Note(null)));
        }
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void aSaveAskingForAMergeHasThePendingChangesMergedOnceSavesPause() throws Exception {
        long pending = pendingSearchWords(store);
        assertTrue(pending > 0, "the saves left their words pending");
        SearchIndexMerger merger = new SearchIndexMerger(store.database(), new SearchIndex(store.database()),
                Duration.ofMillis(100));
        assertEquals(pending, pendingSearchWords(store), "too few pending: opening does not merge them");
        merger.saved(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pendingSearchWords(store) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        merger.close();
        assertEquals(0, pendingSearchWords(store));
        assertEquals(5, store.annotations().search("armband sold", 10).size(), "merged words are found");
    }

    @Test
    void noMergeRunsWhileSavesKeepComingAndClosingStopsTheWait() throws Exception {
        long pending = pendingSearchWords(store);
        SearchIndexMerger merger = new SearchIndexMerger(store.database(), new SearchIndex(store.database()),
                Duration.ofSeconds(5));
        merger.saved(true);
        for (int save = 0; save < 10; save++) {
            Thread.sleep(100);
            merger.saved(false);
        }
        assertEquals(pending, pendingSearchWords(store), "saves came more often than the quiet time");
        long closing = System.nanoTime();
        merger.close();
        assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(4), "close does not wait out the quiet time");
        assertEquals(pending, pendingSearchWords(store), "what was not merged stays pending");
        assertEquals(5, store.annotations().search("armband sold", 10).size(), "pending words are found too");
    }

    /** How many search word changes wait in the store's index to be merged. */
    static long pendingSearchWords(EvidenceStore store) throws Exception {
        return store.database().transaction(() -> {
            try (Statement sql = store.database().connection().createStatement();
                 ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM search_pending")) {
                count.next();
                return count.getLong(1);
            } catch (SQLException e) {
                throw new UserFacingException(e.getMessage());
            }
        });
    }
}
