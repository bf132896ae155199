-- Review states (docs/decisions/0012-review-states.md): every finding is draft, submitted,
-- confirmed, rejected or sealed. The review columns, once an injury's medical review, now hold
-- any finding's review: review_status its verdict (NULL while unreviewed), review_expert the
-- reviewer's name, reviewer_fingerprint their identity's hex SHA-256 (NULL for reviews made
-- before identities). Findings made before states were all open to review, so they become
-- submitted, or confirmed or rejected where reviewed.
ALTER TABLE annotation ADD COLUMN review_state VARCHAR(12);
ALTER TABLE annotation ADD COLUMN reviewer_fingerprint CHAR(64);
ALTER TABLE annotation ADD COLUMN unseal_reason VARCHAR(10000);
UPDATE annotation SET review_status = NULL WHERE review_status = 'UNREVIEWED';
UPDATE annotation SET review_state = COALESCE(review_status, 'SUBMITTED');
ALTER TABLE annotation ALTER COLUMN review_state SET NOT NULL;
CREATE INDEX annotation_by_state ON annotation (review_state);

-- Footage verified states its basis: how its source, date and place were established. NULL for
-- footage never verified, and for footage verified before a basis was asked for.
ALTER TABLE footage ADD COLUMN basis_source VARCHAR(4000);
ALTER TABLE footage ADD COLUMN basis_date VARCHAR(4000);
ALTER TABLE footage ADD COLUMN basis_place VARCHAR(4000);
