package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.frameproof.media.LookAlikeJudgement.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The look-alike judgement on distances written by hand: no decoding. */
class LookAlikeJudgementTest {
    /** The first frame of the runs judged here: frame numbers are the video's, not the run's. */
    private static final int FIRST = 100;

    /** A run whose frame {@code FIRST + 4} is the picture, its neighbours near, the rest far. */
    private static final double[] CLEAR = {9, 8, 6, 2.5, 0.6, 2.5, 6, 8, 9};

    private static Verdict judge(double[] distances, int estimate, boolean framesBefore, boolean framesAfter) {
        return LookAlikeJudgement.judge(FIRST, distances, estimate, framesBefore, framesAfter);
    }

    @Test
    void aFrameFarNearerThanTheOthersIsThePictureAndStandsOut() {
        Verdict verdict = judge(CLEAR, FIRST + 6, true, true);

        assertEquals(FIRST + 4, verdict.frame());
        assertEquals(0.6, verdict.distance());
        assertTrue(verdict.standsOut());
    }

    @Test
    void framesThatLookAlikeGoToTheOneNearestTheEstimate() {
        // Frames 101-103 are within ALIKE of the nearest (101); 105 is just beyond it.
        double[] distances = {9, 0.5, 0.6, 0.74, 9, 0.76, 9};

        assertEquals(FIRST + 3, judge(distances, FIRST + 5, false, false).frame());
        assertEquals(FIRST + 1, judge(distances, FIRST, false, false).frame());
        assertEquals(FIRST + 2, judge(distances, FIRST + 2, false, false).frame());
    }

    @Test
    void lookAlikesAsFarFromTheEstimateOnEitherSideGoToTheEarlier() {
        double[] distances = {9, 9, 0.5, 9, 0.5, 9, 9};

        assertEquals(FIRST + 2, judge(distances, FIRST + 3, false, false).frame());
    }

    @Test
    void aStillSceneDoesNotStandOut() {
        double[] distances = {0, 0, 0, 0, 0, 0, 0, 0, 0};

        Verdict verdict = judge(distances, FIRST + 5, false, false);

        assertEquals(FIRST + 5, verdict.frame(), "every frame is the picture: the estimate's is taken");
        assertEquals(0, verdict.distance());
        assertFalse(verdict.standsOut());
        assertFalse(judge(new double[] {3, 3, 3, 3, 3}, FIRST + 2, false, false).standsOut(),
                "a picture equally unlike every frame");
    }

    @Test
    void aRivalNotBesideTheBestKeepsItFromStandingOut() {
        // Most frames are far, but frame 101, three from the best, is less than twice as far.
        double[] distances = {9, 1.1, 9, 2.5, 0.6, 2.5, 9, 9, 9};

        Verdict verdict = judge(distances, FIRST + 4, false, false);

        assertEquals(FIRST + 4, verdict.frame());
        assertFalse(verdict.standsOut());
        distances[1] = 1.3;
        assertTrue(judge(distances, FIRST + 4, false, false).standsOut(), "a rival over twice as far");
    }

    @Test
    void aNearFrameBesideTheBestIsNoRival() {
        // Slow footage: the next frame is almost the picture, but a frame beside the best is allowed to be.
        double[] distances = {9, 9, 9, 9, 0.6, 0.9, 9, 9, 9};

        Verdict verdict = judge(distances, FIRST + 4, false, false);

        assertEquals(FIRST + 4, verdict.frame());
        assertTrue(verdict.standsOut());
    }

    @Test
    void aBestBesideItsOnlyNearRivalsDoesNotStandOutWhenTheyAreMostOfTheOthers() {
        // Three frames: the two beside the best are all the others, and they are near.
        assertFalse(judge(new double[] {1.0, 0.5, 0.9}, FIRST + 1, false, false).standsOut());
        // Two frames: the one beside the best is the only other.
        assertFalse(judge(new double[] {0.5, 0.9}, FIRST, false, false).standsOut());
        assertTrue(judge(new double[] {3, 0.5, 0.9}, FIRST + 1, false, false).standsOut(),
                "most of the others are far");
    }

    /** A best at or beside the first frame judged (positions 0, 1) or the last (5, 6 of 7). */
    @ParameterizedTest
    @CsvSource({"0, true", "1, true", "5, false", "6, false"})
    void aBestAtOrBesideAnEdgeBeyondWhichFramesLieDoesNotStandOut(int position, boolean nearTheStart) {
        double[] distances = {9, 9, 9, 9, 9, 9, 9};
        distances[position] = 0.6;

        Verdict verdict = judge(distances, FIRST + 3, nearTheStart, !nearTheStart);

        assertEquals(FIRST + position, verdict.frame());
        assertFalse(verdict.standsOut(), "the picture may be a frame beyond the run");
        assertTrue(judge(distances, FIRST + 3, !nearTheStart, nearTheStart).standsOut(),
                "the video starts or ends at that edge of the run");
    }

    @Test
    void aSingleFrameDoesNotStandOut() {
        Verdict verdict = judge(new double[] {0.6}, FIRST, false, false);

        assertEquals(FIRST, verdict.frame());
        assertFalse(verdict.standsOut(), "nothing to stand out from");
    }

    @Test
    void noFramesCannotBeJudged() {
        assertThrows(IllegalArgumentException.class, () -> judge(new double[0], FIRST, false, false));
    }
}
