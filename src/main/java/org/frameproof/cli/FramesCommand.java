package org.frameproof.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import org.frameproof.domain.FrameIndex;
import org.frameproof.media.FrameIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code frameproof frames FILE}: every frame's own timestamp and key flag, as CSV. */
@Command(name = "frames", mixinStandardHelpOptions = true, description = {
    "Print every frame in presentation order as CSV: frame,pts_ms,key.",
    "pts_ms is the frame's own timestamp in milliseconds as FFmpeg reports it; key is 1 for key frames."})
final class FramesCommand extends Subcommand {
    @Parameters(paramLabel = "FILE", description = "The video to read.")
    private Path file;

    @Override
    public Integer call() throws Exception {
        FrameIndex index = FrameIndexer.index(file, fraction -> { }, () -> false);
        StringBuilder csv = new StringBuilder("frame,pts_ms,key\n");
        for (int frame = 0; frame < index.frameCount(); frame++) {
            csv.append(frame).append(',').append(ptsMillis(index, frame)).append(',')
                    .append(index.isKeyFrame(frame) ? '1' : '0').append('\n');
        }
        out().print(csv);
        out().flush();
        return 0;
    }

    /**
     * The timestamp as ffprobe prints {@code pts_time} (seconds as a double, six decimals, rounded as
     * C's printf does), times 1000: the same digits with the point moved, so both agree to the last digit.
     */
    static String ptsMillis(FrameIndex index, int frame) {
        double seconds = index.pts(frame) * ((double) index.timeBaseNumerator() / index.timeBaseDenominator());
        return new BigDecimal(seconds).setScale(6, RoundingMode.HALF_EVEN).movePointRight(3).toPlainString();
    }
}
