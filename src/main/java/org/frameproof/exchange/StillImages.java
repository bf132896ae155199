package org.frameproof.exchange;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.frameproof.domain.Region;

/** Frames as reports print them: scaled, blurred, with the annotation's region drawn. */
final class StillImages {
    /** How far a graphic still is shrunk before it is enlarged again: 1/40 leaves only blotches of colour. */
    private static final int BLUR_FACTOR = 40;

    private StillImages() {
    }

    /**
     * The frame scaled to at most {@code maxWidth} pixels wide (never enlarged), as RGB, with the
     * region outlined: yellow over a black edge, visible on light and dark footage.
     */
    static BufferedImage overview(BufferedImage frame, Region region, int maxWidth, boolean blur) {
        double scale = Math.min(1.0, maxWidth / (double) frame.getWidth());
        int width = Math.max(1, (int) Math.round(frame.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(frame.getHeight() * scale));
        BufferedImage source = blur ? blurred(frame) : frame;
        // Bytes in the order the JPEG writer takes them: it copies other layouts pixel by pixel, slowly.
        BufferedImage overview = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = overview.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, width, height, null);
            if (region != null) {
                graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                Shape outline = outline(region, scale);
                float line = Math.max(2f, width / 320f);
                graphics.setStroke(new BasicStroke(line * 2));
                graphics.setColor(Color.BLACK);
                graphics.draw(outline);
                graphics.setStroke(new BasicStroke(line));
                graphics.setColor(Color.YELLOW);
                graphics.draw(outline);
            }
        } finally {
            graphics.dispose();
        }
        return overview;
    }

    /** Baseline JPEG at {@code quality} (0..1), as reports embed their overview stills. */
    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The region's bounding box at full resolution, clipped to the frame; null if it lies outside. */
    static BufferedImage crop(BufferedImage frame, Region region, boolean blur) {
        int x = (int) Math.max(0, Math.floor(region.x()));
        int y = (int) Math.max(0, Math.floor(region.y()));
        int right = (int) Math.min(frame.getWidth(), Math.ceil(region.x() + region.width()));
        int bottom = (int) Math.min(frame.getHeight(), Math.ceil(region.y() + region.height()));
        if (right <= x || bottom <= y) {
            return null;
        }
        BufferedImage crop = new BufferedImage(right - x, bottom - y, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = crop.createGraphics();
        try {
            graphics.drawImage(frame.getSubimage(x, y, right - x, bottom - y), 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return blur ? blurred(crop) : crop;
    }

    /** Shrunk to a few blotches and enlarged again: shapes and colours remain, nothing recognisable. */
    static BufferedImage blurred(BufferedImage image) {
        int smallWidth = Math.max(1, image.getWidth() / BLUR_FACTOR);
        int smallHeight = Math.max(1, image.getHeight() / BLUR_FACTOR);
        BufferedImage small = new BufferedImage(smallWidth, smallHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D shrink = small.createGraphics();
        shrink.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        shrink.drawImage(image, 0, 0, smallWidth, smallHeight, null);
        shrink.dispose();
        BufferedImage blurred = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D enlarge = blurred.createGraphics();
        enlarge.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        enlarge.drawImage(small, 0, 0, image.getWidth(), image.getHeight(), null);
        enlarge.dispose();
        return blurred;
    }

    private static Shape outline(Region region, double scale) {
        double x = region.x() * scale;
        double y = region.y() * scale;
        double width = region.width() * scale;
        double height = region.height() * scale;
        return region.shape() == Region.Shape.ELLIPSE ? new Ellipse2D.Double(x, y, width, height)
                : new Rectangle2D.Double(x, y, width, height);
    }
}
