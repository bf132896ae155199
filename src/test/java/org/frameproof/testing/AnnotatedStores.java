package org.frameproof.testing;

import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ImportResult;
import org.frameproof.evidence.Progress;

/** Test footage imported into a real store, ready to be annotated. */
public final class AnnotatedStores {
    private AnnotatedStores() {
    }

    /** Imports {@code clip} into {@code investigation} and returns the footage record. */
    public static Footage importClip(EvidenceStore store, Case investigation, TestFootage.Clip clip) throws UserFacingException {
        return importFile(store, investigation, clip.path());
    }

    public static Footage importFile(EvidenceStore store, Case investigation, Path file) throws UserFacingException {
        List<ImportResult> results = store.footage().importFiles(investigation, List.of(file), Provenance.UNKNOWN, Progress.NONE);
        ImportResult result = results.get(0);
        if (result.footage() == null) {
            throw new IllegalStateException("Test clip refused: " + result.reason());
        }
        return result.footage();
    }
}
