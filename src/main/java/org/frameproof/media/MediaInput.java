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
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.PointerPointer;
import org.frameproof.domain.UserFacingException;
import org.slf4j.LoggerFactory;

/** An opened media file and its video stream, with FFmpeg's failures turned into reviewer's words. */
final class MediaInput implements AutoCloseable {
    static {
        // FFmpeg's own log lines would reach the reviewer's terminal; its failures reach them as messages.
        av_log_set_level(AV_LOG_QUIET);
    }

    /** What messages call the video. */
    final String name;
    final AVFormatContext format;
    final AVStream stream;
    final int streamIndex;
    /** The I/O callbacks FFmpeg reads through, or null when it reads a plain file itself. */
    private final CallbackInput callbacks;

    private MediaInput(String name, AVFormatContext format, int streamIndex, CallbackInput callbacks) {
        this.name = name;
        this.format = format;
        this.streamIndex = streamIndex;
        this.stream = format.streams(streamIndex);
        this.callbacks = callbacks;
    }

    static MediaInput open(Path file) throws UserFacingException {
        return open(MediaSource.of(file));
    }

    /** Opens a plain file with FFmpeg's own file access, other sources through I/O callbacks. */
    static MediaInput open(MediaSource source) throws UserFacingException {
        String name = source.name();
        AVFormatContext format;
        String url;
        CallbackInput callbacks = null;
        if (source.file().isPresent()) {
            Path file = source.file().get();
            checkReadable(file);
            format = new AVFormatContext(null);
            url = file.toString();
        } else {
            callbacks = openCallbacks(source);
            format = avformat.avformat_alloc_context();
            format.pb(callbacks.context());
            url = "";
        }
        int result = avformat_open_input(format, url, null, null);
        if (result < 0) {
            // On failure FFmpeg frees the format context, never the I/O context it was given.
            closeQuietly(callbacks);
            throw new UserFacingException(unreadable(name, callbacks)
                    .orElse(name + ": not a video, or damaged: FFmpeg cannot read it (" + describe(result) + ")"));
        }
        try {
            result = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (result < 0) {
                throw new UserFacingException(unreadable(name, callbacks)
                        .orElse(name + ": not a video: its streams cannot be read (" + describe(result) + ")"));
            }
            int streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (streamIndex < 0 || isCoverArt(format.streams(streamIndex))) {
                throw new UserFacingException(name + ": not a video: no video stream");
            }
            return new MediaInput(name, format, streamIndex, callbacks);
        } catch (UserFacingException e) {
            avformat_close_input(format);
            closeQuietly(callbacks);
            throw e;
        }
    }

    /**
     * Throws the reason the source's bytes could not be read, if they could not: FFmpeg takes a
     * failed read for the end of the file, which would pass damage off as a short video.
     */
    void checkRead() throws UserFacingException {
        Optional<String> reason = unreadable(name, callbacks);
        if (reason.isPresent()) {
            throw new UserFacingException(reason.get(), callbacks.failure());
        }
    }

    private static CallbackInput openCallbacks(MediaSource source) throws UserFacingException {
        SeekableBytes bytes = null;
        try {
            bytes = source.open();
            if (bytes.size() == 0) {
                bytes.close();
                throw new UserFacingException(source.name() + ": the file is empty");
            }
            return CallbackInput.open(bytes);
        } catch (IOException e) {
            closeQuietly(bytes);
            throw new UserFacingException(source.name() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<String> unreadable(String name, CallbackInput callbacks) {
        if (callbacks == null || callbacks.failure() == null) {
            return Optional.empty();
        }
        return Optional.of(name + ": cannot be read (" + callbacks.failure().getMessage() + ")");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing after a failure: the failure is what the reviewer needs to hear about. The logger
            // is looked up here, as the probe's child process loads this class and should start no logging.
            LoggerFactory.getLogger(MediaInput.class).debug("Closing a video's input after a failure failed too", e);
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
        closeQuietly(callbacks);
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
