package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.Compaction;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compacting a real encrypted store that grew with every commit: smaller, and every row as it was. */
@NativeTier
class CompactionTest {
    @TempDir Path dataFolder;

    @Test
    void aGrownStoreShrinksAndKeepsEveryRowAndItsAuditChain() throws Exception {
        Footage clip;
        List<Annotation> before;
        List<String> phases = new ArrayList<>();
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            clip = AnnotatedStores.importClip(store, investigation, Clip.H264_BFRAMES_LONGGOP);
            AnnotationService annotations = store.annotations();
            for (int i = 0; i < 40; i++) {
                Annotation created = annotations.create(clip.id(), i, i, new AnnotationContent("Шуши " + i, null,
                        Confidence.HIGH, List.of("tag"), null, new Finding.Note("event")));
                for (int edit = 0; edit < 5; edit++) {
                    annotations.edit(created.id(), AnnotationContent.of(annotations.require(created.id()))
                            .withObservation("Şuşa, edit " + edit + " of " + i));
                }
            }
            before = annotations.list(AnnotationQuery.footage(clip.id()));
        }
        Path file = dataFolder.resolve("frameproof.mv.db");
        long grown = Files.size(file);

        Compaction.Result result = TestStores.stores().compact(dataFolder, TestStores.PASSPHRASE.toCharArray(), phases::add);

        assertEquals(grown, result.bytesBefore());
        assertTrue(result.bytesAfter() < grown / 2, grown + " bytes became " + result.bytesAfter());
        assertTrue(result.rows() > 240, "rows compared: " + result.rows());
        assertTrue(phases.contains("Comparing every table, row by row"), phases.toString());
        assertFalse(Files.exists(dataFolder.resolve("frameproof-compacting.mv.db")));
        assertFalse(Files.exists(dataFolder.resolve("frameproof-compacting.sql.zip")));
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            assertEquals(before, store.annotations().list(AnnotationQuery.footage(clip.id())));
            assertTrue(store.audit().verify().intact());
            assertEquals("store.compact", TestStores.auditEntries(store).get(TestStores.auditEntries(store).size() - 1).action());
            assertEquals(1, store.annotations().search("şuşa edit 4 of 39", 10).size(), "the search index came along");
            store.annotations().create(clip.id(), 50, 50, AnnotationContent.empty(org.frameproof.domain.AnnotationKind.NOTE));
        }
    }

    @Test
    void aWrongPassphraseOrAnOpenStoreChangesNothing() throws Exception {
        try (EvidenceStore store = TestStores.create(dataFolder)) {
            store.cases().createCase("Checkpoint 4", "");
            byte[] file = Files.readAllBytes(dataFolder.resolve("frameproof.mv.db"));
            UserFacingException open = assertThrows(UserFacingException.class,
                    () -> TestStores.stores().compact(dataFolder, TestStores.PASSPHRASE.toCharArray(), phase -> { }));
            assertTrue(open.getMessage().contains("already working on"), open.getMessage());
            assertEquals(file.length, Files.readAllBytes(dataFolder.resolve("frameproof.mv.db")).length);
        }
        assertThrows(UserFacingException.class, () -> TestStores.stores().compact(dataFolder, "wrong passphrase".toCharArray(), phase -> { }));
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            assertEquals(1, store.cases().listCases().size());
        }
    }

    @Test
    void leftoversOfACompactionCutShortAreRemovedOnOpen() throws Exception {
        TestStores.create(dataFolder).close();
        Files.writeString(dataFolder.resolve("frameproof-compacting.mv.db"), "half a file");
        Files.writeString(dataFolder.resolve("frameproof-compacting.sql.zip"), "half a script");
        TestStores.unlock(dataFolder).close();
        assertFalse(Files.exists(dataFolder.resolve("frameproof-compacting.mv.db")));
        assertFalse(Files.exists(dataFolder.resolve("frameproof-compacting.sql.zip")));
    }
}
