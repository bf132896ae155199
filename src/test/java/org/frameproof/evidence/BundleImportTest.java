package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.store.KeyFile;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a bundle checks it whole before the store is touched, merges it once, keeps its work
 * verifying as its author signed it, and keeps apart what does not count here.
 */
@NativeTier
class BundleImportTest {
    private static final Reviewer EXPERT = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
    @TempDir Path work;
    private EvidenceStore researcher;
    private EvidenceStore expert;
    private Footage clip;
    private Annotation injury;

    @BeforeEach
    void twoStoresThatKnowEachOther() throws Exception {
        expert = TestStores.stores().create(work.resolve("expert"), TestStores.PASSPHRASE.toCharArray(), EXPERT);
        researcher = TestStores.create(work.resolve("researcher"));
        IdentityFile.write(expert.reviewers().own().identity(), work.resolve("expert.json"));
        IdentityFile.write(researcher.reviewers().own().identity(), work.resolve("researcher.json"));
        researcher.contacts().add(work.resolve("expert.json"), Role.MEDICAL_EXPERT);
        expert.contacts().add(work.resolve("researcher.json"), Role.RESEARCHER);
        // The expert's store numbers its own footage first, so numbers differ between the stores.
        AnnotatedStores.importClip(expert, expert.cases().createCase("Other", ""), Clip.VP9);
        Case investigation = researcher.cases().createCase("Checkpoint 4", "");
        clip = AnnotatedStores.importClip(researcher, investigation, Clip.MPEG2_TS_LATE_START);
        researcher.footage().updateProvenance(clip.id(), new Provenance("https://example.org/v", "Telegram", "poster", null,
                null, true, false));
        injury = researcher.annotations().create(clip.id(), 10, 12, new AnnotationContent("wound on the left temple", null,
                Confidence.HIGH, List.of("t1"), null,
                new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot")));
        injury = researcher.annotations().edit(injury.id(), content("wound on the left temple, 2 cm"));
        injury = researcher.annotations().submit(injury.id());
    }

    @AfterEach
    void close() throws Exception {
        researcher.close();
        expert.close();
    }

    private static AnnotationContent content(String observation) {
        return new AnnotationContent(observation, null, Confidence.HIGH, List.of("t1"), null,
                new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot"));
    }

    private static AnnotationContent tagged(String tag) {
        return new AnnotationContent("wound on the left temple, 2 cm", null, Confidence.HIGH, List.of(tag), null,
                new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot"));
    }

    private Path send(EvidenceStore from, String to, String name, boolean withFootage) throws UserFacingException {
        Path bundle = work.resolve(name);
        from.bundles().export(new BundleService.Scope("Checkpoint 4", null), List.of(to), withFootage, null, bundle, Progress.NONE);
        return bundle;
    }

    private static void assertVerifies(EvidenceStore store) throws UserFacingException {
        VerificationReport report = store.verify(null, Progress.NONE);
        assertTrue(report.ok(), String.join("\n", report.problems()));
        assertTrue(report.audit().describe().contains("0 unverified"), report.audit().describe());
    }

    @Test
    void aBundleMergesOnceWithItsFootageFindingsAndSignaturesAndTheStoreStillVerifies() throws Exception {
        Path bundle = send(researcher, "Dr. Mira Haddad", "case.fpb", true);
        BundleService.Imported imported = expert.bundles().importBundle(bundle, false, Progress.NONE);
        assertEquals(1, imported.newFootage());
        assertEquals(1, imported.newFindings());
        assertEquals(2, imported.changedFindings(), "its edit and its submission");
        Footage received = expert.footage().list(expert.cases().require("Checkpoint 4")).get(0);
        assertEquals(clip.sha256(), received.sha256());
        assertTrue(received.flaggedGraphic(), "the graphic flag travels: the footage stays veiled");
        assertEquals("Telegram", received.provenance().platform());
        assertTrue(expert.footage().custody(received.id()).stream().anyMatch(event -> event.kind().equals("received")));
        Annotation arrived = expert.annotations().require(injury.id());
        assertEquals("wound on the left temple, 2 cm", arrived.observation());
        assertEquals(received.id(), arrived.footageId());
        assertEquals(WorkSignatures.State.VALID, expert.signatures().ofLatest("annotation", injury.id()).orElseThrow().state(),
                "the researcher's signature holds in the expert's store");
        assertVerifies(expert);

        int entries = TestStores.auditEntries(expert).size();
        BundleService.Imported again = expert.bundles().importBundle(bundle, false, Progress.NONE);
        assertTrue(again.alreadyImported());
        assertEquals(entries, TestStores.auditEntries(expert).size(), "a bundle imported twice changes nothing");
    }

    @Test
    void aDryRunSaysWhatItWouldBringAndChangesNothing() throws Exception {
        Path bundle = send(researcher, "Dr. Mira Haddad", "case.fpb", true);
        int entries = TestStores.auditEntries(expert).size();
        BundleService.Imported preview = expert.bundles().importBundle(bundle, true, Progress.NONE);
        assertEquals(1, preview.newFootage());
        assertEquals(1, preview.newFindings());
        assertEquals(entries, TestStores.auditEntries(expert).size());
        assertTrue(expert.annotations().find(injury.id()).isEmpty());
        assertFalse(Files.exists(expert.vault().encryptedFile(clip.sha256())), "no footage was kept");
        assertFalse(expert.bundles().importBundle(bundle, false, Progress.NONE).alreadyImported());
    }

    @Test
    void overlappingBundlesAddNothingTwiceAndFootageHeldIsNotCopiedAgain() throws Exception {
        expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "first.fpb", true), false, Progress.NONE);
        researcher.annotations().edit(injury.id(), content("wound on the left temple, 2 cm, round"));
        BundleService.Imported second = expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "second.fpb", true),
                false, Progress.NONE);
        assertEquals(0, second.newFootage());
        assertEquals(0, second.newFindings());
        assertEquals(1, second.changedFindings());
        assertEquals(5, second.known(), "the footage import, its provenance, the creation, the first edit and the"
                + " submission were here");
        assertEquals("wound on the left temple, 2 cm, round", expert.annotations().require(injury.id()).observation());
        assertVerifies(expert);
    }

