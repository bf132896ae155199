package org.frameproof.ui.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.frameproof.evidence.BundleService;
import org.junit.jupiter.api.Test;

/** What File > Receive… says of a bundle: the sender's standing here, what it would change, and a replay. */
class ReceivedTextTest {
    private static BundleService.Contents contents(boolean authorKnown, int unverified) {
        return new BundleService.Contents("b-1", "ab12", "Sami Field", "12345 67890", authorKnown, "2026-12-03T10:00:00Z",
                "case Checkpoint 4", null, 1, 1, 3, unverified, List.of("Sami Field (contact, accepted as field staff) 12345 67890"));
    }

    @Test
    void aPreviewNamesTheSenderAsAContactAndListsWhatAMergeWouldChange() {
        String text = ReceivedText.preview(new BundleService.Imported(contents(true, 0), false, 1, 2, 0, 1, 0, 0, 0, 1,
                List.of("new footage clip.ts (SHA-256 67fe88534f4f…) (graphic: stays veiled)",
                        "CONFLICT: finding f-1 was changed here and there")));

        assertEquals("""
                From Sami Field, a contact of this store
                  fingerprint 12345 67890
                Written 2026-12-03T10:00:00Z, covers case Checkpoint 4
                1 footage item(s), 1 original(s) carried, 3 piece(s) of signed work
                  signed by Sami Field (contact, accepted as field staff) 12345 67890
                Every hash and signature in it holds.
                Merging it would bring:
                  1 new footage item(s), 2 new finding(s), 0 changed finding(s), 1 review(s)
                  0 already here, 0 kept as unverified, 0 not counted, 1 in conflict
                  · new footage clip.ts (SHA-256 67fe88534f4f…) (graphic: stays veiled)
                  · CONFLICT: finding f-1 was changed here and there
                Nothing is changed until you choose Merge.""", text);
    }

    @Test
    void aSenderWhoIsNoContactIsSaidToBeUnverifiedBeforeAnythingIsMerged() {
        String text = ReceivedText.preview(new BundleService.Imported(contents(false, 3), false, 0, 0, 0, 0, 0, 3, 0, 0,
                List.of()));

        assertTrue(text.startsWith("From Sami Field: NOT a contact of this store, so their work is kept apart as unverified"), text);
        assertTrue(text.contains("3 piece(s) of signed work (3 UNVERIFIED: signed by a key that is not a contact here)"), text);
    }

    @Test
    void aBundleImportedBeforeSaysSoAndOffersNoChange() {
        BundleService.Imported replay = new BundleService.Imported(contents(true, 0), true, 0, 0, 0, 0, 0, 0, 0, 0,
                List.of("Already imported on 2026-12-03T11:00:00Z by Ana; nothing changed."));

        String preview = ReceivedText.preview(replay);
        assertTrue(preview.endsWith("\nALREADY IMPORTED: Already imported on 2026-12-03T11:00:00Z by Ana; nothing changed."
                + "\nMerging it again would change nothing."), preview);
        assertFalse(preview.contains("Merging it would bring"), preview);
        assertEquals("Bundle b-1 was imported before: Already imported on 2026-12-03T11:00:00Z by Ana; nothing changed.",
                ReceivedText.merged(replay));
    }
}
