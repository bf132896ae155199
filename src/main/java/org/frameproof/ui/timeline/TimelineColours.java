package org.frameproof.ui.timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.frameproof.domain.AnnotationKind;

/**
 * The colours the timeline paints its canvas with, taken from the theme's style sheet like any
 * control's: each is a CSS property of the lanes, which the theme sets in its
 * {@code .timeline-lanes} rule (for instance {@code -fp-lane-injury: #c0392b;}); a change there
 * repaints the lanes.
 */
final class TimelineColours {
    /** The parts of the timeline that have a colour, each with its CSS property. */
    enum Part {
        BACKGROUND("-fp-lanes-background"),
        RULER("-fp-lanes-ruler"),
        TICK("-fp-lanes-tick"),
        TEXT("-fp-lanes-text"),
        FILMSTRIP("-fp-lanes-filmstrip"),
        /** Where a filmstrip picture is still being decoded. */
        PICTURE_PENDING("-fp-lanes-picture-pending"),
        PLAY_HEAD("-fp-lanes-play-head"),
        /** The cell of the frame under the play head, see-through. */
        PLAY_HEAD_CELL("-fp-lanes-play-head-cell"),
        RANGE("-fp-lanes-range"),
        /** The frames between the in and out marks, see-through. */
        RANGE_FILL("-fp-lanes-range-fill"),
        LANE("-fp-lane-background"),
        /** Every second lane, so that the lanes stay apart. */
        LANE_ALTERNATE("-fp-lane-background-alternate"),
        SELECTED_OUTLINE("-fp-lane-selected-outline"),
        INJURY("-fp-lane-injury"),
        LOCATION("-fp-lane-location"),
        UNIFORM("-fp-lane-uniform"),
        NOTE("-fp-lane-note"),
        /** The outline and glyph of a finding in conflict with revisions received in a bundle. */
        CONFLICT("-fp-lane-conflict");

        private final CssMetaData<TimelineLanes, Color> metaData;

        Part(String property) {
            // Grey is what a scene without a theme paints everything with: visible, and plainly not a theme's.
            metaData = new CssMetaData<>(property, ColorConverter.getInstance(), Color.GRAY, false) {
                @Override
                public boolean isSettable(TimelineLanes lanes) {
                    return !lanes.colours().properties.get(Part.this).isBound();
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(TimelineLanes lanes) {
                    return lanes.colours().properties.get(Part.this);
                }
            };
        }

        /** The CSS property a theme sets this colour with. */
        String property() {
            return metaData.getProperty();
        }

        static Part of(AnnotationKind kind) {
            return switch (kind) {
                case INJURY -> INJURY;
                case LOCATION -> LOCATION;
                case UNIFORM -> UNIFORM;
                case NOTE -> NOTE;
            };
        }
    }

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        for (Part part : Part.values()) {
            all.add(part.metaData);
        }
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private final Map<Part, StyleableObjectProperty<Color>> properties = new EnumMap<>(Part.class);

    /** @param changed what to do when the theme changes a colour (draw again) */
    TimelineColours(TimelineLanes lanes, Runnable changed) {
        for (Part part : Part.values()) {
            StyleableObjectProperty<Color> property = new SimpleStyleableObjectProperty<>(part.metaData, lanes,
                    part.property(), part.metaData.getInitialValue(lanes));
            property.addListener((observable, old, colour) -> changed.run());
            properties.put(part, property);
        }
    }

    /** The colour of {@code part} in the theme on screen. */
    Color of(Part part) {
        return properties.get(part).get();
    }

    Color of(AnnotationKind kind) {
        return of(Part.of(kind));
    }

    /** The lanes' CSS properties: a region's, and a colour for each part. */
    static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        return CSS_META_DATA;
    }
}
