package org.frameproof.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.frameproof.testing.FramePattern.UnreadablePatternException;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestFootage.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed clips, decoded by the ffmpeg command line (an independent decoder), carry the pattern
 * FramePattern reads. Skipped where ffmpeg is not installed.
 */
@NativeTier
class FramePatternFootageTest {
    @BeforeEach
    void needsFfmpeg() {
        FfmpegCli.requireInstalled();
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void everyFrameReadsItsOwnIndex(Clip clip) {
        TestFootage.Facts facts = clip.facts();
        int[] expected = {0};
        int decoded = FfmpegCli.forEachFrame(clip.path(), facts.width(), facts.height(), picture -> {
            assertEquals(expected[0], FramePattern.read(picture.argb(), picture.width(), picture.height()),
                    clip.fileName() + ": frame in presentation order");
            expected[0]++;
        });
        assertEquals(facts.frameCount(), decoded, clip.fileName() + ": frames decoded by ffmpeg");
    }

    @ParameterizedTest
    @EnumSource(Clip.class)
    void framesSelectedByNumberReadTheirIndex(Clip clip) {
        for (int index : framesWorthChecking(clip.frames())) {
            BufferedImage image = FfmpegCli.frame(clip.path(), index);
            assertEquals(clip.facts().width(), image.getWidth(), clip.fileName() + ": displayed width");
            assertEquals(clip.facts().height(), image.getHeight(), clip.fileName() + ": displayed height");
            assertEquals(index, FramePattern.read(image), clip.fileName() + ": frame " + index);
        }
    }

    @Test
    void thePortraitClipReadsOnlyWhenItsRotationIsApplied() {
        Clip portrait = Clip.PORTRAIT_ROTATION_90;
        assertEquals(90, portrait.rotation());
        BufferedImage stored = FfmpegCli.storedFrame(portrait.path(), 17);
        assertEquals(portrait.facts().height(), stored.getWidth(), "stored picture is landscape");
        UnreadablePatternException refusal = assertThrows(UnreadablePatternException.class,
                () -> FramePattern.read(stored));
        assertTrue(refusal.getMessage().contains("neither clearly black nor clearly white"), refusal.getMessage());
        assertEquals(17, FramePattern.read(FfmpegCli.frame(portrait.path(), 17)));
    }

    @Test
    void aDamagedFrameIsRefusedNotMisread() {
        BufferedImage image = FfmpegCli.frame(Clip.H264_BFRAMES_LONGGOP.path(), 150);
        assertEquals(150, FramePattern.read(image));
        // Paint index cell 3 the opposite colour, as a decoding error in that block would: 150 becomes 4246.
        int cellWidth = image.getWidth() / FramePattern.CELLS;
        int bandHeight = image.getHeight() / FramePattern.BAND_DIVISOR;
        int flipped = (image.getRGB(3 * cellWidth + cellWidth / 2, bandHeight / 2) & 0xFF) > 128 ? 0xFF000000 : 0xFFFFFFFF;
        for (int y = 0; y < bandHeight; y++) {
            for (int x = 3 * cellWidth; x < 4 * cellWidth; x++) {
                image.setRGB(x, y, flipped);
            }
        }
        UnreadablePatternException refusal = assertThrows(UnreadablePatternException.class,
                () -> FramePattern.read(image));
        assertTrue(refusal.getMessage().contains("check code fails"), refusal.getMessage());
    }

    @Test
    void aMirroredFrameIsRefused() {
        BufferedImage image = FfmpegCli.frame(Clip.HEVC.path(), 45);
        int width = image.getWidth();
        BufferedImage mirrored = new BufferedImage(width, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                mirrored.setRGB(width - 1 - x, y, image.getRGB(x, y));
            }
        }
        assertThrows(UnreadablePatternException.class, () -> FramePattern.read(mirrored));
    }

    /**
     * First, second, middle and last frame; the first two key frames after frame 0, the frame before
     * each (the deepest frame of its GOP) and the middle of each GOP. Every frame is checked by
     * everyFrameReadsItsOwnIndex; here each costs a decode from the start, so a sample will do.
     */
    private static SortedSet<Integer> framesWorthChecking(List<Frame> frames) {
        int last = frames.size() - 1;
        SortedSet<Integer> indexes = new TreeSet<>(List.of(0, 1, last / 2, last));
        int gopStart = 0;
        for (Frame keyFrame : frames.stream().filter(frame -> frame.key() && frame.frame() > 0).limit(2).toList()) {
            indexes.add(keyFrame.frame());
            indexes.add(keyFrame.frame() - 1);
            indexes.add((gopStart + keyFrame.frame()) / 2);
            gopStart = keyFrame.frame();
        }
        indexes.add((gopStart + last) / 2);
        return indexes;
    }
}
