package org.frameproof.media;

/**
 * One frame exactly as displayed: rotation and sample aspect ratio applied.
 *
 * <p>{@code argb} holds {@code width * height} opaque pixels, row by row from the top-left, one
 * {@code int} per pixel as {@code 0xAARRGGBB} with alpha always 255. Opaque pixels are the same
 * premultiplied or not, so the array can be copied as is into a JavaFX
 * {@code PixelBuffer<IntBuffer>} made with {@code PixelFormat.getIntArgbPreInstance()}, or into a
 * {@code BufferedImage.TYPE_INT_ARGB}. Each call of {@link FrameDecoder#frame} returns a new array, which the caller owns.
 *
 * @param frame the frame number (0-based, presentation order)
 * @param pts the frame's own timestamp in stream ticks, equal to {@code FrameIndex.pts(frame)}
 */
public record DecodedFrame(int frame, long pts, int width, int height, int[] argb) {
    public DecodedFrame {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
        }
    }
}
