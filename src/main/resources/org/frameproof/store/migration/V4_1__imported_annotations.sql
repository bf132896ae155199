-- Where an imported annotation came from: the reviewer who imported it, the file's name and the
-- SHA-256 of its bytes, and when. A medical review the file carried is kept only as a claim
-- (claimed_review_*); review_status stays that of this store. All NULL for annotations made here.
ALTER TABLE annotation ADD COLUMN imported_by VARCHAR(200);
ALTER TABLE annotation ADD COLUMN import_file_name VARCHAR(4000);
ALTER TABLE annotation ADD COLUMN import_file_sha256 CHAR(64);
ALTER TABLE annotation ADD COLUMN imported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE annotation ADD COLUMN claimed_review_status VARCHAR(12);
ALTER TABLE annotation ADD COLUMN claimed_review_expert VARCHAR(4000);
ALTER TABLE annotation ADD COLUMN claimed_reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE annotation ADD COLUMN claimed_review_comment VARCHAR(10000);
