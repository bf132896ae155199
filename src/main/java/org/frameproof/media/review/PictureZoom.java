package org.frameproof.media.review;

import org.frameproof.media.Playback;

/**
 * How far the picture is enlarged, and so how large playback has to draw: at most the device
 * pixels of the picture's area while the whole picture is shown, so a reduced picture does not
 * cost full-size copies and scaling on every frame; full size while zoomed in.
 */
final class PictureZoom {
    static final double MAX = 8;

    private final Playback playback;
    private double factor = 1;
    private int areaWidth;
    private int areaHeight;

    PictureZoom(Playback playback) {
        this.playback = playback;
    }

    double factor() {
        return factor;
    }

    /** The device pixels the picture area has now. */
    void area(double deviceWidth, double deviceHeight) {
        areaWidth = (int) Math.ceil(deviceWidth);
        areaHeight = (int) Math.ceil(deviceHeight);
        limitPlayback();
    }

    /** Multiplies the zoom, kept within 1x..{@value #MAX}x. */
    void by(double multiplier) {
        set(factor * multiplier);
    }

    void reset() {
        set(1);
    }

    private void set(double wanted) {
        factor = Math.max(1, Math.min(MAX, wanted));
        limitPlayback();
    }

    private void limitPlayback() {
        boolean zoomedIn = factor > 1;
        playback.limitPictureSize(zoomedIn ? 0 : areaWidth, zoomedIn ? 0 : areaHeight);
    }
}
