package org.frameproof.ui.main;

/**
 * How wide the side panes (cases on the left, annotations on the right) open: as the reviewer
 * last left them, or, the first time, a share of the window that still leaves the player room on
 * a 1366-pixel laptop. Never narrower than their controls need, never so wide that the player
 * would have less room than its controls need.
 */
record SidePaneWidths(double cases, double annotations) {
    static final double MIN_CASES = 200;
    static final double MIN_ANNOTATIONS = 260;
    /** Room for a picture worth reviewing; below this the transport bar's last buttons are cut, as on a small screen. */
    static final double MIN_PLAYER = 560;

    /** The widths to open with in a window {@code width} wide; a remembered width of NaN asks for the default. */
    static SidePaneWidths opening(double width, double rememberedCases, double rememberedAnnotations) {
        double cases = Double.isNaN(rememberedCases) ? clamp(width * 0.2, MIN_CASES, 320) : rememberedCases;
        double annotations = Double.isNaN(rememberedAnnotations) ? clamp(width * 0.22, MIN_ANNOTATIONS, 330)
                : rememberedAnnotations;
        cases = Math.max(MIN_CASES, cases);
        annotations = Math.max(MIN_ANNOTATIONS, annotations);
        double over = cases + annotations + MIN_PLAYER - width;
        if (over > 0) {
            // A window smaller than last time: both panes give way in proportion, down to their minimum.
            double share = cases / (cases + annotations);
            cases = Math.max(MIN_CASES, cases - over * share);
            annotations = Math.max(MIN_ANNOTATIONS, annotations - over * (1 - share));
        }
        return new SidePaneWidths(cases, annotations);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
