package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.PointerPointer;
import org.frameproof.domain.UserFacingException;

/** An opened media file and its video stream, with FFmpeg's failures turned into reviewer's words. */
final class MediaInput implements AutoCloseable {
    static {
        // FFmpeg's own log lines would reach the reviewer's terminal; its failures reach them as messages.
        av_log_set_level(AV_LOG_QUIET);
    }

    final Path file;
    final AVFormatContext format;
    final AVStream stream;
    final int streamIndex;

    private MediaInput(Path file, AVFormatContext format, int streamIndex) {
        this.file = file;
        this.format = format;
        this.streamIndex = streamIndex;
        this.stream = format.streams(streamIndex);
    }

    static MediaInput open(Path file) throws UserFacingException {
        checkReadable(file);
        String name = file.getFileName().toString();
        AVFormatContext format = new AVFormatContext(null);
        int result = avformat_open_input(format, file.toAbsolutePath().toString(), null, null);
        if (result < 0) {
            throw new UserFacingException(name + ": not a video, or damaged: FFmpeg cannot read it (" + describe(result) + ")");
        }
        try {
            result = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (result < 0) {
                throw new UserFacingException(name + ": not a video: its streams cannot be read (" + describe(result) + ")");
            }
            int streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (streamIndex < 0 || isCoverArt(format.streams(streamIndex))) {
                throw new UserFacingException(name + ": not a video: no video stream");
            }
            return new MediaInput(file, format, streamIndex);
        } catch (UserFacingException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    /** The file's size in bytes, or -1 when FFmpeg cannot tell. */
    long byteSize() {
        return format.pb() == null ? -1 : avformat.avio_size(format.pb());
    }

    /** Bytes read so far. */
    long bytePosition() {
        return format.pb() == null ? 0 : avformat.avio_tell(format.pb());
    }

    @Override
    public void close() {
        avformat_close_input(format);
    }

    static void checkReadable(Path file) throws UserFacingException {
        if (!Files.exists(file)) {
            throw new UserFacingException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UserFacingException(file + ": is a folder, not a video");
        }
        if (!Files.isReadable(file)) {
            throw new UserFacingException(file + ": cannot be read (permission denied)");
        }
        try {
            if (Files.size(file) == 0) {
                throw new UserFacingException(file.getFileName() + ": the file is empty");
            }
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** FFmpeg's words for an error code, e.g. "Invalid data found when processing input". */
    static String describe(int errorCode) {
        byte[] buffer = new byte[256];
        av_strerror(errorCode, buffer, buffer.length);
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private static boolean isCoverArt(AVStream stream) {
        return (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
    }
}
