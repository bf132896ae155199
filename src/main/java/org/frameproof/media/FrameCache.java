package org.frameproof.media;

import java.util.LinkedHashMap;

/** Decoded frames by number, least recently used evicted first, never holding more than its byte bound. */
final class FrameCache {
    private final long boundBytes;
    private final LinkedHashMap<Integer, DecodedFrame> frames = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    FrameCache(long boundBytes) {
        this.boundBytes = boundBytes;
    }

    DecodedFrame get(int frame) {
        return frames.get(frame);
    }

    /** How many frames of {@code frameBytes} each fit; at least 1, so the asked frame is always decoded. */
    int capacity(long frameBytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, boundBytes / Math.max(1, frameBytes)));
    }

    void put(DecodedFrame frame) {
        if (frame.sizeInBytes() > boundBytes) {
            return;
        }
        DecodedFrame replaced = frames.put(frame.frame(), frame);
        if (replaced != null) {
            bytes -= replaced.sizeInBytes();
        }
        bytes += frame.sizeInBytes();
        var eldest = frames.values().iterator();
        while (bytes > boundBytes) {
            bytes -= eldest.next().sizeInBytes();
            eldest.remove();
        }
    }

    long bytes() {
        return bytes;
    }
}
