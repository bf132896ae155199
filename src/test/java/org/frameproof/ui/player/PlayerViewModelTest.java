package org.frameproof.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.media.review.ReviewEngine;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.HandRunExecutor;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The player's view model with its decoder thread replaced by a queue the test runs by hand, so
 * the order of requests and decodes is exact. Real FFmpeg, real clips, on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class PlayerViewModelTest {
    private final HandRunExecutor decoding = new HandRunExecutor();
    private VideoSurface surface;
    private VlcPlayback playback;
    private PlayerViewModel viewModel;

    @BeforeEach
    void createViewModel(FxRobot robot) {
        surface = new VideoSurface();
        playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        robot.interact(() -> viewModel = new PlayerViewModel(MediaProbe::analyze, playback, surface,
                new ReviewEngine.Threads(Runnable::run, decoding, Runnable::run), 64L << 20));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            viewModel.close();
            decoding.runAll();
        });
        playback.close();
    }

    @Test
    void keysFasterThanDecodingShowOnlyTheNewestRequest(FxRobot robot) {
        robot.interact(() -> {
            viewModel.open(Clip.H264_BFRAMES_LONGGOP.path());
            decoding.runAll();
        });
        assertEquals(0, viewModel.currentFrameProperty().get());
        assertEquals(0, shownFrame(robot));

        List<Integer> printed = new ArrayList<>();
        robot.interact(() -> {
            viewModel.currentFrameProperty().addListener((observable, old, frame) -> printed.add(frame.intValue()));
            for (int i = 0; i < 5; i++) {
                viewModel.stepFrames(1);
            }
            viewModel.stepFrames(10);
            viewModel.stepFrames(-2);
        });
        assertEquals(1, decoding.queued(), "one decoding pass serves every request made while it waited");
        robot.interact(decoding::runAll);
        assertEquals(List.of(13), printed, "stale requests are skipped");
        assertEquals(13, shownFrame(robot));
    }

    @Test
    void movesAreClampedToTheFootage(FxRobot robot) {
        robot.interact(() -> {
            viewModel.open(Clip.MJPEG.path());
            decoding.runAll();
            viewModel.stepFrames(-10);
            decoding.runAll();
        });
        assertEquals(0, viewModel.currentFrameProperty().get());
        int last = Clip.MJPEG.frameCount() - 1;
        robot.interact(() -> {
            viewModel.stepFrames(1_000_000);
            decoding.runAll();
        });
        assertEquals(last, viewModel.currentFrameProperty().get());
        assertEquals(last, shownFrame(robot));
    }

    @Test
    void loopRangeIsMarkedFromTheCurrentFrame(FxRobot robot) {
        robot.interact(() -> {
            viewModel.open(Clip.H264_BFRAMES_LONGGOP.path());
            viewModel.goTo(20);
            viewModel.markLoopStart();
            viewModel.goTo(60);
            viewModel.markLoopEnd();
            decoding.runAll();
        });
        assertEquals(20, viewModel.loopStartProperty().get());
        assertEquals(60, viewModel.loopEndProperty().get());
        robot.interact(viewModel::clearLoop);
        assertEquals(-1, viewModel.loopStartProperty().get());
        assertTrue(viewModel.factRows().size() > 10);
    }

    private int shownFrame(FxRobot robot) {
        int[] frame = new int[1];
        robot.interact(() -> {
            Image image = viewModel.imageProperty().get();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            frame[0] = FramePattern.read(argb, width, height);
        });
        return frame[0];
    }
}
