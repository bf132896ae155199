package org.frameproof.domain;

import java.time.Instant;

/**
 * One imported video: the vault copy named by {@code sha256}, where it came from, and where its
 * review stands. {@code duplicateOf} names the first item with the same content, or is null.
 *
 * @param mediaFacts what the probe read from the file at import; null when the stored facts cannot
 *     be read (checks that need them are then skipped)
 * @param basis what the footage was verified on, or null when it never was
 */
public record Footage(long id, long caseId, String sha256, String md5, long sizeBytes,
                      String originalName, String originalPath, Reviewer importedBy, Instant importedAt,
                      String machine, String appVersion, MediaFacts mediaFacts, Provenance provenance,
                      FootageStatus status, String statusReason, Long duplicateOf,
                      Integrity integrity, Instant integrityCheckedAt, VerificationBasis basis) {

    /** Whether the reviewer flagged the footage as graphic violence: it is then never shown plainly. */
    public boolean flaggedGraphic() {
        return provenance != null && provenance.graphicViolence();
    }
}
