package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FORCE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXTERNAL;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.LoggerFactory;

/**
 * An FFmpeg I/O context that reads {@link SeekableBytes}: FFmpeg demuxes footage it cannot read
 * from disk itself (a vault copy decrypted on the fly) through these callbacks.
 *
 * <p>JavaCPP has room for only a few native thunks per callback class, so one read and one seek
 * callback serve every open input; each finds its input by the opaque pointer FFmpeg hands back.
 * The callbacks and the inputs stay strongly referenced: a collected one would crash the JVM.
 */
final class CallbackInput implements AutoCloseable {
    /** FFmpeg's own file protocol reads in blocks of this size too. */
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;

    private static final Map<Long, CallbackInput> OPEN = new ConcurrentHashMap<>();
    private static final Reader READER = new Reader();
    private static final Seeker SEEKER = new Seeker();

    private final SeekableBytes bytes;
    private final long size;
    /** A native byte whose address names this input to the callbacks. */
    private final BytePointer opaque = new BytePointer(1);
    private final byte[] transfer = new byte[BUFFER_BYTES];
    private final AVIOContext context;
    private long position;
    private volatile IOException failure;

    private CallbackInput(SeekableBytes bytes, long size) {
        this.bytes = bytes;
        this.size = size;
        OPEN.put(opaque.address(), this);
        BytePointer buffer = new BytePointer(av_malloc(BUFFER_BYTES)).capacity(BUFFER_BYTES);
        context = avio_alloc_context(buffer, BUFFER_BYTES, 0, opaque, READER, null, SEEKER);
    }

    /** Opens the source's bytes; the caller closes the input after FFmpeg's format context. */
    static CallbackInput open(SeekableBytes bytes) throws IOException {
        return new CallbackInput(bytes, bytes.size());
    }

    AVIOContext context() {
        return context;
    }

    long size() {
        return size;
    }

    /** Why the bytes could not be read, or null when every read succeeded. */
    IOException failure() {
        return failure;
    }

    @Override
    public void close() {
        OPEN.remove(opaque.address());
        // FFmpeg may have replaced the buffer given at allocation: free the one in use.
        av_free(context.buffer());
        context.buffer(null);
        avio_context_free(context);
        opaque.close();
        try {
            bytes.close();
        } catch (IOException e) {
            // Everything needed was read; a failing close loses nothing. The logger is looked up here,
            // as the probe's child process loads this class and should start no logging.
            LoggerFactory.getLogger(CallbackInput.class).warn("Closing the bytes FFmpeg read failed", e);
        }
    }

    private int read(BytePointer target, int length) {
        try {
            int read = bytes.read(position, transfer, 0, Math.min(length, transfer.length));
            if (read <= 0) {
                return AVERROR_EOF();
            }
            target.position(0).put(transfer, 0, read);
            position += read;
            return read;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            return AVERROR_EXTERNAL();
        }
    }

    private long seek(long offset, int whence) {
        int mode = whence & ~AVSEEK_FORCE;
        if (mode == AVSEEK_SIZE) {
            return size;
        }
        long target = switch (mode) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> position + offset;
            case SEEK_END -> size + offset;
            default -> -1;
        };
        if (target < 0) {
            return AVERROR_EXTERNAL();
        }
        position = target;
        return target;
    }

    private static final class Reader extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer target, int length) {
            CallbackInput input = OPEN.get(opaque.address());
            return input == null ? AVERROR_EXTERNAL() : input.read(target, length);
        }
    }

    private static final class Seeker extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            CallbackInput input = OPEN.get(opaque.address());
            return input == null ? AVERROR_EXTERNAL() : input.seek(offset, whence);
        }
    }
}
