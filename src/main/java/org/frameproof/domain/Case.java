package org.frameproof.domain;

import java.time.Instant;

/** An investigation: a named collection of footage under review. */
public record Case(long id, String title, String description, String createdBy, Instant createdAt) {
}
