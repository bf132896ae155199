package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Review;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VerificationBasis;
import org.frameproof.store.SignatureRepository;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every annotation revision and medical review is signed by its author with their own key, and
 * verification names the work whose signature does not hold (docs/decisions/0011-signed-work.md).
 */
@NativeTier
class SignedWorkTest {
    private static final Reviewer EXPERT = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
    private static final char[] EXPERT_PASSPHRASE = "mira's own passphrase".toCharArray();
    @TempDir Path dataFolder;
    private EvidenceStore store;
    private Footage clip;
    private Annotation injury;

    @BeforeEach
    void researcherAnnotatesAndAnExpertConfirms() throws Exception {
        store = TestStores.create(dataFolder);
        Case investigation = store.cases().createCase("Checkpoint 4", "");
        clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
        injury = store.annotations().create(clip.id(), 10, 10, content("wound on the left temple"));
        injury = store.annotations().edit(injury.id(), content("wound on the left temple, 2 cm"));
        injury = store.annotations().submit(injury.id());
        Annotation note = store.annotations().create(clip.id(), 20, 30, new AnnotationContent("man speaks", null,
                Confidence.HIGH, List.of(), null, new Finding.Note("speech")));
        store.annotations().delete(note.id());
        store.footage().verify(clip.id(), new VerificationBasis("the uploader", "first post", "the water tower"), "");
        store.footage().updateProvenance(clip.id(), new Provenance("https://example.org/v", "Telegram", "poster", null, null,
                true, false));
        TestStores.stores().addReviewer(store, TestStores.PASSPHRASE.toCharArray(), EXPERT, EXPERT_PASSPHRASE);
        store.close();
        store = expert();
        injury = store.annotations().review(injury.id(), Review.Verdict.CONFIRMED, "consistent");
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private EvidenceStore expert() throws UserFacingException {
        return TestStores.stores().unlock(dataFolder, EXPERT.name(), EXPERT_PASSPHRASE, false, Progress.NONE);
    }

    private static AnnotationContent content(String observation) {
        return new AnnotationContent(observation, null, Confidence.HIGH, List.of("t1"), null,
                new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot"));
    }

    private void sql(String statement) throws Exception {
        try (Statement sql = store.database().connection().createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS audit_log_append_only"); // as someone with the key and a SQL console would
            sql.execute(statement);
        }
    }

    private Map<Long, SignatureRepository.Row> signatures() throws Exception {
        return store.database().transaction(() -> new SignatureRepository(store.database()).all());
    }

    private AuditEntry lastAbout(String id) throws Exception {
        List<AuditEntry> about = TestStores.auditEntries(store).stream().filter(e -> id.equals(e.entityId())).toList();
        return about.get(about.size() - 1);
    }

    private String fingerprintOf(String name) throws Exception {
        return store.reviewers().list().stream().filter(r -> r.reviewer().isNamed(name)).findFirst().orElseThrow()
                .fingerprint().hex();
    }

    @Test
    void everyRevisionAndReviewIsSignedByItsAuthorAndVerifies() throws Exception {
        List<AuditEntry> work = TestStores.auditEntries(store).stream().filter(Signer::isWork).toList();
        assertEquals(9, work.size(), "import, create, edit, submit, create, delete, status, provenance, confirm");
        Map<Long, SignatureRepository.Row> signed = signatures();
        for (AuditEntry entry : work) {
            String author = entry.actor().equals(EXPERT.name()) ? EXPERT.name() : TestStores.REVIEWER.name();
            assertEquals(fingerprintOf(author), signed.get(entry.sequence()).signer(), entry.action());
        }
        assertEquals(work.size(), signed.size(), "nothing else is signed");

        WorkSignatures.Summary summary = store.signatures().checkAll();
        assertEquals(work.size(), summary.valid(), summary.describe());
        assertTrue(summary.problems().isEmpty(), summary.problems().toString());
        AuditVerification chain = store.audit().verify();
        assertTrue(chain.intact(), chain.describe());
        assertTrue(chain.describe().contains("Signatures: 9 hold"), chain.describe());
        assertTrue(store.verify(null, Progress.NONE).ok());

        WorkSignatures.Status confirmed = store.signatures().ofLatest("annotation", injury.id()).orElseThrow();
        assertEquals(WorkSignatures.State.VALID, confirmed.state());
        assertEquals(EXPERT.name(), confirmed.signerName().orElseThrow());
        assertEquals(fingerprintOf(EXPERT.name()), confirmed.signer().orElseThrow().hex());
        assertEquals(Boolean.TRUE, confirmed.valid());
    }

    @Test
    void aRevisionRewrittenWithTheStoreKeyAndAResealedChainFailsItsSignature() throws Exception {
        AuditEntry review = lastAbout(injury.id());
        SignatureRepository.Row signature = signatures().get(review.sequence());
        // An insider with the store key rewrites the last entry and reseals the chain; they cannot re-sign it.
        sql("DELETE FROM work_signature WHERE audit_sequence = " + review.sequence());
        sql("DELETE FROM audit_log WHERE sequence = " + review.sequence());
        store.database().transaction(() -> store.audit().append(review.action(), review.entityType(), review.entityId(),
                review.beforeJson(), review.afterJson().replace("consistent", "inconsistent")));
        store.database().transaction(() -> {
            new SignatureRepository(store.database()).insert(signature);
            return null;
        });

        AuditVerification verification = store.audit().verify();
        assertFalse(verification.intact());
        assertEquals(review.sequence(), verification.firstBrokenSequence());
        assertTrue(verification.describe().contains("entry " + review.sequence() + " (annotation.confirm of annotation "
                + injury.id() + " by " + EXPERT.name() + "): the signature does NOT hold"), verification.describe());
        List<String> problems = store.verify(null, Progress.NONE).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(injury.id()), problems.get(0));
        assertEquals(Boolean.FALSE, store.signatures().ofLatest("annotation", injury.id()).orElseThrow().valid());
    }

    @Test
    void aSignatureMovedToAnotherRevisionFails() throws Exception {
        List<AuditEntry> annotationWork = TestStores.auditEntries(store).stream()
                .filter(e -> e.entityType().equals("annotation")).toList();
        AuditEntry created = annotationWork.get(0);
        AuditEntry edited = annotationWork.get(1);
        SignatureRepository.Row createdSignature = signatures().get(created.sequence());
        sql("UPDATE work_signature SET signature = '" + createdSignature.signature() + "' WHERE audit_sequence = "
                + edited.sequence());

        AuditVerification verification = store.audit().verify();
        assertFalse(verification.intact());
        assertEquals(edited.sequence(), verification.firstBrokenSequence());
        assertTrue(verification.problem().contains("entry " + edited.sequence() + " (annotation.edit"), verification.problem());
    }

    @Test
    void oneReviewerCannotSignAsAnother() throws Exception {
        // The expert's session holds the expert's key only: the researcher's slot does not open with their passphrase.
        assertThrows(UserFacingException.class, () -> TestStores.stores().unlock(dataFolder, TestStores.REVIEWER.name(),
                EXPERT_PASSPHRASE, false, Progress.NONE));
        store.annotations().clearReview(injury.id());
        AuditEntry expertEdit = lastAbout(injury.id());
        assertEquals(fingerprintOf(EXPERT.name()), signatures().get(expertEdit.sequence()).signer());

        // Claiming the expert's work for the researcher: relabel the signer, or the entry's actor.
        sql("UPDATE work_signature SET signer = '" + fingerprintOf(TestStores.REVIEWER.name()) + "' WHERE audit_sequence = "
                + expertEdit.sequence());
        assertEquals(WorkSignatures.State.INVALID, store.signatures().ofLatest("annotation", injury.id()).orElseThrow().state());
        sql("UPDATE work_signature SET signer = '" + fingerprintOf(EXPERT.name()) + "' WHERE audit_sequence = "
                + expertEdit.sequence());
        assertEquals(WorkSignatures.State.VALID, store.signatures().ofLatest("annotation", injury.id()).orElseThrow().state());
        sql("UPDATE audit_log SET actor = '" + TestStores.REVIEWER.name() + "' WHERE sequence = " + expertEdit.sequence());
        assertEquals(WorkSignatures.State.INVALID, store.signatures().ofLatest("annotation", injury.id()).orElseThrow().state(),
                "a reviewer's signature names the actor the entry must record");
        sql("UPDATE audit_log SET actor = '" + EXPERT.name() + "' WHERE sequence = " + expertEdit.sequence());
        assertTrue(store.audit().verify().intact(), store.audit().verify().describe());
        sql("UPDATE work_signature SET signer = 'NOT A FINGERPRINT' WHERE audit_sequence = " + expertEdit.sequence());
        AuditVerification verification = store.audit().verify();
        assertEquals(expertEdit.sequence(), verification.firstBrokenSequence(), verification.describe());
        assertTrue(verification.problem().endsWith("the signature does NOT hold"), verification.problem());
    }

    @Test
    void workFromBeforeSignaturesStillVerifiesAndLaterWorkMustBeSigned() throws Exception {
        sql("DELETE FROM work_signature"); // a store whose work was all done before this version
        WorkSignatures.Summary before = store.signatures().checkAll();
        assertEquals(9, before.beforeSignatures(), before.describe());
        assertTrue(before.problems().isEmpty(), before.problems().toString());
        assertTrue(store.verify(null, Progress.NONE).ok());
        WorkSignatures.Status old = store.signatures().ofLatest("annotation", injury.id()).orElseThrow();
        assertEquals(WorkSignatures.State.BEFORE_SIGNATURES, old.state());
        assertNull(old.valid());

        Annotation withdrawn = store.annotations().clearReview(injury.id());
        assertEquals(WorkSignatures.State.VALID, store.signatures().ofLatest("annotation", withdrawn.id()).orElseThrow().state());
        Annotation later = store.annotations().create(clip.id(), 40, 40, content("second wound"));
        assertTrue(store.audit().verify().intact(), store.audit().verify().describe());

        // Once signatures began, work without one is a signature removed.
        sql("DELETE FROM work_signature WHERE audit_sequence = " + lastAbout(later.id()).sequence());
        AuditVerification stripped = store.audit().verify();
        assertFalse(stripped.intact());
        assertTrue(stripped.problem().contains(later.id() + " by " + EXPERT.name() + "): unsigned, though made after"
                + " signatures began"), stripped.problem());
    }
}
