package org.frameproof.domain;

/**
 * A shape drawn on the frame, in pixels of the frame as displayed (upright, full resolution), so
 * zoom, rotation and export keep it on the same pixels.
 */
public record Region(Shape shape, double x, double y, double width, double height) {
    /** The outline of a region. */
    public enum Shape { RECTANGLE, ELLIPSE }

    public Region {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A region needs a positive width and height");
        }
    }
}
