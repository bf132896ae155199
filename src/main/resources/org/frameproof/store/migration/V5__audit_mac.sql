-- Authenticates the audit chain: entry_mac is HMAC-SHA256 of entry_hash under a key derived from
-- the store key, so a holder of the file without the passphrase cannot rewrite the chain with
-- plain SHA-256. Entries written before this migration get theirs once, after their chain is
-- verified (an "audit.authenticate" entry records it); the append-only trigger lets exactly that
-- one update through: a NULL entry_mac filled in, nothing else changed.
ALTER TABLE audit_log ADD COLUMN entry_mac CHAR(64);

-- verify looks up the last entry of each live row: by entity, newest first.
CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, sequence);
