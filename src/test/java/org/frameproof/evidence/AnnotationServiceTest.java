package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.Vocabulary;
import org.frameproof.media.MediaProbe;
import org.frameproof.store.AuditRepository;
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
class AnnotationServiceTest {
    @TempDir Path dataFolder;
    private EvidenceStore store;
    private Case investigation;
    private Footage clip;
    private AnnotationService annotations;

    @BeforeEach
    void open() throws Exception {
        store = TestStores.create(dataFolder);
        investigation = store.cases().createCase("Checkpoint 4", "");
        clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
        annotations = store.annotations();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private static AnnotationContent content(String observation, Finding finding) {
        return new AnnotationContent(observation, "interpretation of " + observation, Confidence.MEDIUM,
                List.of("t1", "t2"), null, finding);
    }

    @Test
    void everyKindIsStoredAndReadBackAfterReopeningWithItsFramesTimestampsAndHash() throws Exception {
        FrameIndex index = MediaProbe.analyze(Clip.MPEG2_TS_LATE_START.path(), p -> { }, () -> false).index();
        Finding.Injury injury = new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot");
        Finding.Location location = new Finding.Location("Şuşa", 39.7586, 46.7489, "locality (±1 km)", "landmarks",
                List.of("Ghazanchetsots Cathedral", "ridge"));
        Finding.Uniform uniform = new Finding.Uniform("multicam", "shoulder patch: eagle", "white armband", "white", "helmet",
                "AK-pattern rifle", "BTR-82A, white stripe", "unit X", "patch matches published photos of unit X");
        Finding.Note note = new Finding.Note("speech");
        Annotation a = annotations.create(clip.id(), 10, 10, content("wound on the left temple", injury));
        Annotation b = annotations.create(clip.id(), 20, 40, content("church on the ridge", location)
                .withRegion(new Region(Region.Shape.ELLIPSE, 10, 20, 100, 50)));
        Annotation c = annotations.create(clip.id(), 5, 5, content("soldier with armband", uniform)
                .withRegion(new Region(Region.Shape.RECTANGLE, 0, 0, 64, 32)));
        Annotation d = annotations.create(clip.id(), 0, index.lastFrame(), content("man speaks", note));

        assertTrue(a.span().isPoint());
        assertEquals(index.ptsMillis(20), b.span().startPtsMs());
        assertEquals(index.ptsMillis(40), b.span().endPtsMs());
        assertTrue(b.span().startPtsMs() > 11_000, "frame timestamps are the stream's own (this one starts at 11.4 s)");
        assertEquals(clip.sha256(), a.footageSha256());
        assertEquals(TestStores.REVIEWER.name(), a.author());
        assertEquals(Role.RESEARCHER, a.role());
        store.close();
        store = TestStores.unlock(dataFolder);
        List<Annotation> listed = store.annotations().list(AnnotationQuery.footage(clip.id()));
        assertEquals(List.of(d, c, a, b), listed, "sorted by frame, exactly as created");
        assertEquals(List.of(b), store.annotations().list(AnnotationQuery.inCase(investigation.id())
                .withKinds(Set.of(AnnotationKind.LOCATION))));
    }

    @Test
    void coordinatesFromAnyEntryPointAreKeptToSevenDecimals() throws Exception {
        Annotation place = annotations.create(clip.id(), 1, 1, content("ridge", new Finding.Location(null,
                39.75861111111111, -46.749027777777776, null, null, List.of())));
        Finding.Location stored = (Finding.Location) annotations.require(place.id()).finding();
        assertEquals(39.7586111, stored.latitude());
        assertEquals(-46.7490278, stored.longitude());
    }

    @Test
    void framesOutsideTheFootageAndBadFieldsAreRefusedWithClearMessages() throws Exception {
        int last = annotations.frameIndex(clip.id()).lastFrame();
        Finding note = new Finding.Note(null);
        UserFacingException outside = assertThrows(UserFacingException.class,
                () -> annotations.create(clip.id(), 0, last + 1, content("x", note)));
        assertEquals("Footage " + clip.id() + " has frames 0 to " + last + "; frame " + (last + 1) + " is not one of them.",
                outside.getMessage());
        assertThrows(UserFacingException.class, () -> annotations.create(clip.id(), 9, 3, content("x", note)));
        assertThrows(UserFacingException.class, () -> annotations.create(clip.id(), 1, 1, content("x",
                new Finding.Location(null, 91.0, 10.0, null, null, List.of()))));
        assertThrows(UserFacingException.class, () -> annotations.create(clip.id(), 1, 1,
                content("x", note).withRegion(new Region(Region.Shape.RECTANGLE, 600, 300, 100, 100))));
        assertThrows(UserFacingException.class, () -> annotations.create(999, 1, 1, content("x", note)));
        UserFacingException bareLabel = assertThrows(UserFacingException.class, () -> annotations.create(clip.id(), 1, 1,
                content("x", new Finding.Uniform(null, null, null, null, null, null, null, "unit X", " "))));
        assertTrue(bareLabel.getMessage().contains("never recorded as a bare label"), bareLabel.getMessage());
        assertEquals(List.of(), annotations.list(AnnotationQuery.footage(clip.id())), "nothing refused was saved");
    }

    @Test
    void undoAndRedoRestoreTheExactPriorStateAndAreAudited() throws Exception {
        Annotation created = annotations.create(clip.id(), 3, 7, content("first words", new Finding.Note("event")));
        Annotation edited = annotations.edit(created.id(), AnnotationContent.of(created).withObservation("second words"));
        Annotation drawn = annotations.setRegion(created.id(), new Region(Region.Shape.RECTANGLE, 1, 2, 3, 4));
        Annotation moved = annotations.retime(created.id(), 4, 4);
        annotations.delete(created.id());
        UndoHistory history = annotations.history();
        assertEquals("deletion of note at frame 4", history.undoDescription().orElseThrow());

        history.undo();
        assertEquals(moved, annotations.require(created.id()));
        history.undo();
        assertEquals(drawn, annotations.require(created.id()));
        history.undo();
        assertEquals(edited, annotations.require(created.id()));
        history.undo();
        assertEquals(created, annotations.require(created.id()));
        history.undo();
        assertTrue(annotations.find(created.id()).isEmpty());
        assertFalse(history.canUndo());
        history.redo();
        history.redo();
        assertEquals(edited, annotations.require(created.id()));
        annotations.edit(created.id(), AnnotationContent.of(edited).withObservation("third"));
        assertFalse(history.canRedo(), "a new edit clears redo");

        List<String> actions = store.database().transaction(() -> {
            List<String> seen = new java.util.ArrayList<>();
            new AuditRepository(store.database()).forEachInOrder(entry -> {
                seen.add(entry.action());
                return true;
            });
            return seen;
        }).stream().filter(action -> action.startsWith("annotation.")).toList();
        assertEquals(List.of("annotation.create", "annotation.edit", "annotation.edit", "annotation.retime",
                "annotation.delete", "annotation.undo", "annotation.undo", "annotation.undo", "annotation.undo",
                "annotation.undo", "annotation.redo", "annotation.redo", "annotation.edit"), actions);
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void onlyAMedicalExpertConfirmsOrRejectsAndTheReviewCarriesNameFingerprintAndTime() throws Exception {
        Annotation injury = annotations.create(clip.id(), 12, 12, content("laceration on forearm",
                new Finding.Injury("left forearm", "laceration", 1, null, null)));
        annotations.submit(injury.id());
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> annotations.review(injury.id(), Review.Verdict.CONFIRMED, "ok"));
        assertEquals("Only a medical expert can confirm an injury; Ana Test-Reviewer works here as researcher.",
                refused.getMessage());
        Reviewer expertReviewer = new Reviewer("Dr. Նարե Հակոբյան", Role.MEDICAL_EXPERT);
        char[] expertPassphrase = "expert's own passphrase, long enough".toCharArray();
        TestStores.stores().addReviewer(store, TestStores.PASSPHRASE.toCharArray(), expertReviewer, expertPassphrase.clone());
        store.close();

        try (EvidenceStore expertStore = TestStores.stores().unlock(dataFolder, expertPassphrase.clone())) {
            AnnotationService expert = expertStore.annotations();
            Instant before = Instant.now();
            Annotation confirmed = expert.review(injury.id(), Review.Verdict.CONFIRMED, "consistent");
            Review review = confirmed.review();
            assertEquals("Dr. Նարե Հակոբյան", review.reviewer());
            assertEquals(expertStore.reviewers().own().fingerprint().hex(), review.reviewerFingerprint());
            assertEquals(Review.Verdict.CONFIRMED, review.verdict());
            assertFalse(review.reviewedAt().isBefore(before.minusSeconds(1)));
            assertEquals(List.of(confirmed), expert.list(AnnotationQuery.footage(clip.id())
                    .withStates(Set.of(ReviewState.CONFIRMED))));
            assertEquals(List.of(), expert.list(AnnotationQuery.footage(clip.id())
                    .withStates(Set.of(ReviewState.SUBMITTED))));
            expert.clearReview(injury.id());
            Annotation rejected = expert.review(injury.id(), Review.Verdict.REJECTED, "a shadow, not a wound");
            assertEquals(ReviewState.REJECTED, rejected.status().state());
        }
        store = TestStores.unlock(dataFolder);
    }

    @Test
    void neitherAFormNorAnImportCarriesAReviewIn() throws Exception {
        Review forged = Review.claimed(Review.Verdict.CONFIRMED, "Dr. X", Instant.parse("2024-01-01T00:00:00Z"), null);
        Annotation injury = annotations.create(clip.id(), 1, 1, content("burn", new Finding.Injury(null, "burn", 1, null, null)));
        assertEquals(ReviewStatus.DRAFT, injury.status(), "a form cannot carry a review in");
        Annotation imported = annotations.importInto(clip.id(), "forged.json", "ab".repeat(32), List.of(new Annotation(
                java.util.UUID.randomUUID().toString(), clip.id(), clip.sha256(), injury.span(), "burn", null, null,
                List.of(), null, new Finding.Injury(null, "burn", 1, null, null), "Dr. X", Role.MEDICAL_EXPERT,
                Instant.parse("2024-01-01T00:00:00Z"), null, null, ReviewStatus.reviewed(forged)))).added().get(0);
        assertEquals(ReviewStatus.DRAFT, imported.status(), "an imported confirmation is no confirmation here");
        assertEquals(forged, imported.imported().claimedReview());
        assertEquals(TestStores.REVIEWER.name(), imported.imported().importer());
        assertEquals(List.of(), annotations.list(AnnotationQuery.footage(clip.id())
                .withStates(Set.of(ReviewState.CONFIRMED))));
        Annotation edited = annotations.edit(imported.id(), AnnotationContent.of(imported).withObservation("changed"));
        assertEquals("changed", edited.observation(), "the researcher edits an imported injury as their own");
        assertEquals(imported.imported(), annotations.require(imported.id()).imported(), "the import mark stays");
        annotations.delete(imported.id());
    }

    @Test
    void textInAnyScriptIsStoredIntactAndSearchedCaseInsensitively() throws Exception {
        String armenian = "Զինվորը ԿՐԱԿՈՒՄ է Շուշիում";
        String cyrillic = "Солдат в БЕЛОЙ повязке";
        String azerbaijani = "İlham Əliyev küçəsi, Şuşa şəhəri";
        String arabic = "جندي يحمل سلاحاً";
        // Decomposed input (e + combining acute) is stored composed, so both spellings are one text.
        String decomposed = "Cafe\u0301 near the checkpoint";
        Annotation a = annotations.create(clip.id(), 1, 1, content(armenian, new Finding.Note(null)));
        Annotation b = annotations.create(clip.id(), 2, 2, content(cyrillic, new Finding.Note(null)));
        Annotation c = annotations.create(clip.id(), 3, 3, new AnnotationContent("street sign", null, null,
                List.of("Ağdam"), null, new Finding.Location(azerbaijani, null, null, null, null, List.of())));
        Annotation d = annotations.create(clip.id(), 4, 4, content(arabic, new Finding.Note(null)));
        Annotation e = annotations.create(clip.id(), 5, 5, content(decomposed, new Finding.Note(null)));
        assertEquals(armenian, annotations.require(a.id()).observation());
        assertEquals(cyrillic, annotations.require(b.id()).observation());
        assertEquals(azerbaijani, ((Finding.Location) annotations.require(c.id()).finding()).placeName());
        assertEquals(arabic, annotations.require(d.id()).observation());
        assertEquals("Café near the checkpoint", annotations.require(e.id()).observation());

        assertEquals(List.of(a.id()), ids(annotations.search("կրակում", 10)));
        assertEquals(List.of(a.id()), ids(annotations.search("ՇՈՒՇ", 10)));
        assertEquals(List.of(b.id()), ids(annotations.search("белой", 10)));
        assertEquals(List.of(b.id()), ids(annotations.search("ПОВЯЗ солд", 10)));
        assertEquals(List.of(c.id()), ids(annotations.search("ilham", 10)));
        assertEquals(List.of(c.id()), ids(annotations.search("ŞUŞA", 10)));
        assertEquals(List.of(c.id()), ids(annotations.search("ağdam", 10)), "tags are searched");
        assertEquals(List.of(d.id()), ids(annotations.search("سلاحا", 10)));
        assertEquals(List.of(e.id()), ids(annotations.search("cafe", 10)));
        assertEquals(List.of(), ids(annotations.search("повязка солдат нет", 10)), "every word must match");
        SearchHit hit = annotations.search("белой", 1).get(0);
        assertEquals("Checkpoint 4", hit.caseTitle());
        assertEquals(clip.originalName(), hit.footageName());
        annotations.delete(b.id());
        assertEquals(List.of(), ids(annotations.search("белой", 10)), "deleted annotations are not found");
        annotations.history().undo();
        assertEquals(List.of(b.id()), ids(annotations.search("белой", 10)));
    }

    @Test
    void severalWordsMeetAcrossBlocksOfTheIndexAndEditsMoveAnnotationsBetweenWords() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i % 10 == 0) {
                // Ten annotations in each of three blocks of the search index (16 384 numbers each).
                try (Statement sql = store.database().connection().createStatement()) {
                    sql.execute("ALTER TABLE annotation ALTER COLUMN seq RESTART WITH " + (1 + i / 10 * 20_000));
                }
            }
            String text = "soldier" + (i % 2 == 0 ? " armband" : "") + (i % 3 == 0 ? " checkpoint" : "") + " n" + i;
            all.add(annotations.create(clip.id(), i, i, content(text, new Finding.Note(null))).id());
        }
        List<String> everyThird = List.of(all.get(0), all.get(6), all.get(12), all.get(18), all.get(24));
        assertEquals(everyThird, ids(annotations.search("soldier armband checkpoint", 100)));
        assertEquals(everyThird.subList(0, 2), ids(annotations.search("sold arm check", 2)), "the first ones");
        assertEquals(List.of(all.get(10), all.get(12), all.get(14), all.get(16), all.get(18)),
                ids(annotations.search("armband n1", 100)));
        assertEquals(all.subList(0, 4), ids(annotations.search("soldier", 4)), "one word stops at the limit");
        assertEquals(30, annotations.search("sol", 100).size());

        Annotation twelve = annotations.require(all.get(12));
        annotations.edit(twelve.id(), content("soldier n12 without the band", new Finding.Note(null)));
        assertEquals(List.of(all.get(10), all.get(14), all.get(16), all.get(18)), ids(annotations.search("armband n1", 100)));
        assertEquals(List.of(twelve.id()), ids(annotations.search("band n12", 100)), "the new words are found");
        annotations.history().undo();
        assertEquals(List.of(), ids(annotations.search("band n12", 100)), "undo takes the new words out again");
        assertEquals(everyThird, ids(annotations.search("armband checkpoint", 100)));
    }

    @Test
    void pendingSearchWordsAreMergedOnceSavesPauseAndStayFindable() throws Exception {
        // 210 annotations of 100 words each: more pending changes than SearchIndex.MERGE_ABOVE.
        for (int i = 0; i < 210; i++) {
            StringBuilder text = new StringBuilder("batch").append(i % 7);
            for (int w = 0; w < 99; w++) {
                text.append(" w").append(i).append('x').append(w);
            }
            annotations.create(clip.id(), i % 50, i % 50, content(text.toString(), new Finding.Note(null)));
        }
        long pending = SearchIndexMergerTest.pendingSearchWords(store);
        assertTrue(pending > SearchIndex.MERGE_ABOVE, "pending before the pause: " + pending);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (SearchIndexMergerTest.pendingSearchWords(store) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, SearchIndexMergerTest.pendingSearchWords(store), "merged once saves paused");
        assertEquals(30, annotations.search("batch3", 100).size());
        assertEquals(1, annotations.search("w17x98 batch3", 100).size());
    }

    @Test
    void filtersByAuthorTagAndConfidence() throws Exception {
        Annotation tagged = annotations.create(clip.id(), 1, 1, new AnnotationContent("x", null, Confidence.HIGH,
                List.of("graphic", "Ağdam 2020"), null, new Finding.Note(null)));
        annotations.create(clip.id(), 2, 2, new AnnotationContent("y", null, Confidence.LOW, List.of("graphic-not"), null,
                new Finding.Note(null)));
        AnnotationQuery all = AnnotationQuery.inCase(investigation.id());
        assertEquals(List.of(tagged), annotations.list(all.withTag("Ağdam 2020")));
        assertEquals(List.of(tagged), annotations.list(all.withTag("graphic")));
        assertEquals(List.of(tagged), annotations.list(all.withConfidences(Set.of(Confidence.HIGH, Confidence.MEDIUM))));
        assertEquals(2, annotations.list(all.withAuthor(TestStores.REVIEWER.name())).size());
        assertEquals(0, annotations.list(all.withAuthor("someone else")).size());
    }

    @Test
    void aLimitListsTheFirstAnnotationsInTheListsOrderOfTheFootageOrTheCase() throws Exception {
        Footage other = AnnotatedStores.importClip(store, investigation, Clip.H264_BFRAMES_LONGGOP);
        AnnotationContent high = new AnnotationContent("x", null, Confidence.HIGH, List.of(), null, new Finding.Note(null));
        for (int frame : new int[] {9, 3, 7, 1}) {
            annotations.create(other.id(), frame, frame, high);
            annotations.create(clip.id(), frame, frame, high);
        }
        annotations.create(clip.id(), 5, 5, new AnnotationContent("y", null, Confidence.LOW, List.of(), null, new Finding.Note(null)));
        // Each query read with a smaller limit and then a larger one: H2 reuses the prepared query.
        for (AnnotationQuery query : List.of(AnnotationQuery.footage(clip.id()), AnnotationQuery.inCase(investigation.id()),
                AnnotationQuery.footage(clip.id()).withConfidences(Set.of(Confidence.HIGH, Confidence.MEDIUM)))) {
            List<Annotation> all = annotations.list(query);
            assertEquals(all.subList(0, 3), annotations.list(query.withLimit(3)), query.toString());
            assertEquals(all.subList(0, all.size() - 1), annotations.list(query.withLimit(all.size() - 1)), query.toString());
            assertEquals(all, annotations.list(query.withLimit(all.size() + 1)), query.toString());
        }
        assertEquals(List.of(1, 3, 5), annotations.list(AnnotationQuery.footage(clip.id()).withLimit(3)).stream()
                .map(annotation -> annotation.span().startFrame()).toList());
        assertThrows(IllegalArgumentException.class, () -> AnnotationQuery.footage(clip.id()).withLimit(0));
    }

    @Test
    void vocabulariesHaveDefaultsAndACaseCanExtendThem() throws Exception {
        VocabularyService vocabularies = store.vocabularies();
        List<String> injuryTypes = vocabularies.terms(Vocabulary.INJURY_TYPE, investigation);
        assertTrue(injuryTypes.containsAll(List.of("gunshot wound (entry)", "gunshot wound (exit)", "laceration",
                "blunt force", "burn", "ligature mark", "amputation", "other")));
        assertTrue(vocabularies.defaults(Vocabulary.BODY_REGION).containsAll(List.of("left temple", "upper back (right)")));
        assertEquals("шрапнель", vocabularies.addTerm(Vocabulary.INJURY_TYPE, investigation, " шрапнель "));
        assertEquals("шрапнель", vocabularies.addTerm(Vocabulary.INJURY_TYPE, investigation, "ШРАПНЕЛЬ"));
        List<String> extended = vocabularies.terms(Vocabulary.INJURY_TYPE, investigation);
        assertEquals(injuryTypes.size() + 1, extended.size());
        assertEquals("шрапнель", extended.get(extended.size() - 1));
        Case other = store.cases().createCase("Other", "");
        assertEquals(injuryTypes, vocabularies.terms(Vocabulary.INJURY_TYPE, other), "a case's terms stay in that case");
    }

    @Test
    void aRehearsedCreateSavesNothingAndUndoesNothing() throws Exception {
        Annotation kept = annotations.create(clip.id(), 3, 3, content("kept", new Finding.Note(null)));
        long entries = store.audit().verify().entriesChecked();
        annotations.rehearseCreate(clip.id());
        assertEquals(List.of(kept), annotations.list(AnnotationQuery.footage(clip.id())));
        assertEquals(entries, store.audit().verify().entriesChecked(), "no audit entry");
        annotations.history().undo();
        assertEquals(List.of(), annotations.list(AnnotationQuery.footage(clip.id())), "undo takes back the real create");
        assertThrows(UserFacingException.class, () -> annotations.rehearseCreate(9_999));
    }

    @Test
    void theAuditChainVerifiesAfterManyEdits() throws Exception {
        Annotation annotation = annotations.create(clip.id(), 0, 0, content("start", new Finding.Note(null)));
        for (int i = 0; i < 200; i++) {
            annotations.edit(annotation.id(), AnnotationContent.of(annotations.require(annotation.id())).withObservation("edit " + i));
            if (i % 7 == 0) {
                annotations.history().undo();
                annotations.history().redo();
            }
        }
        AuditVerification chain = store.audit().verify();
        assertTrue(chain.intact(), chain.describe());
        List<AuditEntry> last = store.database().transaction(() -> {
            List<AuditEntry> entries = new java.util.ArrayList<>();
            new AuditRepository(store.database()).forEachInOrder(entry -> {
                entries.add(entry);
                return true;
            });
            return entries;
        });
        assertTrue(last.get(last.size() - 1).afterJson().contains("\"observation\":\"edit 199\""));
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.annotation().id()).toList();
    }
}
