package org.frameproof.media.review;

import org.frameproof.media.PictureSignature;

/**
 * A frame wanted on screen: {@code frame} itself, or, when {@code playedPicture} is given, the
 * frame within {@code reach} of it that looks like that picture libVLC played.
 */
public record FrameRequest(ReviewedFile file, int frame, PictureSignature playedPicture, int reach) {
    /** Frame {@code frame} of {@code file} itself. */
    public static FrameRequest exact(ReviewedFile file, int frame) {
        return new FrameRequest(file, frame, null, 0);
    }
}
