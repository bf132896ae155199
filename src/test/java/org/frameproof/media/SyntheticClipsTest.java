package org.frameproof.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.SyntheticClips.Clip;
import org.frameproof.media.SyntheticClips.Scene;
import org.frameproof.testing.FfmpegCli;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clips made from nothing by the bundled ffmpeg program, checked with the system's ffprobe and ffmpeg. */
@NativeTier
class SyntheticClipsTest {
    @TempDir Path folder;

    private final SyntheticClips clips = new SyntheticClips();

    @Test
    void aPortraitClipWithSoundHasItsSizeRateLengthAndAnAudioTrack() throws Exception {
        Path out = folder.resolve("portrait.mp4");
        assertTrue(clips.make(Clip.whole(720, 1280, 30, 2, 440, Scene.TEST_CARD), out, () -> false));
        List<String> streams = streams(out);
        assertEquals("h264,video,720,1280,30/1,60", streams.get(0));
        assertTrue(streams.get(1).startsWith("aac,audio,"), streams.toString());
        assertEquals(2, streams.size(), streams.toString());
    }

    @Test
    void aSilentLandscapeClipHasNoAudioTrack() throws Exception {
        Path out = folder.resolve("landscape.mp4");
        assertTrue(clips.make(Clip.whole(1280, 720, 25, 1, 0, Scene.GRADIENTS), out, () -> false));
        assertEquals(List.of("h264,video,1280,720,25/1,25"), streams(out));
    }

    /** Two windows onto one scene, the second a second later: where they overlap, they show the same moment. */
    @Test
    void twoAnglesOfOneSceneShowTheSameMomentWhereTheyOverlap() throws Exception {
        FfmpegCli.requireInstalled();
        Path a = folder.resolve("a.mp4");
        Path b = folder.resolve("b.mp4");
        assertTrue(clips.make(new Clip(640, 480, 25, 2, 0, Scene.TEST_CARD, 960, 720, 0, 0, 0), a, () -> false));
        assertTrue(clips.make(new Clip(480, 480, 25, 1, 0, Scene.TEST_CARD, 960, 720, 320, 160, 1), b, () -> false));
        BufferedImage first = FfmpegCli.frame(b, 0);
        // B's (0,0) is A's (320,160); the two overlap in a 320 x 320 square.
        double sameMoment = difference(FfmpegCli.frame(a, 25), first);
        double otherMoment = difference(FfmpegCli.frame(a, 5), first);
        assertTrue(sameMoment < 6, "same moment differs by " + sameMoment);
        assertTrue(otherMoment > 3 * sameMoment, "another moment differs by only " + otherMoment + " against " + sameMoment);
    }

    private static double difference(BufferedImage angleA, BufferedImage angleB) {
        long sum = 0;
        int count = 0;
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 320; x++) {
                int one = angleA.getRGB(x + 320, y + 160);
                int other = angleB.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((one >> shift & 0xFF) - (other >> shift & 0xFF));
                    count++;
                }
            }
        }
        return (double) sum / count;
    }

    @Test
    void aCancelStopsFfmpegAndLeavesNoFile() throws UserFacingException {
        Path out = folder.resolve("cancelled.mp4");
        int[] asked = {0};
        assertFalse(clips.make(Clip.whole(1280, 720, 25, 30, 440, Scene.TEST_CARD), out, () -> ++asked[0] > 2));
        assertFalse(Files.exists(out));
    }

    private static List<String> streams(Path clip) throws IOException, InterruptedException {
        Tools.require("ffprobe", "ffmpeg");
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_type,codec_name,width,height,r_frame_rate,nb_frames", "-of", "csv=p=0", clip.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }
}
