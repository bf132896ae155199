package org.frameproof.domain;

import java.time.Instant;

/** A step in a footage item's chain of custody: imported, verified, failed verification, exported. */
public record CustodyEvent(long id, long footageId, Instant occurredAt, Reviewer reviewer, String kind, String details) {
}
