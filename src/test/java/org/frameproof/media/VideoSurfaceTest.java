package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.frameproof.testing.ScreenTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Played frames reach the picture one per pulse, in order: frames that arrive together are all
 * drawn (none lost between two pulses), and a backlog beyond the queue drops its oldest.
 */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class VideoSurfaceTest {
    @Test
    void framesArrivingBetweenTwoPulsesAreEachDrawnInOrder() throws Exception {
        VideoSurface surface = new VideoSurface();
        List<Long> drawnTimes = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            surface.onPlaybackFrameDrawn(drawnTimes::add);
            surface.acceptPlaybackFrames();
        }).get();
        // Two frames in one go, as libVLC may deliver them within one 16.7 ms pulse (offered on the FX
        // thread here only so that no pulse falls between them).
        WaitForAsyncUtils.asyncFx(() -> {
            surface.offerPlaybackFrame(frame(0xFF112233), 4, 2, 1_000);
            surface.offerPlaybackFrame(frame(0xFF445566), 4, 2, 17_666);
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> surface.playbackFramesDrawn() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1_000L, 17_666L), drawnTimes, "both drawn, oldest first");
        assertEquals(0xFF445566, WaitForAsyncUtils.asyncFx(
                () -> surface.imageProperty().get().getPixelReader().getArgb(3, 1)).get(), "the newest is on screen");

        // Five at once: the queue keeps the newest three.
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < 5; i++) {
                surface.offerPlaybackFrame(frame(0xFF000000 | i), 4, 2, 100_000 + i);
            }
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> surface.playbackFramesDrawn() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1_000L, 17_666L, 100_002L, 100_003L, 100_004L), drawnTimes);
        assertEquals(7, surface.playbackFramesDelivered());

        // After pausing nothing more is drawn, not even a frame already queued.
        WaitForAsyncUtils.asyncFx(() -> {
            surface.offerPlaybackFrame(frame(0xFF778899), 4, 2, 200_000);
            surface.ignorePlaybackFrames();
        }).get();
        surface.offerPlaybackFrame(frame(0xFF778899), 4, 2, 216_666);
        Thread.sleep(200);
        assertEquals(5, surface.playbackFramesDrawn());
    }

    @Test
    void onlyAPlayedPictureLargeEnoughForTheGridHasAPlayedSignature() throws Exception {
        VideoSurface surface = new VideoSurface();
        WaitForAsyncUtils.asyncFx(() -> {
            surface.acceptPlaybackFrames();
            surface.offerPlaybackFrame(frame(0xFF808080, 64, 36), 64, 36, 0);
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> surface.playbackFramesDrawn() == 1);
        PictureSignature played = WaitForAsyncUtils.asyncFx(surface::playedPictureSignature).get();
        assertNotNull(played);
        assertEquals(0, played.distance(PictureSignature.of(new DecodedFrame(0, 0, 64, 36, fill(0xFF808080, 64 * 36)))), 1e-9);

        WaitForAsyncUtils.asyncFx(() -> surface.show(new DecodedFrame(0, 0, 64, 36, fill(0xFF808080, 64 * 36)))).get();
        assertNull(WaitForAsyncUtils.asyncFx(surface::playedPictureSignature).get(), "an exact frame is on screen");

        WaitForAsyncUtils.asyncFx(() -> {
            surface.acceptPlaybackFrames();
            surface.offerPlaybackFrame(frame(0xFF808080), 4, 2, 0);
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> surface.playbackFramesDrawn() == 2);
        assertNull(WaitForAsyncUtils.asyncFx(surface::playedPictureSignature).get(), "4x2 is smaller than the grid");
    }

    private static ByteBuffer frame(int argb) {
        return frame(argb, 4, 2);
    }

    private static ByteBuffer frame(int argb, int width, int height) {
        ByteBuffer pixels = ByteBuffer.allocateDirect(4 * width * height).order(ByteOrder.nativeOrder());
        for (int i = 0; i < width * height; i++) {
            pixels.putInt(i * 4, argb);
        }
        return pixels;
    }

    private static int[] fill(int argb, int count) {
        int[] pixels = new int[count];
        Arrays.fill(pixels, argb);
        return pixels;
    }
}
