package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.Iterator;
import java.util.LinkedHashMap;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decoded frames by number as the decoder put them out (planar YUV, a reference to the decoder's
 * buffers, no copy), least recently used evicted first, never holding more bytes than its bound.
 * Converting to ARGB waits until a frame is asked for, so filling the cache on the way to a far
 * frame costs almost nothing. Confined to its decoder's thread.
 */
final class FrameCache implements AutoCloseable {
    private record Entry(AVFrame frame, long bytes) {
    }

    private final long boundBytes;
    private final LinkedHashMap<Integer, Entry> frames = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    FrameCache(long boundBytes) {
        this.boundBytes = boundBytes;
    }

    /** The decoded frame, or null. The cache keeps ownership. */
    AVFrame get(int frame) {
        Entry entry = frames.get(frame);
        return entry == null ? null : entry.frame();
    }

    /** How many frames of {@code frameBytes} each fit; at least 1, so the asked frame is always decoded. */
    int capacity(long frameBytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, boundBytes / Math.max(1, frameBytes)));
    }

    /** Keeps a new reference to {@code decoded} (the caller keeps its own) when it fits the bound. */
    void put(int number, AVFrame decoded) {
        long size = sizeOf(decoded);
        if (size > boundBytes) {
            return;
        }
        Entry replaced = frames.put(number, new Entry(av_frame_clone(decoded), size));
        if (replaced != null) {
            release(replaced);
        }
        bytes += size;
        Iterator<Entry> eldest = frames.values().iterator();
        while (bytes > boundBytes) {
            release(eldest.next());
            eldest.remove();
        }
    }

    long bytes() {
        return bytes;
    }

    /** The bytes of the buffers a decoded frame holds. */
    static long sizeOf(AVFrame frame) {
        long size = 0;
        for (int i = 0; i < AVFrame.AV_NUM_DATA_POINTERS && frame.buf(i) != null && !frame.buf(i).isNull(); i++) {
            size += frame.buf(i).size();
        }
        return size;
    }

    private void release(Entry entry) {
        bytes -= entry.bytes();
        av_frame_free(entry.frame());
    }

    @Override
    public void close() {
        frames.values().forEach(this::release);
        frames.clear();
    }
}
