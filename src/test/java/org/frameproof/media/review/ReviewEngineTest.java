package org.frameproof.media.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.MediaSource;
import org.frameproof.media.PictureOutput;
import org.frameproof.media.PictureSignature;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.HandRunExecutor;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review engine without a screen or libVLC: real FFmpeg on real clips, the analysis and
 * decoding threads run by hand so each step is seen, a scripted playback that reports what the
 * test says, and pictures caught as they are shown. The frame pattern in each picture names the
 * frame it is, so "the number published is the frame shown" is checked on the pixels.
 */
@NativeTier
class ReviewEngineTest {
    private final HandRunExecutor analysis = new HandRunExecutor();
    private final HandRunExecutor decoding = new HandRunExecutor();
    /** The owner's thread, where results arrive: the test's own, run by hand too. */
    private final HandRunExecutor owner = new HandRunExecutor();
    private final ScriptedPlayback playback = new ScriptedPlayback();
    private final ShownPictures output = new ShownPictures();
    private final List<PlayerState> published = new ArrayList<>();
    /** Files the analysis refuses although FFmpeg decodes their first frame. */
    private final Set<MediaSource> refused = new HashSet<>();
    private final MediaAnalyzer analyzer = (source, progress, cancelled) -> {
        if (refused.contains(source)) {
            throw new UserFacingException(source.name() + " is refused by this test.");
        }
        return MediaProbe.analyze(source, progress, cancelled);
    };
    private final ReviewEngine engine = new ReviewEngine(analyzer, playback, output,
            new ReviewEngine.Threads(analysis, decoding, owner), 32L << 20, published::add);

    @AfterEach
    void close() {
        engine.close();
        runAll();
    }

    private PlayerState state() {
        return published.get(published.size() - 1);
    }

    /** Runs the background work and hands its results over, until none is left. */
    private void runAll() {
        while (analysis.queued() + decoding.queued() + owner.queued() > 0) {
            decode();
            analysis.runAll();
            owner.runAll();
        }
    }

    /** Decodes the frame asked for and hands it over. */
    private void decode() {
        decoding.runAll();
        owner.runAll();
    }

    private void openReady(Clip clip) {
        engine.open(MediaSource.of(clip.path()));
        runAll();
        assertNotNull(state().file(), "the clip opened");
    }

    /** The readout names the frame shown, by the frame pattern in its pixels. */
    private void assertShowing(int frame) {
        assertTrue(state().readout().exact(), "an exact readout");
        assertEquals(frame, state().readout().frame());
        assertEquals(frame, output.shownFrame(), "the picture is the frame the readout names");
    }

    @Test
    void openingShowsTheFirstFrameBeforeTheIndexThenFrameZeroExactly() {
        engine.open(MediaSource.of(Clip.H264_BFRAMES_LONGGOP.path()));
        assertEquals(0.0, state().indexingProgress());
        decode();

        assertEquals("Frame 0 / …", state().readout().position());
        assertNull(state().file(), "no file to move through before its index");
        assertEquals(Clip.H264_BFRAMES_LONGGOP.path().getFileName().toString(), state().fileName());
        engine.stepFrames(5);
        assertEquals(0, state().readout().frame(), "moves wait for the index");

        runAll();
        assertShowing(0);
        assertEquals(-1.0, state().indexingProgress());
        assertEquals("Frame 0 / " + state().index().frameCount(), state().readout().position());
        assertEquals(MediaSource.of(Clip.H264_BFRAMES_LONGGOP.path()), playback.loaded);
    }

    @Test
    void movesMadeFasterThanDecodingAddUpAndOnlyTheNewestIsDecoded() {
        openReady(Clip.H264_BFRAMES_LONGGOP);
        int shownBefore = output.shown.size();
        engine.stepFrames(5);
        engine.stepFrames(10);
        engine.stepFrames(-2);
        assertEquals(1, decoding.queued(), "one decoding pass serves every move made while it waited");
        decode();
        assertShowing(13);
        assertEquals(shownBefore + 1, output.shown.size(), "the frames in between were skipped");

        engine.stepFrames(-100);
        decode();
        assertShowing(0);
        engine.goToLast();
        decode();
        assertShowing(state().index().lastFrame());
    }

