package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;

/**
 * Builds a {@link FrameIndex} from a file's packets, without decoding: every presented frame's
 * own timestamp and key-frame flag, in presentation order. Runs in this process; for files not yet
 * known to be safe use {@link IsolatedProber}.
 *
 * <p>Packets arrive in decode order (B-frames come after the frames they refer to), so the index
 * is sorted by timestamp. Packets the demuxer marks as discarded (before the start of a MOV edit
 * list) are decoded but never shown, so they are not frames. A packet without a presentation
 * timestamp counts at its decoding timestamp, as FFmpeg's best-effort timestamp does for such
 * streams; a packet with neither, or a second packet with the same timestamp, names no frame a
 * reviewer could tell apart and is left out.
 */
public final class FrameIndexer {
    private static final int PACKETS_BETWEEN_REPORTS = 256;

    private FrameIndexer() {
    }

    /**
     * @param progress receives the fraction done (0..1, by byte position in the file)
     * @param cancelled polled between packets; when it answers true indexing stops
     * @throws CancellationException when {@code cancelled} answered true
     * @throws UserFacingException when the file is missing, not a video, or has no frames
     */
    public static FrameIndex index(Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        return index(MediaSource.of(file), progress, cancelled);
    }

    /** {@link #index(Path, DoubleConsumer, BooleanSupplier)} of any source. */
    public static FrameIndex index(MediaSource source, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        try (MediaInput input = MediaInput.open(source)) {
            return index(input, progress, cancelled).index();
        }
    }

    /**
     * An index, how long its last frame is shown, and whether the file ended before its own header
     * said it would.
     *
     * @param lastFrameTicks the display duration of the last frame in stream ticks, as its packet
     *     gives it (0 when unknown)
     */
    record Result(FrameIndex index, long lastFrameTicks, boolean truncated) {
        /** From the first frame's timestamp to the end of the last frame, in milliseconds. */
        double presentedMillis() {
            int last = index.lastFrame();
            // Some muxers give the last packet no duration: then it lasts as long as the one before it.
            long lastDuration = lastFrameTicks > 0 || last == 0 ? lastFrameTicks : index.pts(last) - index.pts(last - 1);
            long ticks = index.pts(last) - index.pts(0) + lastDuration;
            return Math.round(ticks * 1_000_000.0 * index.timeBaseNumerator() / index.timeBaseDenominator()) / 1000.0;
        }
    }

    static Result index(MediaInput input, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        long size = input.byteSize();
        long[] timestamps = new long[1024];
        BitSet keys = new BitSet();
        BitSet cut = new BitSet();
        int count = 0;
        int videoPackets = 0;
        long latest = Long.MIN_VALUE;
        long latestDuration = 0;
        AVPacket packet = av_packet_alloc();
        int result;
        try {
            while ((result = av_read_frame(input.format, packet)) >= 0) {
                if (packet.stream_index() == input.streamIndex) {
                    videoPackets++;
                    boolean corrupt = (packet.flags() & AV_PKT_FLAG_CORRUPT) != 0;
                    long timestamp = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                    if ((packet.flags() & AV_PKT_FLAG_DISCARD) == 0 && timestamp != AV_NOPTS_VALUE) {
                        if (count == timestamps.length) {
                            timestamps = Arrays.copyOf(timestamps, count * 2);
                        }
                        keys.set(count, (packet.flags() & AV_PKT_FLAG_KEY) != 0);
                        cut.set(count, corrupt);
                        timestamps[count++] = timestamp;
                        if (timestamp > latest && !corrupt) {
                            latest = timestamp;
                            latestDuration = Math.max(0, packet.duration());
                        }
                    }
                }
                av_packet_unref(packet);
                if (videoPackets % PACKETS_BETWEEN_REPORTS == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("Indexing " + input.name + " was cancelled");
                    }
                    if (size > 0) {
                        progress.accept(Math.min(1.0, input.bytePosition() / (double) size));
                    }
                }
            }
        } finally {
            av_packet_free(packet);
        }
        input.checkRead();
        long expected = input.stream.nb_frames();
        boolean truncated = result != AVERROR_EOF || (expected > 0 && videoPackets < expected);
        if (truncated) {
            // The packet the cut went through holds part of a frame: no frame a reviewer could see.
            count = dropMarked(timestamps, keys, cut, count);
        }
        if (count == 0) {
            throw new UserFacingException(input.name + ": not a video: its video stream has no frames");
        }
        progress.accept(1.0);
        return new Result(inPresentationOrder(timestamps, keys, count, input), latestDuration, truncated);
    }

    private static int dropMarked(long[] timestamps, BitSet keys, BitSet marked, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (!marked.get(i)) {
                keys.set(kept, keys.get(i));
                timestamps[kept++] = timestamps[i];
            }
        }
        keys.clear(kept, count);
        return kept;
    }

    private static FrameIndex inPresentationOrder(long[] timestamps, BitSet keys, int count, MediaInput input) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(timestamps[a], timestamps[b]));
        long[] sorted = new long[count];
        BitSet sortedKeys = new BitSet(count);
        int frames = 0;
        for (int i = 0; i < count; i++) {
            long timestamp = timestamps[order[i]];
            if (frames > 0 && sorted[frames - 1] == timestamp) {
                continue;
            }
            sortedKeys.set(frames, keys.get(order[i]));
            sorted[frames++] = timestamp;
        }
        return new FrameIndex(Arrays.copyOf(sorted, frames), sortedKeys,
                input.stream.time_base().num(), input.stream.time_base().den());
    }
}
