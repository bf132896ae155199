package org.frameproof.exchange;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Frames drawn on demand, each carrying its own number as a row of 16 black-or-white blocks
 * (most significant bit first) along the top and as text, so a test can read back which frame a
 * still shows. Stand-in for decoded footage until the media engine and test clips are on main.
 */
final class PatternFrames implements FrameSource {
    static final int BITS = 16;
    private final int width;
    private final int height;

    PatternFrames(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public BufferedImage frame(ExportedFootage footage, int frame) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            // A gradient background makes every pixel position distinct, so crops can be compared exactly.
            for (int y = 0; y < height; y += 8) {
                graphics.setColor(new Color((y * 255) / height, (frame * 37) % 256, 128));
                graphics.fillRect(0, y, width, 8);
            }
            int block = width / BITS;
            for (int bit = 0; bit < BITS; bit++) {
                boolean set = (frame >> (BITS - 1 - bit) & 1) == 1;
                graphics.setColor(set ? Color.WHITE : Color.BLACK);
                graphics.fillRect(bit * block, 0, block, block / 2);
            }
            graphics.setColor(Color.WHITE);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 10));
            graphics.drawString("frame " + frame, width / 10, height / 2);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** The frame number a still shows, read from its blocks. */
    static int frameNumber(BufferedImage still) {
        int block = still.getWidth() / BITS;
        int number = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int rgb = still.getRGB(bit * block + block / 2, block / 4);
            int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            number = number << 1 | (brightness > 3 * 128 ? 1 : 0);
        }
        return number;
    }
}
