package org.frameproof.domain;

import java.time.Instant;

/**
 * One imported video: the vault copy named by {@code sha256}, where it came from, and where its
 * review stands. {@code duplicateOf} names the first item with the same content, or is null.
 */
public record Footage(long id, long caseId, String sha256, String md5, long sizeBytes,
                      String originalName, String originalPath, Reviewer importedBy, Instant importedAt,
                      String machine, String appVersion, String mediaFactsJson, Provenance provenance,
                      FootageStatus status, String statusReason, Long duplicateOf,
                      Integrity integrity, Instant integrityCheckedAt) {

    /** Whether the reviewer flagged the footage as graphic violence: it is then never shown plainly. */
    public boolean flaggedGraphic() {
        return provenance != null && provenance.graphicViolence();
    }
}
