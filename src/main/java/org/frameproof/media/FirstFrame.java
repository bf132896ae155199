package org.frameproof.media;

/**
 * A file's first frame decoded before its index exists, with what the reviewer reads beside it.
 *
 * @param picture frame 0 as displayed
 * @param ptsMillis its own timestamp in milliseconds, as {@code FrameIndex.ptsMillis(0)} will say once the index is built
 */
public record FirstFrame(DecodedFrame picture, double ptsMillis) {
}
