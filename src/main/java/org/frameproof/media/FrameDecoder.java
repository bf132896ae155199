package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.PointerPointer;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;

/**
 * Decodes the exact frame N of a video, as displayed, with FFmpeg.
 *
 * <p>Not thread-safe: one decoder belongs to one thread (the player's decode thread). Open one
 * decoder per thread that needs frames, and close it on that thread.
 *
 * <p>Frame N is found by its own timestamp ({@link FrameIndex#pts(int)}): the decoder seeks to the
 * key frame at or before N and decodes forward until the frame with that timestamp comes out. A
 * step forward within the same GOP continues the open decoder without seeking. A jump decodes only
 * what N needs, as mpv's exact seek does: non-reference frames before N are skipped, and only N is
 * kept. A step back to a frame not in the cache decodes the GOP up to it once and keeps the frames
 * before it that fit the cache, so stepping back through a long GOP decodes it once, not once per
 * step. Pixels are described in {@link DecodedFrame}.
 */
public final class FrameDecoder implements AutoCloseable {
    /** The default bound of the decoded-frame cache: 512 MB. */
    public static final long DEFAULT_CACHE_BYTES = 512L << 20;
    /**
     * A move back by at most this many frames is stepping (one frame, ten, or a second of 60 fps
     * footage): the frames before it are kept for the next steps. A longer move back is a jump.
     */
    private static final int STEP_BACK_REACH = 64;
    /** A decoder that fails this many packets in a row is not going to reach the frame. */
    private static final int MAX_FAILURES_IN_A_ROW = 1000;

    private final MediaInput input;
    private final FrameIndex index;
    private final DisplayGeometry geometry;
    private final FrameCache cache;
    private final AVCodecContext codec;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private final FrameConverter converter;
    /** The key packet a seek stopped on, waiting to be sent to the decoder (empty when none). */
    private final AVPacket held = av_packet_alloc();
    /** The last frame the decoder put out, or -1 when its position is unknown (fresh, or after an error). */
    private int decoderPosition = -1;
    /** The frame last returned, or -1 before the first. */
    private int lastShown = -1;
    /**
     * The key frame decoding started from: frames before it that come out (open-GOP leading
     * frames) lack their references and are never shown.
     */
    private int decodingFrom;
    private boolean endOfFile;
    /** Packets presented before this timestamp may skip non-reference frames. */
    private long skipBefore = Long.MIN_VALUE;
    /** Bytes of one decoded frame, as the last one measured (an estimate until the first). */
    private long frameBytes;

    private FrameDecoder(MediaInput input, FrameIndex index, long cacheBytes, AVCodecContext codec) {
        this.input = input;
        this.index = index;
        this.geometry = DisplayGeometry.of(input.stream.codecpar());
        this.cache = new FrameCache(cacheBytes);
        this.codec = codec;
        this.converter = new FrameConverter(geometry);
        this.frameBytes = 2L * input.stream.codecpar().width() * input.stream.codecpar().height();
    }

    /**
     * Opens {@code file} for decoding the frames of {@code index}.
     *
     * @param cacheBytes upper bound of the memory decoded frames may hold in the cache
     * @throws UserFacingException when the file is missing, unreadable or has no decodable video
     */
    public static FrameDecoder open(Path file, FrameIndex index, long cacheBytes) throws UserFacingException {
        return open(MediaSource.of(file), index, cacheBytes);
    }

