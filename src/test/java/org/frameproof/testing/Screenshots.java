package org.frameproof.testing;

import static org.frameproof.testing.FxWait.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;

/** Saves what a screen test shows as a PNG under target/, for a person to look at. */
public final class Screenshots {
    private Screenshots() {
    }

    /** Writes {@code scene} as it is drawn now to {@code png}. */
    public static void save(Scene scene, Path png) throws Exception {
        Image shot = onFx(() -> scene.snapshot(null));
        int width = (int) shot.getWidth();
        int height = (int) shot.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[width * height];
        shot.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(png.getParent());
        ImageIO.write(image, "png", png.toFile());
    }
}