    @Test
    void positionsAreTypedAsFramesOrTimesAndBadTextIsExplained() {
        assertFalse(engine.goTo("12"));
        assertEquals("Open a video first.", state().positionMessage());

        openReady(Clip.MJPEG);
        assertFalse(engine.goTo("twelve"));
        assertFalse(state().positionMessage().isEmpty());
        assertTrue(engine.goTo("12"));
        assertEquals("", state().positionMessage());
        decode();
        assertShowing(12);

        FrameIndex index = state().index();
        engine.stepSeconds(1);
        decode();
        assertShowing(index.frameAtRelativeMicros(index.relativeMicros(12) + 1_000_000));
    }

    @Test
    void playingPublishesEstimatesAndPausingSnapsToTheFramePlayed() throws Exception {
        openReady(Clip.H264_BFRAMES_LONGGOP);
        engine.goTo(20);
        decode();
        engine.play();
        assertTrue(state().playing());
        FrameIndex index = state().index();
        assertEquals(index.relativeMicros(20), playback.playedFrom);
        assertTrue(playback.fromPictureOnScreen, "frame 20 is on screen, so playback shows nothing before it");

        playback.listener.playbackTime(index.relativeMicros(40));
        assertFalse(state().readout().exact());
        assertEquals("≈ frame 40 / " + index.frameCount() + ", playing", state().readout().position());

        // libVLC shows frame 42 and its clock says 41: the picture decides.
        output.played = signatureOf(Clip.H264_BFRAMES_LONGGOP, index, 42);
        engine.pause();
        assertFalse(state().playing());
        assertTrue(state().readout().position().endsWith("pausing"));
        engine.stepFrames(1);
        playback.stopped.accept(index.relativeMicros(41));
        decode();
        decode();
        assertShowing(43);
        assertEquals(List.of(), playback.calibrations, "a frame off is no clock offset");
    }

    @Test
    void aPictureFarFromPlaybacksTimeTeachesItsClockTheOffset() throws Exception {
        openReady(Clip.H264_BFRAMES_LONGGOP);
        engine.play();
        FrameIndex index = state().index();
        output.played = signatureOf(Clip.H264_BFRAMES_LONGGOP, index, 60);
        engine.pause();
        playback.stopped.accept(index.relativeMicros(30));
        decode();

        assertShowing(60);
        assertEquals(List.of(List.of(index.relativeMicros(30), index.relativeMicros(60))), playback.calibrations);
    }

    @Test
    void aFailureWhilePausingLeavesTheSnapToFinish() throws Exception {
        openReady(Clip.H264_BFRAMES_LONGGOP);
        engine.play();
        FrameIndex index = state().index();
        output.played = signatureOf(Clip.H264_BFRAMES_LONGGOP, index, 38);
        engine.pause();
        playback.stopped.accept(index.relativeMicros(37));
        playback.listener.playbackFailed("libVLC stopped");
        decode();

        assertShowing(38);
        assertEquals("libVLC stopped", state().error());
        engine.play();
        assertTrue(state().playing(), "the player plays again after the snap");
    }

    @Test
    void theLoopIsMarkedOnFramesAndPlaybackStartsInsideIt() {
        openReady(Clip.MJPEG);
        engine.goTo(10);
        decode();
        engine.markLoopStart();
        engine.goTo(30);
        decode();
        engine.markLoopEnd();
        FrameIndex index = state().index();
        assertEquals(10, state().loopStart());
        assertEquals(30, state().loopEnd());
        assertEquals(List.of(index.relativeMicros(10), index.relativeMicros(30)), playback.loop);

        engine.goTo(50);
        decode();
        engine.play();
        assertEquals(index.relativeMicros(10), playback.playedFrom, "a start outside the loop starts at A");
        assertFalse(playback.fromPictureOnScreen);

        engine.clearLoop();
        assertEquals(-1, state().loopStart());
        assertNull(playback.loop);
    }

    @Test
    void theEndOfPlaybackShowsTheLastFrame() {
        openReady(Clip.MJPEG);
        engine.play();
        playback.listener.playbackFinished();
        decode();
        assertFalse(state().playing());
        assertShowing(state().index().lastFrame());
    }