    @Test
    void theExpertsConfirmationComesBackSignedByTheExpertAndCounts() throws Exception {
        expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "case.fpb", true), false, Progress.NONE);
        expert.annotations().review(injury.id(), Review.Verdict.CONFIRMED, "consistent");
        BundleService.Imported back = researcher.bundles().importBundle(send(expert, "Ana Test-Reviewer", "back.fpb", false),
                false, Progress.NONE);
        assertEquals(1, back.reviews());
        Annotation reviewed = researcher.annotations().require(injury.id());
        assertEquals(Review.Verdict.CONFIRMED, reviewed.review().verdict());
        assertEquals(ReviewState.CONFIRMED, reviewed.status().state());
        WorkSignatures.Status signed = researcher.signatures().ofLatest("annotation", injury.id()).orElseThrow();
        assertEquals(WorkSignatures.State.VALID, signed.state());
        assertEquals(EXPERT.name(), signed.signerName().orElseThrow());
        assertVerifies(researcher);
    }

    @Test
    void aConfirmationByAContactNotAcceptedAsMedicalExpertIsKeptButNotCounted() throws Exception {
        expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "case.fpb", true), false, Progress.NONE);
        expert.annotations().review(injury.id(), Review.Verdict.CONFIRMED, "consistent");
        try (EvidenceStore other = TestStores.stores().create(work.resolve("other"), TestStores.PASSPHRASE.toCharArray(),
                new Reviewer("Sami Field", Role.RESEARCHER))) {
            // This store knows the expert only as a researcher.
            other.contacts().add(work.resolve("expert.json"), Role.RESEARCHER);
            other.contacts().add(work.resolve("researcher.json"), Role.RESEARCHER);
            IdentityFile.write(other.reviewers().own().identity(), work.resolve("other.json"));
            expert.contacts().add(work.resolve("other.json"), Role.RESEARCHER);
            BundleService.Imported imported = other.bundles().importBundle(send(expert, "Sami Field", "to-other.fpb", true),
                    false, Progress.NONE);
            assertEquals(1, imported.notAccepted(), String.join("\n", imported.changes()));
            assertEquals(0, imported.conflicts());
            assertEquals(0, imported.reviews());
            Annotation kept = other.annotations().require(injury.id());
            assertNull(kept.review(), "the confirmation is kept apart and does not count here");
            assertEquals(ReviewState.SUBMITTED, kept.status().state());
            assertVerifies(other);
        }
    }

    @Test
    void twoPeopleChangingTheSameFindingKeepBothRevisionsInConflict() throws Exception {
        expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "case.fpb", true), false, Progress.NONE);
        // Only the author words a finding; anyone may tag it, so tags are what two people change at once.
        researcher.annotations().edit(injury.id(), tagged("researcher's tag"));
        expert.annotations().edit(injury.id(), tagged("expert's tag"));
        BundleService.Imported back = researcher.bundles().importBundle(send(expert, "Ana Test-Reviewer", "back.fpb", false),
                false, Progress.NONE);
        assertEquals(1, back.conflicts(), String.join("\n", back.changes()));
        assertEquals(List.of("researcher's tag"), researcher.annotations().require(injury.id()).tags());
        assertVerifies(researcher);
        List<BundleService.ConflictRevision> open = researcher.bundles().conflicts(List.of(injury.id())).get(injury.id());
        assertEquals(1, open.size());
        assertEquals(EXPERT.name(), open.get(0).actor());
        assertThrows(UserFacingException.class, () -> researcher.bundles().resolve(injury.id(), "999"));

        researcher.bundles().resolve(injury.id(), Long.toString(open.get(0).revision()));
        assertEquals(List.of("expert's tag"), researcher.annotations().require(injury.id()).tags());
        assertTrue(researcher.bundles().conflicts(List.of(injury.id())).isEmpty());
        assertEquals("annotation.resolve", TestStores.auditEntries(researcher).get(TestStores.auditEntries(researcher).size() - 1)
                .action());
        assertVerifies(researcher);
        UserFacingException notInConflict = assertThrows(UserFacingException.class,
                () -> researcher.bundles().resolve(injury.id(), "here"));
        assertTrue(notInConflict.getMessage().contains("is not in conflict"), notInConflict.getMessage());
    }

    @Test
    void keepingThisStoresRevisionEndsTheConflictAndARepeatedBundleDoesNotReopenIt() throws Exception {
        expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "case.fpb", true), false, Progress.NONE);
        // Only the author words a finding; anyone may tag it, so tags are what two people change at once.
        researcher.annotations().edit(injury.id(), tagged("researcher's tag"));
        expert.annotations().edit(injury.id(), tagged("expert's tag"));
        researcher.bundles().importBundle(send(expert, "Ana Test-Reviewer", "back.fpb", false), false, Progress.NONE);
        researcher.bundles().resolve(injury.id(), "here");
        assertEquals(List.of("researcher's tag"), researcher.annotations().require(injury.id()).tags());
        BundleService.Imported again = researcher.bundles().importBundle(send(expert, "Ana Test-Reviewer", "again.fpb", false),
                false, Progress.NONE);
        assertEquals(0, again.conflicts());
        assertTrue(researcher.bundles().conflicts(List.of(injury.id())).isEmpty());
        assertVerifies(researcher);
    }

    @Test
    void aSealedFindingKeepsItsOwnRevisionUntilUnsealedAndSaysSo() throws Exception {
        expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "case.fpb", true), false, Progress.NONE);
        expert.annotations().review(injury.id(), Review.Verdict.CONFIRMED, "consistent");
        expert.annotations().seal(injury.id());
        researcher.annotations().edit(injury.id(), tagged("researcher's tag"));
        BundleService.Imported back = expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "again.fpb", false),
                false, Progress.NONE);
        assertEquals(1, back.conflicts(), String.join("\n", back.changes()));
        assertEquals(Set.of(injury.id()), expert.bundles().inConflict());
        BundleService.ConflictRevision open = expert.bundles().conflicts(List.of(injury.id())).get(injury.id()).get(0);
        assertEquals("Ana Test-Reviewer", open.signerName(), "the signer is a contact here");
        assertEquals(List.of("researcher's tag"), open.proposed().tags());
        int entries = TestStores.auditEntries(expert).size();

        UserFacingException sealed = assertThrows(UserFacingException.class,
                () -> expert.bundles().resolve(injury.id(), Long.toString(open.revision())));
        assertTrue(sealed.getMessage().contains("is sealed: unseal it"), sealed.getMessage());
        assertEquals(entries, TestStores.auditEntries(expert).size(), "refused: nothing recorded");
        assertEquals(Set.of(injury.id()), expert.bundles().inConflict(), "still in conflict");

        expert.bundles().resolve(injury.id(), "here");
        assertEquals(ReviewState.SEALED, expert.annotations().require(injury.id()).status().state());
        assertTrue(expert.bundles().inConflict().isEmpty());
        assertVerifies(expert);
    }

    @Test
    void aRevisionWhoseSignatureDoesNotMatchItsContentRefusesTheWholeBundle() throws Exception {
        expert.bundles().importBundle(send(researcher, "Dr. Mira Haddad", "case.fpb", true), false, Progress.NONE);
        expert.annotations().review(injury.id(), Review.Verdict.CONFIRMED, "consistent");
        Path back = send(expert, "Ana Test-Reviewer", "back.fpb", false);
        researcher.close();
        expert.close();
        // The expert, signing the manifest as author, claims a harsher wording of the researcher's creation.
        Path forged = work.resolve("forged.fpb");
        try (KeyFile.Unlocked reader = new KeyFile(work.resolve("researcher"), Clock.systemUTC())
                     .unlock(TestStores.REVIEWER.name(), TestStores.PASSPHRASE.toCharArray());
             KeyFile.Unlocked author = new KeyFile(work.resolve("expert"), Clock.systemUTC())
                     .unlock(EXPERT.name(), TestStores.PASSPHRASE.toCharArray())) {
            ForgedBundles.rewriteWork(back, forged, reader.reviewer().orElseThrow(), author.reviewer().orElseThrow(),
                    piece -> piece.action().equals("annotation.create") ? piece.after().replace("wound on the left temple",
                            "execution-style wound") : piece.after());
        }
        researcher = TestStores.unlock(work.resolve("researcher"));
        expert = TestStores.stores().unlock(work.resolve("expert"), TestStores.PASSPHRASE.toCharArray());
        int entries = TestStores.auditEntries(researcher).size();
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> researcher.bundles().importBundle(forged, false, Progress.NONE));
        assertTrue(refused.getMessage().contains("signature that does not match its content"), refused.getMessage());
        assertEquals(entries, TestStores.auditEntries(researcher).size(), "the store is untouched");
        assertEquals(1, researcher.bundles().importBundle(back, false, Progress.NONE).reviews(), "the genuine bundle still imports");
    }

    @Test
    void aBundleRefusedLeavesTheStoreUntouched() throws Exception {
        Path bundle = send(researcher, "Dr. Mira Haddad", "case.fpb", true);
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length / 2] ^= 0x10;
        Path flipped = Files.write(work.resolve("flipped.fpb"), bytes);
        int entries = TestStores.auditEntries(expert).size();
        assertThrows(UserFacingException.class, () -> expert.bundles().importBundle(flipped, false, Progress.NONE));
        assertEquals(entries, TestStores.auditEntries(expert).size());
        assertFalse(Files.exists(expert.vault().encryptedFile(clip.sha256())));
        try (var leftovers = Files.list(expert.vault().encryptedFile(clip.sha256()).getParent())) {
            assertTrue(leftovers.noneMatch(file -> file.getFileName().toString().startsWith(".incoming")), "nothing staged stays");
        }
    }
}
