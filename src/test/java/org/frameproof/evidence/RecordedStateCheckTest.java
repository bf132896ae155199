package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.VerificationBasis;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify names every live row that differs from what its last audit entry recorded: edits made with SQL do not pass. */
@NativeTier
class RecordedStateCheckTest {
    @TempDir Path dataFolder;
    private EvidenceStore store;
    private Footage clip;
    private Annotation injury;

    @BeforeEach
    void storeWithFootageAndAnnotations() throws Exception {
        store = TestStores.create(dataFolder);
        Case investigation = store.cases().createCase("Checkpoint 4", "");
        clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
        AnnotationService annotations = store.annotations();
        injury = annotations.create(clip.id(), 10, 10, content("wound on the left temple",
                new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot")));
        injury = annotations.edit(injury.id(), content("wound on the left temple, 2 cm", injury.finding()));
        Annotation note = annotations.create(clip.id(), 20, 30, content("man speaks", new Finding.Note("speech")));
        annotations.delete(note.id());
        annotations.history().undo();
        Annotation gone = annotations.create(clip.id(), 40, 40, content("to be deleted", new Finding.Note("event")));
        annotations.delete(gone.id());
        store.footage().verify(clip.id(), new VerificationBasis("the uploader", "first post", "the water tower"), "");
        store.footage().updateProvenance(clip.id(), new Provenance("https://example.org/v", "Telegram", "poster", null, null,
                true, false));
        store.footage().verify(clip.id(), Progress.NONE);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private static AnnotationContent content(String observation, Finding finding) {
        return new AnnotationContent(observation, null, Confidence.HIGH, List.of("t1"), null, finding);
    }

    private void sql(String statement) throws Exception {
        try (Statement sql = store.database().connection().createStatement()) {
            sql.execute(statement); // through the store's own connection, as an insider with the passphrase could
        }
    }

    private List<String> problems() throws Exception {
        return store.verify(null, Progress.NONE).problems();
    }

    @Test
    void rowsSavedByFrameproofMatchTheirLastEntries() throws Exception {
        VerificationReport report = store.verify(null, Progress.NONE);
        assertTrue(report.ok(), report.problems().toString());
    }

    @Test
    void anAnnotationEditedWithSqlIsNamed() throws Exception {
        sql("UPDATE annotation SET observation = 'no wound visible' WHERE id = '" + injury.id() + "'");
        List<String> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("annotation " + injury.id() + " differs from its last audit entry ("), problems.get(0));
        assertTrue(problems.get(0).contains(") in observation: it was changed outside Frameproof"), problems.get(0));
    }

    @Test
    void aDeletedAnnotationBroughtBackWithSqlIsNamed() throws Exception {
        sql("UPDATE annotation SET deleted_at = NULL WHERE observation = 'to be deleted'");
        List<String> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("is live, but its last audit entry"), problems.get(0));
    }

    @Test
    void aFootageRowEditedWithSqlIsNamed() throws Exception {
        sql("UPDATE footage SET status = 'UNVERIFIED', source_url = NULL WHERE id = " + clip.id());
        List<String> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("footage " + clip.id() + " differs"), problems.get(0));
        assertTrue(problems.get(0).contains("in sourceUrl, status:"), problems.get(0));
    }

    @Test
    void aCustodyEventEditedWithSqlIsNamed() throws Exception {
        sql("UPDATE custody_event SET details = 'nothing to see' WHERE id = 1");
        List<String> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("custody event 1 differs from its last audit entry", problems.get(0).substring(0, 49));
        assertTrue(problems.get(0).contains("in details"), problems.get(0));
        assertFalse(store.verify(null, Progress.NONE).ok());
    }
}
