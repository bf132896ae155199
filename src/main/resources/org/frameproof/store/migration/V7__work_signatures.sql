-- The signature of each piece of signed work (docs/decisions/0011-signed-work.md), one per audit
-- entry that records it: the signer's fingerprint (hex SHA-256 of their identity) and the Ed25519
-- signature (Base64) of the canonical bytes exchange/SignedWork builds from that entry. Work
-- recorded before signatures has no row here.
CREATE TABLE work_signature (
    audit_sequence BIGINT   PRIMARY KEY REFERENCES audit_log (sequence),
    signer         CHAR(64) NOT NULL,
    signature      VARCHAR(100) NOT NULL
);
