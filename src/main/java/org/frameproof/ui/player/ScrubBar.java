package org.frameproof.ui.player;

import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The footage's time span as a bar with the play head on it: click or drag to scrub. Positions
 * are fractions (0..1) of the span from the first frame's time to the last's.
 */
public final class ScrubBar extends Region {
    private static final double HEAD_WIDTH = 3;

    private final DoubleProperty position = new SimpleDoubleProperty();
    private final DoubleProperty loopStart = new SimpleDoubleProperty(-1);
    private final DoubleProperty loopEnd = new SimpleDoubleProperty(-1);
    private final Rectangle track = new Rectangle();
    private final Rectangle loop = new Rectangle();
    private final Rectangle head = new Rectangle();
    private DoubleConsumer onScrub = fraction -> { };

    public ScrubBar() {
        getStyleClass().add("scrub-bar");
        track.getStyleClass().add("scrub-track");
        loop.getStyleClass().add("scrub-loop");
        head.getStyleClass().add("scrub-head");
        getChildren().addAll(track, loop, head);
        position.addListener(observable -> requestLayout());
        loopStart.addListener(observable -> requestLayout());
        loopEnd.addListener(observable -> requestLayout());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::scrub);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::scrub);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::scrub);
    }

    /** Receives the fraction under the pointer on press, on every drag, and on release. */
    public void setOnScrub(DoubleConsumer onScrub) {
        this.onScrub = onScrub;
    }

    public DoubleProperty positionProperty() {
        return position;
    }

    /** Start of the looped range as a fraction, -1 for none. */
    public DoubleProperty loopStartProperty() {
        return loopStart;
    }

    public DoubleProperty loopEndProperty() {
        return loopEnd;
    }

    /** The fraction at an x position in this bar's coordinates. */
    public double fractionAt(double x) {
        double usable = getWidth() - snappedLeftInset() - snappedRightInset();
        return usable <= 0 ? 0 : Math.max(0, Math.min(1, (x - snappedLeftInset()) / usable));
    }

    private void scrub(MouseEvent event) {
        onScrub.accept(fractionAt(event.getX()));
        event.consume();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        track.setX(left);
        track.setY(top + height / 2 - 3);
        track.setWidth(width);
        track.setHeight(6);
        boolean looped = loopStart.get() >= 0 && loopEnd.get() > loopStart.get();
        loop.setVisible(looped);
        if (looped) {
            loop.setX(left + loopStart.get() * width);
            loop.setY(top);
            loop.setWidth((loopEnd.get() - loopStart.get()) * width);
            loop.setHeight(height);
        }
        head.setX(left + position.get() * width - HEAD_WIDTH / 2);
        head.setY(top);
        head.setWidth(HEAD_WIDTH);
        head.setHeight(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return 32;
    }
}
