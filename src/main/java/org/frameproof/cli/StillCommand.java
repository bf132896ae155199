package org.frameproof.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Timecode;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.FrameIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof still FILE (--frame N | --time HH:MM:SS.mmm) --out OUT.png}: one exact frame as a PNG. */
@Command(name = "still", mixinStandardHelpOptions = true, description = "Save the exact frame as displayed (rotation applied, full resolution) as a lossless PNG.")
final class StillCommand extends Subcommand {
    private static final Logger LOG = LoggerFactory.getLogger(StillCommand.class);

    /** Enough cache for the one frame asked for: a still needs no frames around it. */
    private static final long ONE_FRAME_CACHE = 1;

    @Parameters(paramLabel = "FILE", description = "The video to read.")
    private Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Position position;

    @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "The PNG file to write.")
    private Path out;

    static final class Position {
        @Option(names = "--frame", paramLabel = "N", description = "Frame number (0 is the first frame).")
        String frame;

        @Option(names = "--time", paramLabel = "HH:MM:SS.mmm", description = "Time since the first frame.")
        String time;
    }

    @Override
    public Integer call() throws Exception {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new UserFacingException("Cannot write " + out + ": the folder " + folder + " does not exist or is not writable.");
        }
        FrameIndex index = FrameIndexer.index(file, fraction -> { }, () -> false);
        int frame = frameNumber(index);
        DecodedFrame still;
        try (FrameDecoder decoder = FrameDecoder.open(file, index, ONE_FRAME_CACHE)) {
            still = decoder.frame(frame);
        }
        write(still, target);
        out().println("frame " + frame + " (" + Timecode.formatFrame(index, frame) + ") -> " + out);
        return 0;
    }

    private int frameNumber(FrameIndex index) throws UserFacingException {
        if (position.frame != null) {
            if (!position.frame.strip().matches("\\d+")) {
                throw new UserFacingException("--frame takes a frame number (0 to " + index.lastFrame() + "), not '" + position.frame + "'.");
            }
            return Timecode.parsePosition(position.frame, index);
        }
        if (!position.time.contains(":")) {
            throw new UserFacingException("--time takes a time since the first frame as HH:MM:SS.mmm, not '" + position.time + "'.");
        }
        return Timecode.parsePosition(position.time, index);
    }

    /** Writes beside the target and renames, so a failure never leaves a partial PNG under the asked name. */
    private static void write(DecodedFrame frame, Path target) throws UserFacingException {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, frame.width(), frame.height(), frame.argb(), 0, frame.width());
        Path partial = null;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            if (!ImageIO.write(image, "png", partial.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFacingException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // Already moved or never written; nothing of the user's is at stake.
                    LOG.warn("A partial still could not be removed", e);
                }
            }
        }
    }
}
