package org.frameproof.ui.cases;

import org.frameproof.domain.Footage;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Timecode;

/** One footage item as the case tree shows it. */
public record FootageRow(Footage footage, String durationText) {
    static FootageRow of(Footage footage) {
        return new FootageRow(footage, duration(footage.mediaFacts()));
    }

    /** Failed verification outranks the review status: the file itself can no longer be trusted. */
    public boolean failed() {
        return footage.integrity() == Integrity.FAILED;
    }

    /** The footage's authenticity and its copy's integrity on lines of their own, named apart so that neither reads as the other. */
    public String statusText() {
        return failed() ? Integrity.FAILED.shown() : footage.status().shown() + "\n" + Integrity.INTACT.shown();
    }

    /** {@code HH:MM:SS.mmm} from the probe facts recorded at import, or "duration unknown". */
    private static String duration(MediaFacts facts) {
        return facts == null ? "duration unknown" : Timecode.format(Math.round(facts.durationMs() * 1000));
    }
}
