package org.frameproof.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.MediaSource;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.media.review.ReviewEngine;
import org.frameproof.testing.CountingBytes;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The player as a reviewer drives it, on real clips with real libVLC and FFmpeg. After every kind
 * of move the frame pattern is read back from the image on screen and must be the frame number
 * printed beside it.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class PlayerScreenTest {
    private static final Pattern PRINTED = Pattern.compile("Frame (\\d+) / (\\d+)");
    /**
     * Clips libVLC starts playing before the asked frame (measured: 2-4 frames early, and from the
     * key frame before in the MOV whose edit list delays its first frame). It starts a transport
     * stream late, and WebM sometimes: no player can show frames it has not been given.
     */
    private static final Set<Clip> STARTED_EARLY_BY_LIBVLC = EnumSet.of(Clip.H264_BFRAMES_LONGGOP, Clip.HEVC,
            Clip.MPEG4_PART2, Clip.PORTRAIT_ROTATION_90, Clip.MOV_EDIT_LIST_START_1500MS);

    private VlcPlayback playback;
    private VideoSurface surface;
    private PlayerViewModel viewModel;
    /** The real analysis waits for this latch: a test that closes it makes indexing slow. */
    private volatile CountDownLatch analysisHeld = new CountDownLatch(0);

    @Start
    void start(Stage stage) {
        surface = new VideoSurface();
        playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        viewModel = new PlayerViewModel(this::heldAnalysis, playback, surface, PlayerThreads.background(), 64L << 20);
        Scene scene = new Scene(PlayerView.load(viewModel).node(), 1100, 720);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closePlayer(FxRobot robot) {
        robot.interact(viewModel::close);
        playback.close();
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void everyClipKindStepsJumpsAndLandsExactly(Clip clip, FxRobot robot) {
        open(robot, clip.path());
        int last = clip.frameCount() - 1;
        assertEquals(clip.frameCount(), printedTotal(robot));

        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, 1);
        robot.type(KeyCode.PERIOD);
        assertOnScreen(robot, 2);
        robot.type(KeyCode.LEFT);
        assertOnScreen(robot, 1);
        robot.type(KeyCode.COMMA);
        assertOnScreen(robot, 0);
        robot.push(KeyCode.SHIFT, KeyCode.RIGHT);
        assertOnScreen(robot, Math.min(10, last));
        robot.push(KeyCode.CONTROL, KeyCode.RIGHT);
        assertOnScreen(robot, frameAtMillis(clip, timeOfFrame(clip, Math.min(10, last)).add(BigDecimal.valueOf(1000))));
        robot.type(KeyCode.END);
        assertOnScreen(robot, last);
        robot.type(KeyCode.LEFT);
        assertOnScreen(robot, last - 1);
        robot.type(KeyCode.HOME);
        assertOnScreen(robot, 0);
        typePosition(robot, String.valueOf(last / 2));
        assertOnScreen(robot, last / 2);
    }

    @Test
    void thirtyStepsBackFromDeepInALongGopEachLandExactly(FxRobot robot) {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        open(robot, clip.path());
        typePosition(robot, "190");
        assertOnScreen(robot, 190);
        for (int expected = 189; expected >= 160; expected--) {
            robot.type(KeyCode.LEFT);
            assertOnScreen(robot, expected);
        }
    }

    @Test
    void repeatedKeysFasterThanDecodingEndOnTheLastRequestedFrame(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        robot.type(KeyCode.END);
        assertOnScreen(robot, Clip.H264_BFRAMES_LONGGOP.frameCount() - 1);
        // Forty presses queue up far faster than a long GOP decodes backwards; the stale ones are skipped.
        robot.type(KeyCode.LEFT, 40);
        assertOnScreen(robot, Clip.H264_BFRAMES_LONGGOP.frameCount() - 41);
    }

    @Test
    void holdingRightKeepsSteppingAndAfterReleaseTheLastRequestedFrameIsOnScreen(FxRobot robot) throws Exception {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        open(robot, clip.path());
        robot.press(KeyCode.RIGHT);
        Thread.sleep(1500);
        robot.release(KeyCode.RIGHT);
        // Settled: the printed frame stays put once the key is up.
        int[] last = {-1};
        waitUntil(() -> {
            int now = viewModel.currentFrameProperty().get();
            boolean settled = now == last[0];
            last[0] = now;
            Thread.sleep(300);
            return settled;
        });
        int shown = assertPatternMatchesPrinted(robot);
        assertTrue(shown >= 10, "held for 1.5 s, stepped to " + shown);
        Thread.sleep(500);
        assertEquals(shown, viewModel.currentFrameProperty().get(), "no step after the key was released");
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, shown + 1);
    }

    @Test
    void jumpsToTypedFramesTimesAndSmpteTimecodes(FxRobot robot) {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        open(robot, clip.path());
        typePosition(robot, "57");
        assertOnScreen(robot, 57);
        typePosition(robot, "00:00:02.000");
        assertOnScreen(robot, frameAtMillis(clip, BigDecimal.valueOf(2000)));
        typePosition(robot, "00:00:03:05");
        assertOnScreen(robot, 3 * 25 + 5);

        typePosition(robot, "1:2:3:4:5");
        String message = robot.lookup("#positionMessageLabel").queryAs(Label.class).getText();
        assertTrue(message.contains("is not a frame number"), message);
        assertOnScreen(robot, 80);
        typePosition(robot, "99999");
        message = robot.lookup("#positionMessageLabel").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Frame 99999 does not exist"), message);
        typePosition(robot, "12");
        assertOnScreen(robot, 12);
        assertEquals("", robot.lookup("#positionMessageLabel").queryAs(Label.class).getText());
    }

    @Test
    void smpteOnVariableRateFootageIsRefusedInWords(FxRobot robot) {
        open(robot, Clip.VFR_PHONE.path());
        typePosition(robot, "00:00:01:05");
        String message = robot.lookup("#positionMessageLabel").queryAs(Label.class).getText();
        assertTrue(message.contains("variable frame rate"), message);
        assertOnScreen(robot, 0);
        typePosition(robot, "00:00:01.500");
        assertOnScreen(robot, frameAtMillis(Clip.VFR_PHONE, BigDecimal.valueOf(1500)));
    }

    @Test
    void clickAndDragOnTheTimelineEndOnTheExactFrame(FxRobot robot) {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        open(robot, clip.path());
        ScrubBar bar = robot.lookup(".scrub-bar").queryAs(ScrubBar.class);
        Bounds bounds = bar.localToScreen(bar.getBoundsInLocal());
        double y = bounds.getCenterY();
        robot.clickOn(new Point2D(bounds.getMinX() + bounds.getWidth() * 0.25, y), MouseButton.PRIMARY);
        int clicked = assertPatternMatchesPrinted(robot);
        assertTrue(Math.abs(clicked - clip.frameCount() / 4) <= 2, "clicked a quarter in, shows " + clicked);

        robot.drag(new Point2D(bounds.getMinX() + bounds.getWidth() * 0.3, y), MouseButton.PRIMARY)
                .moveTo(new Point2D(bounds.getMinX() + bounds.getWidth() * 0.5, y))
                .moveTo(new Point2D(bounds.getMinX() + bounds.getWidth() * 0.7, y))
                .drop();
        int dropped = assertPatternMatchesPrinted(robot);
        assertTrue(Math.abs(dropped - clip.frameCount() * 7 / 10) <= 2, "dropped 70% in, shows " + dropped);
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void pausingKeepsThePlayedPictureAndPrintsItsExactFrame(Clip clip, FxRobot robot) throws InterruptedException {
        open(robot, clip.path());
        typePosition(robot, String.valueOf(clip.frameCount() / 4));
        assertOnScreen(robot, clip.frameCount() / 4);
        // Twice: a transport stream's clock is learnt at the first pause.
        for (int round = 0; round < 2; round++) {
            playThenPauseAndCheckThePictureStays(robot, 300);
        }
        int paused = viewModel.currentFrameProperty().get();
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, paused + 1);
    }

    @Test
    void pausingAtFourTimesTheSpeedKeepsThePlayedPictureToo(FxRobot robot) throws InterruptedException {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        typePosition(robot, "20");
        assertOnScreen(robot, 20);
        robot.interact(() -> viewModel.setRate(4.0));
        for (int round = 0; round < 2; round++) {
            playThenPauseAndCheckThePictureStays(robot, 250);
        }
    }

    /**
     * Plays until played frames show and {@code millis} more, pauses, and checks that the exact
     * frame then printed is the picture libVLC showed at the pause.
     */
    private void playThenPauseAndCheckThePictureStays(FxRobot robot, long millis) throws InterruptedException {
        robot.interact(viewModel::play);
        waitUntil(() -> !viewModel.readoutExactProperty().get());
        Thread.sleep(millis);
        int onScreenAtPause = onFx(() -> {
            assertTrue(viewModel.playingProperty().get(), "still playing");
            int shown = readPattern(viewModel.imageProperty().get());
            viewModel.pause();
            return shown;
        });
        waitUntil(() -> viewModel.readoutExactProperty().get());
        assertEquals(onScreenAtPause, assertPatternMatchesPrinted(robot), "the picture libVLC showed at the pause stays");
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void playbackStartsOnThePausedFrameNotBeforeIt(Clip clip, FxRobot robot) throws InterruptedException {
        open(robot, clip.path());
        assertPlaybackStartsOnThePausedFrame(robot, clip);
    }

    /**
     * Footage that only this process can read (a vault copy decrypted on the fly) reaches libVLC
     * through its media callbacks, and plays, pauses and starts as exactly as a file does.
     */
    @ParameterizedTest
    @EnumSource(value = Clip.class, names = {"H264_BFRAMES_LONGGOP", "HEVC", "VP9", "MPEG2_TS_LATE_START", "MOV_EDIT_LIST_START_1500MS"})
    void footageReadThroughCallbacksPlaysPausesAndStartsExactly(Clip clip, FxRobot robot) throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        open(robot, CountingBytes.source(clip.path(), reads));
        int beforePlaying = reads.get();
        assertPlaybackStartsOnThePausedFrame(robot, clip);
        assertTrue(reads.get() > beforePlaying, "libVLC read the footage through the callbacks");
        typePosition(robot, String.valueOf(clip.frameCount() / 4));
        assertOnScreen(robot, clip.frameCount() / 4);
        for (int round = 0; round < 2; round++) {
            playThenPauseAndCheckThePictureStays(robot, 300);
        }
    }

    /** Goes to a third of the clip, plays, pauses, and checks no frame before the start was shown. */
    private void assertPlaybackStartsOnThePausedFrame(FxRobot robot, Clip clip) throws InterruptedException {
        int start = clip.frameCount() / 3;
        typePosition(robot, String.valueOf(start));
        assertOnScreen(robot, start);
        List<Integer> shown = new ArrayList<>();
        ChangeListener<Number> reader = (observable, old, version) -> shown.add(readPattern(viewModel.imageProperty().get()));
        robot.interact(() -> surface.pictureVersionProperty().addListener(reader));
        robot.interact(viewModel::play);
        waitUntil(() -> !viewModel.readoutExactProperty().get());
        Thread.sleep(400);
        robot.interact(() -> {
            viewModel.pause();
            surface.pictureVersionProperty().removeListener(reader);
        });
        waitUntil(() -> viewModel.readoutExactProperty().get());
        assertFalse(shown.isEmpty(), "played frames were drawn");
        assertTrue(shown.get(0) >= start, "nothing before the start is shown: " + shown);
        if (STARTED_EARLY_BY_LIBVLC.contains(clip)) {
            assertTrue(shown.get(0) <= start + 1, "the first frame played is the start: " + shown);
        }
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) >= shown.get(i - 1), "frames only move forward: " + shown);
        }
    }

    @Test
    void whilePlayingTheReadoutIsMarkedApproximateStaysNearThePictureAndPauseKeepsIt(FxRobot robot) throws InterruptedException {
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        open(robot, clip.path());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> viewModel.currentFrameProperty().get() >= 5);
        Pattern estimate = Pattern.compile("≈ frame (\\d+) / " + clip.frameCount() + ", playing");
        int furthest = 0;
        for (int sample = 0; sample < 15; sample++) {
            Thread.sleep(100);
            int[] printedAndShown = onFx(() -> {
                Label position = robot.lookup("#positionLabel").queryAs(Label.class);
                Matcher matcher = estimate.matcher(position.getText());
                assertTrue(matcher.matches(), position.getText());
                assertTrue(robot.lookup(".readout-bar").query().getPseudoClassStates().contains(PseudoClass.getPseudoClass("estimated")));
                assertFalse(robot.lookup("#keyFrameLabel").query().isVisible(), "no key-frame claim while playing");
                return new int[] {Integer.parseInt(matcher.group(1)), readPattern(viewModel.imageProperty().get())};
            });
            // libVLC's time reports come every 250-500 ms; printing them as they came lagged the picture by up to 12 frames here.
            furthest = Math.max(furthest, Math.abs(printedAndShown[0] - printedAndShown[1]));
        }
        assertTrue(furthest <= 3, "printed frame within 3 of the picture while playing, was " + furthest + " away");

        int onScreenAtPause = onFx(() -> {
            viewModel.pause();
            return readPattern(viewModel.imageProperty().get());
        });
        waitUntil(() -> viewModel.readoutExactProperty().get());
        assertEquals(onScreenAtPause, assertPatternMatchesPrinted(robot), "paused on the picture on screen");
        assertFalse(robot.lookup(".readout-bar").query().getPseudoClassStates().contains(PseudoClass.getPseudoClass("estimated")));
    }

    @Test
    void loopedRangePlaysAgainFromItsStart(FxRobot robot) throws InterruptedException {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        typePosition(robot, "20");
        assertOnScreen(robot, 20);
        robot.clickOn("#loopStartButton");
        typePosition(robot, "45");
        assertOnScreen(robot, 45);
        robot.clickOn("#loopEndButton");
        robot.type(KeyCode.SPACE);
        int highest = 0;
        boolean wrapped = false;
        int previous = -1;
        // 25 frames at 25 fps is one second: three seconds see the range at least twice.
        for (int sample = 0; sample < 60; sample++) {
            Thread.sleep(50);
            int frame = viewModel.currentFrameProperty().get();
            highest = Math.max(highest, frame);
            wrapped |= previous >= 0 && frame < previous - 10;
            previous = frame;
        }
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !viewModel.playingProperty().get() && viewModel.readoutExactProperty().get());
        assertTrue(wrapped, "playback went back to the loop's start");
        assertTrue(highest <= 50, "playback stayed within the loop, reached " + highest);
        assertPatternMatchesPrinted(robot);
    }

    @Test
    void keysAAndBMarkTheLoopAsTheButtonsDo(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        typePosition(robot, "20");
        assertOnScreen(robot, 20);
        robot.type(KeyCode.A);
        typePosition(robot, "45");
        assertOnScreen(robot, 45);
        robot.type(KeyCode.B);
        assertEquals(20, viewModel.loopStartProperty().get());
        assertEquals(45, viewModel.loopEndProperty().get());
        robot.clickOn("#clearLoopButton");
        assertEquals(-1, viewModel.loopStartProperty().get());
    }

    @Test
    void stepDuringPlaybackPausesAndStepsFromTheSnappedFrame(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> viewModel.currentFrameProperty().get() >= 10);
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> !viewModel.playingProperty().get() && viewModel.readoutExactProperty().get());
        int shown = assertPatternMatchesPrinted(robot);
        assertTrue(shown >= 11, "stepped after frame 10, shows " + shown);
    }

    @Test
    void rotatedPhoneClipIsUprightWhenPausedAndWhilePlaying(FxRobot robot) {
        Clip clip = Clip.PORTRAIT_ROTATION_90;
        open(robot, clip.path());
        Image image = viewModel.imageProperty().get();
        assertEquals(clip.facts().width(), (int) image.getWidth());
        assertEquals(clip.facts().height(), (int) image.getHeight());
        assertOnScreen(robot, 0);

        // Fitted: libVLC draws at most the size the picture has on screen, upright and with the frame's shape.
        robot.type(KeyCode.SPACE);
        waitUntil(() -> viewModel.currentFrameProperty().get() >= 5);
        onFx(() -> {
            Image played = viewModel.imageProperty().get();
            assertTrue(played.getWidth() <= clip.facts().width() && played.getHeight() < played.getWidth() * 2,
                    "played " + played.getWidth() + "x" + played.getHeight());
            double aspect = (double) clip.facts().width() / clip.facts().height();
            assertEquals(aspect, played.getWidth() / played.getHeight(), aspect * 0.05, "the frame's own shape");
            return null;
        });
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !viewModel.playingProperty().get() && viewModel.readoutExactProperty().get());
        int paused = assertPatternMatchesPrinted(robot);

        // Zoomed in: libVLC's own frames at full size, and the pattern reads, so they are upright and not stretched.
        onFx(() -> {
            viewModel.zoomBy(2);
            return null;
        });
        robot.type(KeyCode.SPACE);
        waitUntil(() -> viewModel.playingProperty().get() && viewModel.currentFrameProperty().get() >= paused + 10);
        int playedFrame = onFx(() -> {
            Image played = viewModel.imageProperty().get();
            assertEquals(clip.facts().width(), (int) played.getWidth());
            assertEquals(clip.facts().height(), (int) played.getHeight());
            return readPattern(played);
        });
        assertTrue(playedFrame > 0, "playback frames read as frame " + playedFrame);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !viewModel.playingProperty().get() && viewModel.readoutExactProperty().get());
        assertPatternMatchesPrinted(robot);
    }

    @Test
    void brokenFileShowsAMessageAndTheOpenVideoStaysUsable(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        typePosition(robot, "42");
        assertOnScreen(robot, 42);

        robot.interact(() -> viewModel.open(TestFootage.BadInput.TEXT_NAMED_MP4.path()));
        waitUntil(() -> !viewModel.errorMessageProperty().get().isEmpty());
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertFalse(error.getText().contains("Exception"), error.getText());
        assertEquals(Clip.H264_BFRAMES_LONGGOP.fileName(), viewModel.fileNameProperty().get());
        assertOnScreen(robot, 42);
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, 43);
    }

    @Test
    void wheelZoomsToEightTimesWithoutSmoothingAndZeroResets(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        FrameView frameView = robot.lookup(".frame-view").queryAs(FrameView.class);
        ImageView imageView = robot.lookup("#videoImage").queryAs(ImageView.class);
        robot.moveTo(frameView);
        // TestFX names directions by the content's movement: DOWN turns the wheel away from the user (positive delta).
        robot.scroll(20, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewEngine.MAX_ZOOM, viewModel.zoomProperty().get(), 1e-9);
        assertFalse(imageView.isSmooth(), "pixels at 8x are drawn nearest-neighbour");
        robot.scroll(1, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewEngine.MAX_ZOOM / 1.25, viewModel.zoomProperty().get(), 1e-9);
        robot.drag(frameView).moveBy(-200, -100).drop();
        robot.type(KeyCode.DIGIT0);
        assertEquals(1, viewModel.zoomProperty().get(), 1e-9);
        Bounds shown = imageView.getBoundsInParent();
        assertEquals(frameView.getWidth() / 2, shown.getCenterX(), 1);
        assertEquals(frameView.getHeight() / 2, shown.getCenterY(), 1);
    }

    @Test
    void zoomReadoutSaysTheRealScaleAndEnlargedPixelsAreNeverSmoothed(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        FrameView frameView = robot.lookup(".frame-view").queryAs(FrameView.class);
        ImageView imageView = robot.lookup("#videoImage").queryAs(ImageView.class);
        Label zoomLabel = robot.lookup("#zoomLabel").queryAs(Label.class);
        double fit = frameView.scale();
        assertTrue(fit > 1, "a 640x360 clip in this window is enlarged to fit, by " + fit);
        assertEquals(String.format(java.util.Locale.ROOT, "Fit (%.1fx)", fit), zoomLabel.getText());
        assertFalse(imageView.isSmooth(), "the fit enlarges, so pixels are drawn nearest-neighbour");
        // The enlarged picture is drawn on a canvas: each new frame in the same image must reach it.
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, 1);
        assertEquals(1, (int) onFx(() -> readPatternOnScreen(frameView, imageView)));
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, 2);
        assertEquals(2, (int) onFx(() -> readPatternOnScreen(frameView, imageView)));

        robot.moveTo(frameView).scroll(4, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.format(java.util.Locale.ROOT, "%.1fx", frameView.scale()), zoomLabel.getText());
        assertEquals(fit * Math.pow(1.25, 4), frameView.scale(), 1e-6);

        robot.type(KeyCode.DIGIT0);
        Stage stage = (Stage) frameView.getScene().getWindow();
        // Small enough either way: the video area keeps its minimum height of 240 for a 360 high picture.
        robot.interact(() -> {
            // The primary stage is shared by the test classes: an earlier main window's minimum size stays on it.
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setWidth(500);
            stage.setHeight(460);
        });
        waitUntil(() -> onFx(frameView::scale) < 1);
        WaitForAsyncUtils.waitForFxEvents();
        double reduced = frameView.scale();
        assertTrue(reduced < 1, "a narrow window reduces the picture, to " + reduced);
        assertEquals(String.format(java.util.Locale.ROOT, "Fit (%.2fx)", reduced), zoomLabel.getText());
        assertTrue(imageView.isSmooth(), "only a reduced picture is smoothed");
    }

    @Test
    void bracketKeysAndTheSpeedMenuChangeTheRate(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(1.25, viewModel.rateProperty().get(), 1e-9);
        robot.type(KeyCode.OPEN_BRACKET, 3);
        assertEquals(0.5, viewModel.rateProperty().get(), 1e-9);
        robot.clickOn("#speedButton").clickOn("4x");
        assertEquals(4, viewModel.rateProperty().get(), 1e-9);
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(4, viewModel.rateProperty().get(), 1e-9);
    }

    @Test
    void readoutShowsTimeOwnTimestampKeyFlagAndFacts(FxRobot robot) {
        Clip clip = Clip.MPEG2_TS_LATE_START;
        open(robot, clip.path());
        assertEquals("00:00:00.000", robot.lookup("#timeLabel").queryAs(Label.class).getText());
        assertEquals("pts " + clip.frames().get(0).ptsMs() + " ms", robot.lookup("#ptsLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#keyFrameLabel").query().isVisible());
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, 1);
        assertEquals("pts " + clip.frames().get(1).ptsMs() + " ms", robot.lookup("#ptsLabel").queryAs(Label.class).getText());
        assertEquals(clip.frames().get(1).key(), robot.lookup("#keyFrameLabel").query().isVisible());

        List<String> labels = viewModel.factRows().stream().map(java.util.Map.Entry::getKey).toList();
        assertTrue(labels.containsAll(List.of("Codec", "Resolution", "Rotation", "Frames", "Duration",
                "Average frame rate", "Variable frame rate", "Created", "Location (GPS)")), labels.toString());
        robot.clickOn("#factsButton");
        assertTrue(robot.lookup(clip.facts().codec()).tryQuery().isPresent()
                || robot.lookup(".facts-grid").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void firstFrameShowsWhileTheIndexIsReadAndMovesWaitForIt(FxRobot robot) {
        Clip clip = Clip.MPEG2_TS_LATE_START;
        analysisHeld = new CountDownLatch(1);
        robot.interact(() -> viewModel.open(clip.path()));
        waitUntil(() -> viewModel.imageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, (int) onFx(() -> readPattern(viewModel.imageProperty().get())));
        assertEquals("Frame 0 / …", robot.lookup("#positionLabel").queryAs(Label.class).getText());
        assertEquals("00:00:00.000", robot.lookup("#timeLabel").queryAs(Label.class).getText());
        assertEquals("pts " + clip.frames().get(0).ptsMs() + " ms", robot.lookup("#ptsLabel").queryAs(Label.class).getText());
        assertEquals(clip.fileName(), viewModel.fileNameProperty().get());
        assertTrue(robot.lookup("#indexingBox").query().isVisible(), "indexing progress is shown");
        assertTrue(robot.lookup("#transportBar").query().isDisabled(), "no moves before the index");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, viewModel.currentFrameProperty().get());
        assertEquals(1, analysisHeld.getCount(), "the analysis was still waiting while frame 0 was on screen");

        analysisHeld.countDown();
        waitUntil(() -> viewModel.loadedProperty().get());
        assertOnScreen(robot, 0);
        assertEquals(clip.frameCount(), printedTotal(robot));
        assertFalse(robot.lookup("#indexingBox").query().isVisible());
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, 1);
    }

    @Test
    void cancellingWhileTheFirstFrameShowsBringsBackTheFileBefore(FxRobot robot) {
        open(robot, Clip.H264_BFRAMES_LONGGOP.path());
        typePosition(robot, "42");
        assertOnScreen(robot, 42);
        analysisHeld = new CountDownLatch(1);
        robot.interact(() -> viewModel.open(Clip.VP9.path()));
        waitUntil(() -> Clip.VP9.fileName().equals(viewModel.fileNameProperty().get()));
        assertFalse(viewModel.loadedProperty().get());
        robot.clickOn("#cancelIndexingButton");
        waitUntil(() -> viewModel.loadedProperty().get());
        assertEquals(Clip.H264_BFRAMES_LONGGOP.fileName(), viewModel.fileNameProperty().get());
        assertOnScreen(robot, 42);
        robot.type(KeyCode.RIGHT);
        assertOnScreen(robot, 43);
    }

    // ---- helpers

    private MediaAnalysis heldAnalysis(MediaSource file, DoubleConsumer progress, BooleanSupplier cancelled) throws UserFacingException {
        try {
            while (!analysisHeld.await(20, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
        return MediaProbe.analyze(file, progress, cancelled);
    }

    private void open(FxRobot robot, Path file) {
        open(robot, MediaSource.of(file));
    }

    private void open(FxRobot robot, MediaSource source) {
        robot.interact(() -> viewModel.open(source));
        waitUntil(() -> source.name().equals(viewModel.fileNameProperty().get())
                && viewModel.currentFrameProperty().get() == 0);
        assertOnScreen(robot, 0);
    }

    private void typePosition(FxRobot robot, String text) {
        robot.clickOn("#positionField").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE)
                .write(text).type(KeyCode.ENTER);
    }

    /** Waits for the frame to be printed, then reads the picture on screen and checks it is that frame. */
    private void assertOnScreen(FxRobot robot, int expected) {
        waitUntil(() -> viewModel.currentFrameProperty().get() == expected && !viewModel.playingProperty().get());
        assertEquals(expected, assertPatternMatchesPrinted(robot));
    }

    /** The frame read from the picture on screen, after checking it equals the number printed beside it. */
    private int assertPatternMatchesPrinted(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int[] printedAndShown = onFx(() -> new int[] {
                printedFrame(robot), readPattern(viewModel.imageProperty().get())});
        assertEquals(printedAndShown[0], printedAndShown[1], "printed frame vs frame on screen");
        return printedAndShown[1];
    }

    /** The frame pattern read from the screen (a snapshot of the scene), where the picture lies. */
    private static int readPatternOnScreen(FrameView frameView, ImageView imageView) {
        Image shown = frameView.getScene().snapshot(null);
        Bounds picture = imageView.localToScene(imageView.getBoundsInLocal());
        int width = (int) picture.getWidth();
        int height = (int) picture.getHeight();
        int[] argb = new int[width * height];
        shown.getPixelReader().getPixels((int) picture.getMinX(), (int) picture.getMinY(), width, height,
                PixelFormat.getIntArgbInstance(), argb, 0, width);
        return FramePattern.read(argb, width, height);
    }

    private static int readPattern(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return FramePattern.read(argb, width, height);
    }

    private static int printedFrame(FxRobot robot) {
        return printedNumber(robot, 1);
    }

    private static int printedTotal(FxRobot robot) {
        return printedNumber(robot, 2);
    }

    private static int printedNumber(FxRobot robot, int group) {
        String text = robot.lookup("#positionLabel").queryAs(Label.class).getText();
        Matcher matcher = PRINTED.matcher(text);
        assertTrue(matcher.matches(), text);
        return Integer.parseInt(matcher.group(group));
    }

    private static BigDecimal timeOfFrame(Clip clip, int frame) {
        List<TestFootage.Frame> frames = clip.frames();
        return frames.get(frame).ptsMs().subtract(frames.get(0).ptsMs());
    }

    /** The last frame whose time since the first frame is not after {@code millis}, from ffprobe's ground truth. */
    private static int frameAtMillis(Clip clip, BigDecimal millis) {
        List<TestFootage.Frame> frames = clip.frames();
        int found = 0;
        for (TestFootage.Frame frame : frames) {
            if (frame.ptsMs().subtract(frames.get(0).ptsMs()).compareTo(millis) <= 0) {
                found = frame.frame();
            }
        }
        return found;
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 15 s", e);
        }
    }
}
