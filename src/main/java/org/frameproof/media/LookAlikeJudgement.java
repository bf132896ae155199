package org.frameproof.media;

import java.util.Arrays;

/**
 * Which of a run of consecutive frames a played picture is, judged only from how far each frame's
 * {@link PictureSignature} is from the picture's, and whether that is clear enough to trust.
 * {@link FrameDecoder#frameLike} decodes the frames and asks this; nothing here decodes.
 *
 * <p>The picture is the frame nearest it; frames that look equally like it (a still scene) go to
 * the one nearest the estimate. It {@link Verdict#standsOut() stands out} when it is less than
 * half as far from the picture as most of the other frames and as every frame not beside it, and
 * lies neither at nor beside an edge of the run beyond which more frames lie.
 */
final class LookAlikeJudgement {
    /**
     * Frames whose distances from a picture differ by at most this much (brightness, 0-255) look
     * equally like it: far less than the gap between a frame played scaled down and its neighbours,
     * while frames of a still scene lie at the same distance
     * (docs/decisions/0009-measurements-behind-tuned-constants.md).
     */
    static final double ALIKE = 0.25;

    private LookAlikeJudgement() {
    }

    /**
     * The judgement on the frames {@code first} to {@code first + distances.length - 1}, whose
     * distances from the picture are {@code distances} in that order.
     *
     * @param estimate the frame the picture is thought to be, by its time
     * @param framesBefore whether the video has frames before {@code first}
     * @param framesAfter whether the video has frames after the last frame judged
     * @throws IllegalArgumentException when no distance is given
     */
    static Verdict judge(int first, double[] distances, int estimate, boolean framesBefore, boolean framesAfter) {
        if (distances.length == 0) {
            throw new IllegalArgumentException("No frames to judge");
        }
        int best = nearestLookAlike(first, distances, estimate);
        double bestDistance = distances[best];
        double[] others = new double[distances.length - 1];
        double nearestRival = Double.MAX_VALUE;
        for (int i = 0, o = 0; i < distances.length; i++) {
            if (i != best) {
                others[o++] = distances[i];
            }
            if (Math.abs(i - best) > 1) {
                nearestRival = Math.min(nearestRival, distances[i]);
            }
        }
        Arrays.sort(others);
        // The picture may lie beyond the frames compared: then the nearest look-alike is a frame
        // that shares most of it, sits at the edge looking towards it, or has a rival as close.
        int last = distances.length - 1;
        boolean atOpenEdge = (best <= 1 && framesBefore) || (last - best <= 1 && framesAfter);
        boolean standsOut = others.length > 0 && bestDistance * 2 < others[others.length / 2]
                && bestDistance * 2 < nearestRival && !atOpenEdge;
        return new Verdict(first + best, bestDistance, standsOut);
    }

    /** Where in {@code distances} the frame nearest the picture is, or its look-alike nearest the estimate. */
    private static int nearestLookAlike(int first, double[] distances, int estimate) {
        double least = Double.MAX_VALUE;
        for (double distance : distances) {
            least = Math.min(least, distance);
        }
        int best = -1;
        for (int i = 0; i < distances.length; i++) {
            boolean alike = distances[i] <= least + ALIKE;
            if (alike && (best < 0 || Math.abs(first + i - estimate) < Math.abs(first + best - estimate))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The frame judged to be the picture, its distance from it, and whether it stands out.
     *
     * @param frame the frame's number in the video
     */
    record Verdict(int frame, double distance, boolean standsOut) {
    }
}
