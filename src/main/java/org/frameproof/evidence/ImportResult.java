package org.frameproof.evidence;

import java.nio.file.Path;
import org.frameproof.domain.Footage;

/** What became of one file of an import: a new item, a duplicate of an earlier one, or refused with a reason. */
public record ImportResult(Path file, Outcome outcome, Footage footage, String reason) {
    public enum Outcome { IMPORTED, DUPLICATE, REFUSED }

    static ImportResult refused(Path file, String reason) {
        return new ImportResult(file, Outcome.REFUSED, null, reason);
    }
}
