package org.frameproof.exchange;

import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's own WebVTT and SRT demuxers, as an independent reader of our subtitle exports: FFmpeg
 * probes the format itself and hands back each cue's time and text.
 */
final class FfmpegSubtitles {
    private FfmpegSubtitles() {
    }

    record Cue(long startMs, long endMs, String text) {
    }

    record Parsed(String demuxer, String codec, List<Cue> cues) {
    }

    static Parsed read(Path file) {
        AVFormatContext context = new AVFormatContext(null);
        int opened = avformat_open_input(context, file.toString(), null, null);
        if (opened < 0) {
            throw new AssertionError("FFmpeg cannot open " + file + ": error " + opened);
        }
        try {
            if (avformat_find_stream_info(context, (PointerPointer<?>) null) < 0) {
                throw new AssertionError("FFmpeg finds no stream in " + file);
            }
            AVStream stream = context.streams(0);
            AVRational timeBase = stream.time_base();
            List<Cue> cues = new ArrayList<>();
            AVPacket packet = avcodec.av_packet_alloc();
            try {
                while (av_read_frame(context, packet) >= 0) {
                    byte[] data = new byte[packet.size()];
                    packet.data().get(data);
                    long start = avutil.av_rescale_q(packet.pts(), timeBase, avutil.av_make_q(1, 1000));
                    long duration = avutil.av_rescale_q(packet.duration(), timeBase, avutil.av_make_q(1, 1000));
                    cues.add(new Cue(start, start + duration, new String(data, StandardCharsets.UTF_8)));
                    avcodec.av_packet_unref(packet);
                }
            } finally {
                avcodec.av_packet_free(packet);
            }
            return new Parsed(context.iformat().name().getString(),
                    avcodec.avcodec_get_name(stream.codecpar().codec_id()).getString(), cues);
        } finally {
            avformat_close_input(context);
        }
    }
}
