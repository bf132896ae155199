package org.frameproof.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.frameproof.domain.FrameIndex;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.MediaSource;
import org.frameproof.testing.ScreenTier;
import org.frameproof.testing.TestFootage;
import org.frameproof.ui.common.SmallPictures;
import org.frameproof.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The filmstrip's pictures are of the exact frames asked for, decoded off the FX thread. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class FilmstripTest {
    @Test
    void eachPictureIsTheFrameItNamesAlsoDeepInsideALongGop() throws Exception {
        Path clip = TestFootage.Clip.H264_BFRAMES_LONGGOP.path();
        FrameIndex index = MediaProbe.analyze(clip, progress -> { }, () -> false).index();
        int[] frames = {0, 7, 8, 150, index.lastFrame()};
        Filmstrip strip = new Filmstrip(TaskExecutor.daemonThread("test-filmstrip"), Platform::runLater, () -> { });
        WaitForAsyncUtils.asyncFx(() -> {
            strip.show(MediaSource.of(clip), index);
            strip.want(frames);
        }).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> Arrays.stream(frames).allMatch(frame -> strip.picture(frame) != null)).get());
        try (FrameDecoder decoder = FrameDecoder.open(clip, index, 0)) {
            for (int frame : frames) {
                int[] expected = SmallPictures.fit(decoder.frame(frame), Filmstrip.WIDTH, Filmstrip.HEIGHT);
                assertArrayEquals(expected, pixels(strip, frame), "the picture of frame " + frame);
            }
        }
        assertFalse(Arrays.equals(pixels(strip, 7), pixels(strip, 8)), "neighbouring frames have different pictures");
    }

    private static int[] pixels(Filmstrip strip, int frame) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Image picture = strip.picture(frame);
            int[] argb = new int[Filmstrip.WIDTH * Filmstrip.HEIGHT];
            picture.getPixelReader().getPixels(0, 0, Filmstrip.WIDTH, Filmstrip.HEIGHT, PixelFormat.getIntArgbInstance(),
                    argb, 0, Filmstrip.WIDTH);
            return argb;
        }).get();
    }
}
