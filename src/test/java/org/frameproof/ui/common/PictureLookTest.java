package org.frameproof.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.effect.Effect;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.testing.FxWait;
import org.frameproof.testing.ScreenTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Grey by luminance on coloured bars, and which pictures are veiled. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class PictureLookTest {
    private static final int BAR = 20;
    /** Grey levels lost to 8-bit rounding at the effect's steps; far less than between any two bars' levels. */
    private static final int ROUNDING = 4;
    private static final Color[] BARS = {Color.RED, Color.LIME, Color.BLUE, Color.MAGENTA, Color.WHITE, Color.BLACK,
            Color.YELLOW, Color.CYAN};

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void colouredBarsTurnToTheirOwnBt709GreyLevels(FxRobot robot) {
        PixelReader grey = FxWait.onFx(() -> snapshot(PictureLook.luma())).getPixelReader();
        for (int bar = 0; bar < BARS.length; bar++) {
            Color colour = BARS[bar];
            int expected = (int) Math.round(255 * (PictureLook.RED_WEIGHT * colour.getRed()
                    + PictureLook.GREEN_WEIGHT * colour.getGreen() + PictureLook.BLUE_WEIGHT * colour.getBlue()));
            int argb = grey.getArgb(bar * BAR + BAR / 2, BAR / 2);
            int red = (argb >> 16) & 0xFF;
            int green = (argb >> 8) & 0xFF;
            int blue = argb & 0xFF;
            assertEquals(0xFF, argb >>> 24, colour + " stays opaque");
            assertEquals(red, green, colour + " comes out grey");
            assertEquals(red, blue, colour + " comes out grey");
            assertEquals(expected, red, ROUNDING, colour + " at its BT.709 luma");
        }
    }

    @Test
    void aGraphicItemIsVeiledUntilRevealedAndOthersNever() {
        FxWait.onFx(() -> {
            checkVeil();
            return null;
        });
    }

    private static void checkVeil() {
        PictureLook look = new PictureLook();
        Footage graphic = footage(7, true);
        Footage plain = footage(8, false);
        assertTrue(look.veiled(graphic));
        assertFalse(look.veiled(plain));
        assertFalse(look.veiled(null));
        var graphicEffect = look.effect(graphic, 12);
        assertTrue(graphicEffect.get() instanceof GaussianBlur);
        assertNull(look.effect(plain, 12).get());

        look.reveal(graphic);
        assertFalse(look.veiled(graphic));
        assertNull(graphicEffect.get(), "the item's pictures become sharp at once");
        look.grayscaleProperty().set(true);
        assertTrue(graphicEffect.get() != null && !(graphicEffect.get() instanceof GaussianBlur), "grey, not blurred");
    }

    private static Footage footage(long id, boolean graphic) {
        return new Footage(id, 1, "0".repeat(64), null, 1000, "clip.mp4", null, null, Instant.EPOCH, null, null, null,
                new Provenance(null, null, null, null, null, graphic, false), null, null, null, null, null, null);
    }

    private static WritableImage snapshot(Effect effect) {
        WritableImage bars = new WritableImage(BARS.length * BAR, BAR);
        for (int bar = 0; bar < BARS.length; bar++) {
            for (int x = 0; x < BAR; x++) {
                for (int y = 0; y < BAR; y++) {
                    bars.getPixelWriter().setColor(bar * BAR + x, y, BARS[bar]);
                }
            }
        }
        ImageView view = new ImageView(bars);
        view.setEffect(effect);
        return view.snapshot(new SnapshotParameters(), null);
    }
}
