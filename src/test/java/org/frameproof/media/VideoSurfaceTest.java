package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Played frames reach the picture one per pulse, in order: frames that arrive together are all
 * drawn (none lost between two pulses), and a backlog beyond the queue drops its oldest.
 */
@ExtendWith(ApplicationExtension.class)
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

    private static ByteBuffer frame(int argb) {
        ByteBuffer pixels = ByteBuffer.allocateDirect(4 * 8).order(ByteOrder.nativeOrder());
        for (int i = 0; i < 8; i++) {
            pixels.putInt(i * 4, argb);
        }
        return pixels;
    }
}
