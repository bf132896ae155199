package org.frameproof.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.effect.Blend;
import javafx.scene.effect.BlendMode;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.effect.Effect;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.effect.Light;
import javafx.scene.effect.Lighting;
import javafx.scene.paint.Color;
import org.frameproof.domain.Footage;

/**
 * How every picture of footage is shown, in one place: the player's picture, the filmstrip, the
 * cases tree and search results all ask here whether an item is veiled (flagged graphic and not
 * revealed in this session) and in which colours (grey by luminance when the reviewer chose grey).
 * FX thread.
 */
public final class PictureLook {
    /** ITU-R BT.709 luma weights: what the eye sees as brightness, so a red wound stays darker than a white shirt. */
    public static final double RED_WEIGHT = 0.2126;
    public static final double GREEN_WEIGHT = 0.7152;
    public static final double BLUE_WEIGHT = 0.0722;

    private final BooleanProperty grayscale = new SimpleBooleanProperty();
    private final ObservableSet<Long> revealed = FXCollections.observableSet();

    /** True while the item's pictures must not be shown plainly. */
    public boolean veiled(Footage item) {
        return item != null && item.flaggedGraphic() && !revealed.contains(item.id());
    }

    /** Shows the item's pictures as they are, everywhere, for the rest of the session. */
    public void reveal(Footage item) {
        revealed.add(item.id());
    }

    /** Shows every picture in shades of grey (a setting against fatigue). */
    public BooleanProperty grayscaleProperty() {
        return grayscale;
    }

    /** Changes whenever an item is revealed (what {@link #veiled} depends on besides the item). */
    public ObservableSet<Long> revealed() {
        return revealed;
    }

    /** The effect on a picture of {@code item}: blurred beyond recognition while veiled, grey when chosen. */
    public ObjectBinding<Effect> effect(Footage item, double blurRadius) {
        return Bindings.createObjectBinding(() -> effect(veiled(item), blurRadius), grayscale, revealed);
    }

    /** The effect on a picture that is veiled or not, in the colours chosen. */
    public Effect effect(boolean veiled, double blurRadius) {
        Effect grey = grayscale.get() ? luma() : null;
        if (veiled) {
            GaussianBlur blur = new GaussianBlur(blurRadius);
            blur.setInput(grey);
            return blur;
        }
        return grey;
    }

    /**
     * Grey by BT.709 luminance. JavaFX's own desaturation ({@code ColorAdjust} saturation -1) takes
     * the brightest channel, which turns pure red, green and blue alike to white; so each channel is
     * weighted on its own (a light of that weight's colour shining straight down on a flat surface
     * multiplies the picture by it), spread over all three channels, and the three are added.
     */
    public static Effect luma() {
        Blend redAndGreen = new Blend(BlendMode.ADD, channel(Color.color(RED_WEIGHT, 0, 0)),
                channel(Color.color(0, GREEN_WEIGHT, 0)));
        return new Blend(BlendMode.ADD, redAndGreen, channel(Color.color(0, 0, BLUE_WEIGHT)));
    }

    private static Effect channel(Color weight) {
        Light.Distant overhead = new Light.Distant(0, 90, weight);
        Lighting weighted = new Lighting(overhead);
        weighted.setSurfaceScale(0);
        weighted.setDiffuseConstant(1);
        weighted.setSpecularConstant(0);
        ColorAdjust spread = new ColorAdjust(0, -1, 0, 0);
        spread.setInput(weighted);
        return spread;
    }
}