    /**
     * Opens {@code source} for decoding the frames of {@code index}: a plain file through FFmpeg's
     * own file access, other sources through its I/O callbacks.
     *
     * @param cacheBytes upper bound of the memory decoded frames may hold in the cache
     * @throws UserFacingException when the source is missing, unreadable or has no decodable video
     */
    public static FrameDecoder open(MediaSource source, FrameIndex index, long cacheBytes) throws UserFacingException {
        MediaInput input = MediaInput.open(source);
        try {
            return new FrameDecoder(input, index, cacheBytes, openCodec(input));
        } catch (UserFacingException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * The first frame a player shows, decoded without a frame index: for showing a new file at
     * once while {@link IsolatedProber} still indexes it in its child process (this method shares
     * nothing with it and may run on any thread). It starts, as {@link #frame} does, from the first
     * key frame and takes the first frame FFmpeg presents (edit lists and late starts respected), so
     * it is frame 0 of the index; its {@code pts} lets the caller check that against
     * {@link FrameIndex#pts(int) pts(0)} once the index is built.
     *
     * @throws UserFacingException when the file is missing, not a video, or no frame can be decoded
     */
    public static DecodedFrame firstFrame(Path file) throws UserFacingException {
        return firstFrameWithTime(MediaSource.of(file)).picture();
    }

    /** {@link #firstFrame(Path)} with its timestamp in milliseconds, for the player's readout. */
    public static FirstFrame firstFrameWithTime(MediaSource source) throws UserFacingException {
        // Without an index and a cache: such a decoder only serves decodeFirstFrame.
        try (FrameDecoder decoder = open(source, null, 0)) {
            DecodedFrame first = decoder.decodeFirstFrame();
            if (first == null) {
                decoder.input.checkRead();
                throw new UserFacingException(source.name() + ": no frame of its video can be decoded.");
            }
            AVRational timeBase = decoder.input.stream.time_base();
            return new FirstFrame(first, first.pts() * 1000.0 * timeBase.num() / timeBase.den());
        }
    }

    /**
     * Loads FFmpeg's native libraries, which takes a noticeable moment
     * (docs/decisions/0009-measurements-behind-tuned-constants.md), so that the first file
     * opened does not wait for them. Any thread; does nothing after the first call.
     */
    public static void loadLibraries() {
        avutil.avutil_version();
        avformat.avformat_version();
        avcodec.avcodec_version();
        swscale.swscale_version();
    }

    /** A decoder for the video stream of {@code input}, opened; the caller frees it. */
    static AVCodecContext openCodec(MediaInput input) throws UserFacingException {
        int codecId = input.stream.codecpar().codec_id();
        AVCodec decoder = avcodec_find_decoder(codecId);
        if (decoder == null || decoder.isNull()) {
            throw new UserFacingException(input.name + ": no decoder for its video codec ("
                    + avcodec_get_name(codecId).getString() + ")");
        }
        AVCodecContext codec = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(codec, input.stream.codecpar());
        codec.pkt_timebase(input.stream.time_base());
        // Cores + 1 frame threads, as FFmpeg's automatic choice: random jumps were faster than with
        // one thread per core (docs/decisions/0009-measurements-behind-tuned-constants.md).
        codec.thread_count(Math.min(16, Runtime.getRuntime().availableProcessors() + 1));
        int result = avcodec_open2(codec, decoder, (PointerPointer<?>) null);
        if (result < 0) {
            avcodec_free_context(codec);
            throw new UserFacingException(input.name + ": its video cannot be decoded ("
                    + MediaInput.describe(result) + ")");
        }
        return codec;
    }

    /**
     * The exact frame {@code frame} as displayed.
     *
     * @throws IndexOutOfBoundsException when the index has no such frame
     * @throws UserFacingException when the file is damaged so that this frame cannot be decoded
     */
    public DecodedFrame frame(int frame) throws UserFacingException {
        index.pts(frame);
        DecodedFrame found = cachedOrDecoded(frame);
        lastShown = frame;
        return found;
    }

    /**
     * Of the frames within {@code reach} of {@code estimate}, the one whose picture is most like
     * {@code picture}: which frame a played picture was, when only its approximate time is known.
     * Frames that look alike (a still scene) go to the one nearest the estimate
     * ({@link LookAlikeJudgement}). The frames compared stay in the cache, so stepping from the one
     * returned decodes nothing again.
     *
     * @throws UserFacingException when the file is damaged so that these frames cannot be decoded
     */
    public LookAlike frameLike(PictureSignature picture, int estimate, int reach) throws UserFacingException {
        int first = Math.max(0, estimate - reach);
        int last = Math.min(index.lastFrame(), estimate + reach);
        double[] distances = new double[last - first + 1];
        for (int frame = first; frame <= last; frame++) {
            distances[frame - first] = PictureSignature.of(frame(frame)).distance(picture);
        }
        LookAlikeJudgement.Verdict verdict = LookAlikeJudgement.judge(first, distances, estimate,
                first > 0, last < index.lastFrame());
        return new LookAlike(frame(verdict.frame()), verdict.distance(), verdict.standsOut());
    }

    /**
     * A frame found by its looks, and how unlike the picture looked for it is
     * ({@link PictureSignature#distance}).
     *
     * @param standsOut whether it is clearly the picture: less than half as far from it as most of
     *     the other frames compared and as any not beside it, and not at an edge of them beyond
     *     which more frames lie (a still scene, or a picture not among them, does not)
     */
    public record LookAlike(DecodedFrame frame, double distance, boolean standsOut) {
    }

    private DecodedFrame cachedOrDecoded(int frame) throws UserFacingException {
        AVFrame cached = cache.get(frame);
        if (cached != null) {
            return convert(frame, cached);
        }
        int key = index.keyFrameAtOrBefore(frame);
        boolean continueForward = decoderPosition >= 0 && decoderPosition < frame && key <= decoderPosition;
        if (!continueForward) {
            seekToKeyFrame(key);
        }
        boolean steppingBack = frame < lastShown && lastShown - frame <= STEP_BACK_REACH;
        int keepFrom = steppingBack ? frame - cache.capacity(frameBytes) + 1 : frame;
        DecodedFrame found = decodeUntil(frame, keepFrom);
        if (found == null) {
            input.checkRead();
            throw new UserFacingException("Frame " + frame + " of " + input.name
                    + " cannot be decoded: the file is damaged there.");
        }
        return found;
    }

    /** Width as displayed (after aspect ratio and rotation), the width of every decoded frame. */
    public int displayWidth() {
        return geometry.displayWidth();
    }

    /** Height as displayed, the height of every decoded frame. */
    public int displayHeight() {
        return geometry.displayHeight();
    }

    /** Clockwise degrees each frame was turned for display (0, 90, 180 or 270). */
    public int rotation() {
        return geometry.rotation();
    }

    /**
     * Bytes the decoded-frame cache holds now, never above the bound given to {@link #open}. The
     * cache keeps frames as decoded (planar YUV, about 3 MB for 1080p 4:2:0) and converts the one
     * asked for, so the bound covers several times more frames than in ARGB.
     */
    public long cachedBytes() {
        return cache.bytes();
    }

    @Override
    public void close() {
        cache.close();
        converter.close();
        av_frame_free(decoded);
        av_packet_free(packet);
        av_packet_free(held);
        avcodec_free_context(codec);
        input.close();
    }

    /**
     * Moves the demuxer to the key frame {@code key} or a key frame before it. Demuxers that seek
     * by decoding timestamps (MPEG-TS) may land after it, or on a frame that is not a key frame: so
     * packets are skipped up to the first key frame, and when that one is later than wanted the
     * seek goes back further (one second, then doubling) until it is not.
     */
    private void seekToKeyFrame(int key) throws UserFacingException {
        long wanted = index.pts(key);
        long step = Math.max(1, index.timeBaseDenominator() / index.timeBaseNumerator());
        for (long back = 0; ; back = back == 0 ? step : back * 2) {
            avcodec_flush_buffers(codec);
            av_seek_frame(input.format, input.streamIndex, wanted - back, AVSEEK_FLAG_BACKWARD);
            endOfFile = false;
            long landed = readUpToKeyPacket();
            if (landed != AV_NOPTS_VALUE && landed <= wanted) {
                decodingFrom = key;
                return;
            }
            if (wanted - back < index.pts(0) - step) {
                input.checkRead();
                throw new UserFacingException("Frame " + key + " of " + input.name
                        + " cannot be reached: the file is damaged.");
            }
        }
    }

    /**
     * Reads packets up to the first key frame of the video stream and holds it for the decoder.
     * Returns its timestamp, or no timestamp when the file ends first.
     */
    private long readUpToKeyPacket() {
        av_packet_unref(held);
        while (av_read_frame(input.format, held) >= 0) {
            if (held.stream_index() == input.streamIndex && (held.flags() & AV_PKT_FLAG_KEY) != 0) {
                return held.pts() != AV_NOPTS_VALUE ? held.pts() : held.dts();
            }
            av_packet_unref(held);
        }
        return AV_NOPTS_VALUE;
    }

    /**
     * Decodes forward until {@code target} comes out, keeping it and the frames from
     * {@code keepFrom} on in the cache. Returns null when the decoder passes the target's timestamp
     * or the file ends first.
     */
    private DecodedFrame decodeUntil(int target, int keepFrom) throws UserFacingException {
        long targetPts = index.pts(target);
        int failures = 0;
        // Frames before the ones kept are never shown: let the decoder skip the non-reference ones.
        skipBefore = index.pts(Math.max(0, keepFrom));
        while (true) {
            int result = avcodec_receive_frame(codec, decoded);
            if (result == AVERROR_EAGAIN()) {
                feedPacket();
                continue;
            }
            if (result == AVERROR_EOF()) {
                // Drained: the position is unknown from here, the next frame seeks.
                decoderPosition = -1;
                return null;
            }
            if (result < 0) {
                // A damaged packet (threaded decoders report it here): skip it, as players do.
                if (++failures > MAX_FAILURES_IN_A_ROW) {
                    decoderPosition = -1;
                    return null;
                }
                continue;
            }
            failures = 0;
            long pts = decoded.pts() != AV_NOPTS_VALUE ? decoded.pts() : decoded.best_effort_timestamp();
            int number = index.frameWithPts(pts);
            try {
                if (number < 0) {
                    if (pts > targetPts) {
                        return null;
                    }
                    continue;
                }
                if (number < decodingFrom) {
                    continue;
                }
                decoderPosition = number;
                if (number > target) {
                    return null;
                }
                frameBytes = FrameCache.sizeOf(decoded);
                if (number >= keepFrom) {
                    cache.put(number, decoded);
                }
                if (number == target) {
                    return convert(number, decoded);
                }
            } finally {
                av_frame_unref(decoded);
            }
        }
    }

    private DecodedFrame decodeFirstFrame() {
        if (readUpToKeyPacket() == AV_NOPTS_VALUE) {
            return null;
        }
        int failures = 0;
        while (true) {
            int result = avcodec_receive_frame(codec, decoded);
            if (result == AVERROR_EAGAIN()) {
                feedPacket();
            } else if (result == AVERROR_EOF() || (result < 0 && ++failures > MAX_FAILURES_IN_A_ROW)) {
                return null;
            } else if (result >= 0) {
                try {
                    long pts = decoded.pts() != AV_NOPTS_VALUE ? decoded.pts() : decoded.best_effort_timestamp();
                    return converter.convert(0, pts, decoded);
                } finally {
                    av_frame_unref(decoded);
                }
            }
        }
    }

    /** Sends the next packet of the video stream to the decoder, or the end-of-stream signal. */
    private void feedPacket() {
        if (endOfFile) {
            avcodec_send_packet(codec, null);
            return;
        }
        if (held.size() > 0) {
            codec.skip_frame(AVDISCARD_DEFAULT);
            avcodec_send_packet(codec, held);
            av_packet_unref(held);
            return;
        }
        while (true) {
            int result = av_read_frame(input.format, packet);
            if (result < 0) {
                endOfFile = true;
                avcodec_send_packet(codec, null);
                return;
            }
            try {
                if (packet.stream_index() == input.streamIndex) {
                    codec.skip_frame(packet.pts() != AV_NOPTS_VALUE && packet.pts() < skipBefore
                            ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
                    int sent = avcodec_send_packet(codec, packet);
                    // A damaged packet is skipped like FFmpeg's players do; the frame search decides.
                    if (sent < 0 && sent != AVERROR_EAGAIN()) {
                        continue;
                    }
                    return;
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private DecodedFrame convert(int number, AVFrame decoded) {
        return converter.convert(number, index.pts(number), decoded);
    }
}
