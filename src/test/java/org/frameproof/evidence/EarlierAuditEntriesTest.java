package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Case;
import org.frameproof.domain.ChainHead;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Role;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores written before the audit log had its own encoding hold the export's JSON of each record
 * (keys sorted, no version). Those entries keep verifying as stored, and the recorded-state check
 * still reads them; entries in the new encoding are as tamper-evident as the old.
 */
@NativeTier
class EarlierAuditEntriesTest {
    @TempDir Path dataFolder;
    private EvidenceStore store;
    private Footage clip;
    private Annotation note;

    @BeforeEach
    void storeWithAnAnnotation() throws Exception {
        store = TestStores.create(dataFolder);
        Case investigation = store.cases().createCase("Checkpoint 4", "");
        clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
        note = store.annotations().create(clip.id(), 20, 30, new AnnotationContent("man speaks", null, Confidence.HIGH,
                List.of("t1"), null, new Finding.Note("speech")));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    /** The note as an entry before this version held it: the export's field names, sorted, written by the old path. */
    private static String earlierEncoding(Annotation note) {
        return "{\"author\":\"" + note.author() + "\",\"category\":\"speech\",\"confidence\":\"high\",\"createdAt\":\""
                + note.createdAt() + "\",\"endFrame\":30,\"endPtsMs\":" + note.span().endPtsMs() + ",\"footageId\":"
                + note.footageId() + ",\"footageSha256\":\"" + note.footageSha256() + "\",\"id\":\"" + note.id()
                + "\",\"interpretation\":null,\"kind\":\"note\",\"modifiedAt\":null,\"observation\":\"man speaks\","
                + "\"region\":null,\"role\":\"researcher\",\"startFrame\":20,\"startPtsMs\":" + note.span().startPtsMs()
                + ",\"tags\":[\"t1\"]}";
    }

    /** A row of the earlier version's time, as migration V8 left it: unreviewed, so submitted. */
    private void asMigrationV8LeftIt(Annotation annotation) throws Exception {
        sql("UPDATE annotation SET review_state = 'SUBMITTED' WHERE id = '" + annotation.id() + "'");
    }

    private AuditEntry lastEntry() throws Exception {
        List<AuditEntry> entries = TestStores.auditEntries(store);
        return entries.get(entries.size() - 1);
    }

    private void sql(String statement) throws Exception {
        try (Statement sql = store.database().connection().createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS audit_log_append_only"); // as someone with the key and a SQL console would
            sql.execute(statement);
        }
    }

    @Test
    void anEntryWrittenBeforeTheAuditEncodingHashesAsItAlwaysHas() {
        AuditEntry earlier = new AuditEntry(3, Instant.parse("2024-05-01T12:00:00.123456Z"), "Ana Test-Reviewer",
                Role.RESEARCHER, "case.create", "case", "1", null, "{\"createdAt\":\"2024-05-01T12:00:00.123456Z\","
                + "\"createdBy\":\"Ana Test-Reviewer\",\"description\":\"\",\"id\":1,\"title\":\"Checkpoint 4\"}",
                AuditLog.GENESIS, null, null);
        assertEquals("d87006868dc3f66e71bf65bdded069a1db756388e787c2a80dff09ed672ffd5a", AuditLog.hash(earlier));
    }

    @Test
    void earlierEntriesVerifyAsStoredAndTheirRecordsStillCompare() throws Exception {
        String earlier = earlierEncoding(note);
        sql("DELETE FROM work_signature"); // a store from before signatures, as its earlier entries are
        store.database().transaction(() -> store.audit().append("annotation.edit", "annotation", note.id(), null, earlier));
        asMigrationV8LeftIt(note);
        assertEquals(earlier, lastEntry().afterJson());
        assertTrue(store.audit().verify().intact(), store.audit().verify().describe());
        VerificationReport report = store.verify(null, Progress.NONE);
        assertTrue(report.ok(), report.problems().toString());

        ChainHead written = store.audit().head();
        Annotation edited = store.annotations().edit(note.id(), new AnnotationContent("man speaks twice", null,
                Confidence.HIGH, List.of("t1"), null, note.finding()));
        assertTrue(lastEntry().afterJson().startsWith("{\"v\":2,"), lastEntry().afterJson());
        store.close();
        store = TestStores.unlock(dataFolder);
        AuditVerification verification = store.audit().verify();
        assertTrue(verification.intact(), verification.describe());
        assertTrue(store.audit().contains(written));
        assertEquals("man speaks twice", store.annotations().list(AnnotationQuery.footage(edited.footageId())).get(0).observation());
    }

    @Test
    void aRowEditedAfterAnEarlierEntryIsNamed() throws Exception {
        String earlier = earlierEncoding(note);
        sql("DELETE FROM work_signature"); // a store from before signatures, as its earlier entries are
        store.database().transaction(() -> store.audit().append("annotation.edit", "annotation", note.id(), null, earlier));
        asMigrationV8LeftIt(note);
        sql("UPDATE annotation SET observation = 'nobody speaks' WHERE id = '" + note.id() + "'");
        List<String> problems = store.verify(null, Progress.NONE).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(") in observation: it was changed outside Frameproof"), problems.get(0));
    }

    @Test
    void footageRecordedWithFactsOfAnEarlierShapeStillCompares() throws Exception {
        ObjectNode earlier = AuditedRecords.of(clip).fields();
        String facts = earlier.get("mediaFacts").textValue();
        earlier.put("mediaFacts", facts.replace(",\"truncated\":false", ""));
        assertNotEquals(facts, earlier.get("mediaFacts").textValue());
        sql("DELETE FROM work_signature"); // a store from before signatures, as its earlier entries are
        store.database().transaction(() -> store.audit().append("footage.status", "footage", Long.toString(clip.id()), null,
                earlier.toString()));
        VerificationReport report = store.verify(null, Progress.NONE);
        assertTrue(report.ok(), report.problems().toString());

        sql("UPDATE footage SET media_facts = REPLACE(media_facts, '\"codec\":\"', '\"codec\":\"x') WHERE id = " + clip.id());
        List<String> problems = store.verify(null, Progress.NONE).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(") in mediaFacts: it was changed outside Frameproof"), problems.get(0));
    }

    @Test
    void aTamperedEntryInTheNewEncodingIsNamed() throws Exception {
        AuditEntry created = lastEntry();
        assertTrue(created.afterJson().startsWith("{\"v\":2,"), created.afterJson());
        sql("UPDATE audit_log SET after_json = REPLACE(after_json, 'man speaks', 'man shouts') WHERE sequence = "
                + created.sequence());
        AuditVerification verification = store.audit().verify();
        assertFalse(verification.intact());
        assertEquals(created.sequence(), verification.firstBrokenSequence());
        assertTrue(verification.describe().contains("entry " + created.sequence() + " was altered"), verification.describe());
    }
}
