package org.frameproof.evidence;

import java.util.List;
import java.util.Optional;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Region;
import org.frameproof.domain.UserFacingException;

/**
 * Annotations of footage: create, edit, retime, draw a region, delete, medical review, list,
 * search, import. The UI and the command line both come here.
 *
 * <p>Every change is an {@link AnnotationCommand} applied through this session's
 * {@link #history()}: saved durably in one transaction together with its audit entry before the
 * method returns (there is no Save button), and undoable. Frames are checked against the
 * footage's frame index, and each annotation stores its frames' own timestamps and the footage's
 * SHA-256. Text is kept exactly as typed, NFC-normalised, in any script.
 *
 * <p>Permissions: any reviewer records any kind; only a {@link org.frameproof.domain.Role#MEDICAL_EXPERT}
 * confirms or rejects an injury, and an injury that carries a medical review can be changed or
 * deleted only by a medical expert (so a confirmation never vouches for text it did not see).
 */
public final class AnnotationService {
    AnnotationService() {
    }

    /**
     * Creates an annotation on frames {@code startFrame..endFrame} (equal for a point) of a
     * footage item, by this store's reviewer.
     *
     * @throws UserFacingException when the footage does not exist or is withdrawn, a frame is
     *     outside the footage, or a field is invalid (the message says which)
     */
    public Annotation create(long footageId, int startFrame, int endFrame, AnnotationContent content)
            throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Replaces the form's fields (not the frames, the kind or the medical review).
     *
     * @throws UserFacingException when the kind would change, a field is invalid, or the
     *     annotation is a reviewed injury and the reviewer is not a medical expert
     */
    public Annotation edit(String id, AnnotationContent content) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** Moves the annotation to frames {@code startFrame..endFrame} (the timeline's edge drag). */
    public Annotation retime(String id, int startFrame, int endFrame) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** Sets the drawn region (in displayed-frame pixels), or clears it with null. */
    public Annotation setRegion(String id, Region region) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Deletes an annotation: it no longer lists, and its row and every earlier state stay in the
     * store and the audit log; undo brings it back.
     */
    public void delete(String id) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * A medical expert confirms or rejects an injury; the review carries their name and the UTC
     * time. Anyone else is refused with a clear message, and nothing changes.
     */
    public Annotation review(String id, Finding.MedicalReview.Verdict verdict, String comment)
            throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** A medical expert withdraws their review, so the injury is unreviewed again. */
    public Annotation clearReview(String id) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Adds annotations read from a file (Frameproof JSON, or ELAN notes) to a footage item, in one
     * command. Each must name the footage's SHA-256; frames are checked and their timestamps taken
     * from this footage's index. Ids, authors and times are kept; an id already in the store is
     * replaced by a new one.
     *
     * @return the annotations as stored
     */
    public List<Annotation> importInto(long footageId, List<Annotation> annotations) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** The annotation with this id, or a message saying there is none (deleted ones are none). */
    public Annotation require(String id) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** The annotation with this id, unless it does not exist or was deleted. */
    public Optional<Annotation> find(String id) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** The annotations the query selects, by footage then frame (start, end), then id. */
    public List<Annotation> list(AnnotationQuery query) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Full text across all cases over observation, interpretation, tags and place names:
     * case-insensitive in every script (Armenian, Cyrillic, Azerbaijani Latin, Arabic), each word
     * matching the start of a word; all words must match. Ordered by case, footage and frame.
     *
     * @param limit the most hits to return
     */
    public List<SearchHit> search(String text, int limit) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** The frame index of a footage item (cached), e.g. to turn an ELAN file's times into frames. */
    public FrameIndex frameIndex(long footageId) throws UserFacingException {
        throw new UnsupportedOperationException("in progress");
    }

    /** This session's undo and redo. */
    public UndoHistory history() {
        throw new UnsupportedOperationException("in progress");
    }
}
