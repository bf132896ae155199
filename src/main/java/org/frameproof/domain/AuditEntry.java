package org.frameproof.domain;

import java.time.Instant;

/**
 * One link of the audit log's hash chain: who did what to which record, the record before and
 * after (JSON, null when there was none), the previous link's hash, this link's own hash and its
 * seal (entryMac: an HMAC of entryHash under the store's audit key; null on entries written
 * before entries were authenticated, until they are).
 */
public record AuditEntry(long sequence, Instant occurredAt, String actor, Role role, String action,
                         String entityType, String entityId, String beforeJson, String afterJson,
                         String previousHash, String entryHash, String entryMac) {
}
