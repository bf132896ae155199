package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteOrder;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Turns decoded frames (any pixel format) into {@link DecodedFrame}s as displayed: the sample
 * aspect ratio and rotation of a {@link DisplayGeometry} applied. Reuses one native buffer, so it
 * is confined to one thread.
 */
final class FrameConverter implements AutoCloseable {
    private final DisplayGeometry geometry;
    private final BytePointer bgra;
    private final PointerPointer<BytePointer> bgraPlanes;
    private final IntPointer bgraStrides;
    private SwsContext scaler;

    FrameConverter(DisplayGeometry geometry) {
        this.geometry = geometry;
        long rowBytes = 4L * geometry.scaledWidth();
        this.bgra = new BytePointer(rowBytes * geometry.height());
        this.bgraPlanes = new PointerPointer<>(bgra, null, null, null);
        this.bgraStrides = new IntPointer((int) rowBytes, 0, 0, 0);
    }

    DecodedFrame convert(int number, long pts, AVFrame decoded) {
        int width = geometry.scaledWidth();
        int height = geometry.height();
        // Same size and 4:2:0 in (the usual case): swscale takes its unscaled YUV-to-RGB path whatever the flags.
        scaler = sws_getCachedContext(scaler, decoded.width(), decoded.height(), decoded.format(),
                width, height, AV_PIX_FMT_BGRA, SWS_BICUBIC, null, null, (DoublePointer) null);
        sws_scale(scaler, decoded.data(), decoded.linesize(), 0, decoded.height(), bgraPlanes, bgraStrides);
        int[] argb = new int[width * height];
        // BGRA bytes read as little-endian ints are 0xAARRGGBB.
        bgra.position(0).limit((long) width * height * 4).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer().get(argb);
        int[] shown = geometry.rotate(argb, width, height);
        return new DecodedFrame(number, pts, geometry.displayWidth(), geometry.displayHeight(), shown);
    }

    @Override
    public void close() {
        sws_freeContext(scaler);
        scaler = null;
        bgra.close();
        bgraPlanes.close();
        bgraStrides.close();
    }
}
