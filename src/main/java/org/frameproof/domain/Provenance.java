package org.frameproof.domain;

import java.time.Instant;

/**
 * Where a reviewer says a footage item came from, and how sensitive it is to watch. Every field but
 * the flags may be null when not (yet) known.
 */
public record Provenance(String sourceUrl, String platform, String poster, Instant firstSeenAt,
                         String firstSeenBasis, boolean graphicViolence, boolean identifiablePeople) {
    public static final Provenance UNKNOWN = new Provenance(null, null, null, null, null, false, false);
}
