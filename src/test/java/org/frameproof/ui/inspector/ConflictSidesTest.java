package org.frameproof.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Region;
import org.frameproof.domain.Role;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.WorkSignatures;
import org.frameproof.ui.inspector.RevisionDifferences.Difference;
import org.junit.jupiter.api.Test;

/** What the inspector sets side by side for a finding in conflict, and what it asks before keeping one; no scene. */
class ConflictSidesTest {
    private static final String ANA = "a".repeat(64);
    private static final String MIRA = "b".repeat(64);
    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private static Annotation injury(String observation, List<String> tags, String injuryType, Region region) {
        return new Annotation("f-1", 7, "c".repeat(64), new FrameSpan(10, 12, 400, 480), observation, null, Confidence.HIGH,
                tags, region, new Finding.Injury("left temple", injuryType, 1, null, null), "Ana Reviewer", Role.RESEARCHER,
                CREATED, Instant.parse("2026-03-02T11:30:05.123456Z"));
    }

    private static BundleService.ConflictRevision revision(long number, Annotation proposed, String signerName) {
        return new BundleService.ConflictRevision(number, proposed == null ? "annotation.delete" : "annotation.edit",
                "Dr. Mira Haddad", MIRA, Instant.parse("2026-03-02T12:00:00Z"),
                proposed == null ? null : proposed.observation(), signerName, proposed);
    }

    @Test
    void onlyTheFieldsThatDifferAreListedWithEachRevisionsText() {
        Annotation here = injury("wound on the left temple", List.of("t1", "here"), "gunshot wound (entry)", null);
        Annotation there = injury("wound on the left temple", List.of("t1", "there"), "laceration",
                new Region(Region.Shape.RECTANGLE, 10.4, 20, 30, 40));
        assertEquals(List.of(new Difference("Tags", "t1, here", "t1, there"), new Difference("Region", "none", "rectangle 10,20 30×40"),
                new Difference("Injury type", "gunshot wound (entry)", "laceration")), RevisionDifferences.between(here, there));
        assertEquals(List.of(), RevisionDifferences.between(here, here), "the same revision differs in nothing");
    }

    @Test
    void aRevisionThatDeletesTheFindingReadsAsDeleted() {
        Annotation here = injury("wound", List.of(), "burn", null);
        assertEquals(List.of(new Difference("Finding", "Injury · frames 10–12", RevisionDifferences.DELETED)),
                RevisionDifferences.between(here, null));
    }

    @Test
    void thisStoresRevisionComesFirstThenEachReceivedOneNamingItsAuthorSignerAndTime() {
        Annotation here = injury("wound", List.of("here"), "burn", null);
        Annotation there = injury("wound", List.of("there"), "burn", null);
        WorkSignatures.Status signed = new WorkSignatures.Status(WorkSignatures.State.VALID, Optional.of(new Fingerprint(ANA)),
                Optional.of("Ana Reviewer"));
        List<ConflictPanelViewModel.Side> sides = ConflictPanelViewModel.sides(here, Optional.of(signed),
                List.of(revision(41, there, "Dr. Mira Haddad"), revision(42, null, null)));

        assertEquals(3, sides.size());
        ConflictPanelViewModel.Side mine = sides.get(0);
        assertEquals("here", mine.keep());
        assertEquals("Keep this store's", mine.keepLabel());
        String shortAna = new Fingerprint(ANA).digits().substring(0, 11) + " …";
        assertEquals("By Ana Reviewer · signed by Ana Reviewer · fingerprint " + shortAna + " · 2026-03-02 11:30:05 UTC",
                mine.details());

        ConflictPanelViewModel.Side theirs = sides.get(1);
        assertEquals("41", theirs.keep());
        assertEquals("Keep Dr. Mira Haddad's", theirs.keepLabel());
        assertEquals("Revision 41, received from Dr. Mira Haddad", theirs.title());
        String shortMira = new Fingerprint(MIRA).digits().substring(0, 11) + " …";
        assertEquals("Changed by Dr. Mira Haddad · signed by Dr. Mira Haddad · fingerprint " + shortMira
                + " · 2026-03-02 12:00:00 UTC", theirs.details());
        assertEquals(List.of(new Difference("Tags", "here", "there")), theirs.differences());
        assertTrue(theirs.confirmation().contains("replaced by it, with Dr. Mira Haddad's signature"), theirs.confirmation());

        ConflictPanelViewModel.Side deleting = sides.get(2);
        assertTrue(deleting.details().startsWith("Deleted by Dr. Mira Haddad · signed by a key not known here"),
                deleting.details());
        assertTrue(deleting.confirmation().contains(", which deletes it?"), deleting.confirmation());
    }

    @Test
    void theNoticeNamesEachOtherAuthorOnce() {
        Annotation there = injury("wound", List.of(), "burn", null);
        assertTrue(ConflictPanelViewModel.notice(List.of(revision(1, there, null), revision(2, there, null)))
                .startsWith("⚠ In conflict: changed here and by Dr. Mira Haddad since your common revision."));
    }
}