    @Test
    void aFrameDecodedForAFileNoLongerOpenIsNotShown() {
        openReady(Clip.MJPEG);
        int shownBefore = output.shown.size();
        engine.open(MediaSource.of(Clip.H264_BFRAMES_LONGGOP.path()));
        analysis.runAll();
        // The new file is read, but the owner's thread has not heard yet: a move still goes to the old one.
        engine.goTo(25);
        decoding.runAll();
        owner.runAll();
        decode();

        assertEquals(MediaSource.of(Clip.H264_BFRAMES_LONGGOP.path()), state().file().source());
        assertShowing(0);
        assertEquals(shownBefore + 1, output.shown.size(), "frame 25 of the old file and the new file's early first frame were dropped");
    }

    @Test
    void aFileThatCannotBeReadLeavesTheFileBeforeOnItsFrame() {
        openReady(Clip.MJPEG);
        engine.goTo(17);
        decode();
        engine.open(MediaSource.of(BadInput.TEXT_NAMED_MP4.path()));
        runAll();

        assertFalse(state().error().isEmpty(), "the reviewer is told");
        assertEquals(MediaSource.of(Clip.MJPEG.path()), state().file().source());
        assertShowing(17);
    }

    @Test
    void aFileRefusedAfterItsFirstFrameShowedPutsTheFileBeforeBack() {
        openReady(Clip.MJPEG);
        engine.goTo(17);
        decode();
        MediaSource refusedFile = MediaSource.of(Clip.H264_BFRAMES_LONGGOP.path());
        refused.add(refusedFile);
        engine.open(refusedFile);
        decode();
        assertEquals(refusedFile.name(), state().fileName(), "its first frame is shown while it is read");
        runAll();

        assertEquals(refusedFile.name() + " is refused by this test.", state().error(), "the reason stays on screen");
        assertEquals(MediaSource.of(Clip.MJPEG.path()), state().file().source());
        assertShowing(17);
        engine.stepFrames(1);
        assertEquals("", state().error(), "the next move clears it");
    }

    @Test
    void aCancelledOpeningPutsTheFileBeforeBack() {
        openReady(Clip.MJPEG);
        engine.goTo(9);
        decode();
        engine.open(MediaSource.of(Clip.H264_BFRAMES_LONGGOP.path()));
        decoding.runNext();
        owner.runAll();
        assertNull(state().file(), "the new file's first frame replaced the old one");

        engine.cancelOpening();
        runAll();
        assertEquals(MediaSource.of(Clip.MJPEG.path()), state().file().source());
        assertEquals(-1.0, state().indexingProgress());
        assertShowing(9);
    }

    @Test
    void zoomLimitsThePlayedPictureToTheAreaOnlyWhileTheWholePictureShows() {
        engine.setPictureArea(639.5, 360);
        assertEquals(List.of(640, 360), playback.pictureLimit);
        engine.zoomBy(2);
        assertEquals(List.of(0, 0), playback.pictureLimit);
        engine.zoomBy(100);
        assertEquals(ReviewEngine.MAX_ZOOM, state().zoom());
        engine.resetZoom();
        assertEquals(1.0, state().zoom());
        assertEquals(List.of(640, 360), playback.pictureLimit);
    }

    private static PictureSignature signatureOf(Clip clip, FrameIndex index, int frame) throws Exception {
        try (FrameDecoder decoder = FrameDecoder.open(clip.path(), index, 16L << 20)) {
            return PictureSignature.of(decoder.frame(frame));
        }
    }

    /** Keeps what was shown; {@link #played} stands for a picture playback drew. */
    private static final class ShownPictures implements PictureOutput {
        final List<DecodedFrame> shown = new ArrayList<>();
        PictureSignature played;

        @Override
        public void show(DecodedFrame frame) {
            shown.add(frame);
            played = null;
        }

        @Override
        public void clear() {
            shown.clear();
        }

        @Override
        public PictureSignature playedPictureSignature() {
            return played;
        }

        int shownFrame() {
            DecodedFrame last = shown.get(shown.size() - 1);
            return FramePattern.read(last.argb(), last.width(), last.height());
        }
    }
}
