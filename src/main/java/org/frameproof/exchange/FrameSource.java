package org.frameproof.exchange;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import org.frameproof.domain.UserFacingException;

/**
 * The exact frames that reports and stills show. The application answers with FFmpeg's decoder
 * ({@code media.FrameDecoder}), so a still is the very frame its annotation names.
 */
public interface FrameSource {
    /**
     * Frame {@code frame} (0-based, presentation order) of the footage as displayed, at full
     * resolution.
     *
     * @throws UserFacingException when the file is missing or damaged at that frame
     */
    BufferedImage frame(ExportedFootage footage, int frame) throws UserFacingException;

    /**
     * Wraps opaque {@code 0xAARRGGBB} pixels (as {@code media.DecodedFrame} holds them) as an
     * image without copying them; the image must then be treated as read-only. It is an RGB
     * image (the alpha byte is ignored): frames are opaque, and Java 2D scales and encodes RGB
     * faster, and PNGs of it carry no needless alpha channel.
     */
    static BufferedImage image(int width, int height, int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
        }
        DirectColorModel model = new DirectColorModel(24, 0x00ff0000, 0x0000ff00, 0x000000ff);
        SinglePixelPackedSampleModel sampleModel = new SinglePixelPackedSampleModel(
                java.awt.image.DataBuffer.TYPE_INT, width, height, model.getMasks());
        WritableRaster raster = Raster.createWritableRaster(sampleModel, new DataBufferInt(argb, argb.length), null);
        return new BufferedImage(model, raster, false, null);
    }
}
