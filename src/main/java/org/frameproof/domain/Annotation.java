package org.frameproof.domain;

import java.time.Instant;
import java.util.List;

/**
 * One finding on exact frames of one piece of footage. It carries the footage's SHA-256 so the
 * note proves which file it speaks of; observation (what is seen) and interpretation (what it
 * means) are kept apart.
 *
 * @param id a UUID, stable across exports and imports
 * @param region null when nothing is drawn
 * @param imported where the annotation was imported from, or null when it was made in this store;
 *     for an imported one, author, role and times are what the file claims
 * @param status where the finding stands in review (draft, submitted, confirmed, rejected, sealed)
 */
public record Annotation(String id, long footageId, String footageSha256, FrameSpan span, String observation,
                         String interpretation, Confidence confidence, List<String> tags, Region region,
                         Finding finding, String author, Role role, Instant createdAt, Instant modifiedAt,
                         Imported imported, ReviewStatus status) {
    public Annotation {
        tags = List.copyOf(tags);
        if (status == null) {
            throw new IllegalArgumentException("An annotation needs a review status");
        }
    }

    /** A draft annotation made in this store. */
    public Annotation(String id, long footageId, String footageSha256, FrameSpan span, String observation,
                      String interpretation, Confidence confidence, List<String> tags, Region region,
                      Finding finding, String author, Role role, Instant createdAt, Instant modifiedAt) {
        this(id, footageId, footageSha256, span, observation, interpretation, confidence, tags, region, finding,
                author, role, createdAt, modifiedAt, null, ReviewStatus.DRAFT);
    }

    public AnnotationKind kind() {
        return finding.kind();
    }

    /** The same annotation in another review status, changed at {@code at}. */
    public Annotation withStatus(ReviewStatus newStatus, Instant at) {
        return new Annotation(id, footageId, footageSha256, span, observation, interpretation, confidence, tags, region,
                finding, author, role, createdAt, at, imported, newStatus);
    }

    /** The confirmation or rejection this store holds, or null. */
    public Review review() {
        return status.review();
    }

    /**
     * Who answers for the finding here: its author, or for an imported one the reviewer who
     * imported it (the file's author is only a claim).
     */
    public String answerableReviewer() {
        return imported == null ? author : imported.importer();
    }

    /**
     * The mark of an annotation read from a file: who imported it here, from which file (its name
     * and the SHA-256 of the bytes read) and when. A medical review the file carried is kept only
     * as {@code claimedReview}: it never counts as a review in this store, where the injury stays
     * unreviewed until a reviewer of this store confirms or rejects it.
     *
     * @param claimedReview the review the file claims, or null
     */
    public record Imported(String importer, String fileName, String fileSha256, Instant importedAt,
                           Review claimedReview) {
        /** "Imported from FILE (sha256 abcd1234…) by NAME at TIME; author, role and review are the file's claims". */
        public String describe() {
            return "Imported from " + fileName + " (sha256 " + fileSha256.substring(0, Math.min(16, fileSha256.length()))
                    + "…) by " + importer + " at " + importedAt + "; author, role and review are the file's claims";
        }

        /** The claimed review as a claim, e.g. "Claimed in import: confirmed by Dr X at T — not confirmed in this store"; null without one. */
        public String describeClaimedReview() {
            if (claimedReview == null) {
                return null;
            }
            String verdict = claimedReview.verdict().label();
            return "Claimed in import: " + verdict + " by " + claimedReview.reviewer() + " at "
                    + claimedReview.reviewedAt() + (claimedReview.comment() == null ? "" : " (" + claimedReview.comment() + ")")
                    + " — not " + verdict + " in this store";
        }
    }
}
