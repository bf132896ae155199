package org.frameproof.ui.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.ReviewState;
import org.frameproof.ui.common.PictureLook;
import org.frameproof.ui.review.StateGlyph;
import org.frameproof.ui.timeline.TimelineColours.Part;

/**
 * The annotation lanes under the video: a ruler of frames, a filmstrip of thumbnails, one lane per kind with points as ticks
 * and ranges as bars, the play head and the in/out marks. Zooms (Ctrl+wheel, or
 * {@link #setFramesPerPixel}) from the whole clip down to single frames, scrolls with the wheel,
 * and draws only what is visible: annotations are kept sorted by start per lane, so a redraw costs
 * the visible ones (plus ranges that reach into view), not all of them.
 */
public final class TimelineLanes extends Region {
    static final double GUTTER = 74;
    static final double RULER = 18;
    static final double FILMSTRIP = Filmstrip.HEIGHT + 4;
    /** Where the first lane starts: under the ruler and the filmstrip. */
    static final double LANES_TOP = RULER + FILMSTRIP;
    static final double LANE = 18;
    /** How wide an annotation's bar must be to carry its review state's glyph. */
    private static final double STATE_GLYPH_ROOM = 14;
    /** Up to this many frames per thumbnail the strip shows exact frames; beyond, the key frames (cheap to decode). */
    private static final double EXACT_FRAMES_PER_PICTURE = 30;
    private static final double EDGE_GRAB = 4;
    private static final double MIN_FRAMES_PER_PIXEL = 1 / 24.0;

    /** What the reviewer did on the lanes. */
    public interface Listener {
        void seek(int frame);

        void select(Annotation annotation);

        void retime(Annotation annotation, int startFrame, int endFrame);
    }

    private final Canvas canvas = new Canvas();
    private final TimelineColours colours = new TimelineColours(this, this::redraw);
    private final Map<AnnotationKind, Lane> lanes = new EnumMap<>(AnnotationKind.class);
    private Listener listener;
    private Filmstrip filmstrip;
    private boolean picturesHidden;
    private boolean picturesGrey;
    private int frameCount;
    private double firstFrame;
    private double framesPerPixel = 1;
    /** True while the whole clip is shown, so a resize keeps showing all of it. */
    private boolean wholeClip = true;
    private int playHead = -1;
    private int inFrame = -1;
    private int outFrame = -1;
    private String selectedId;
    /** The ids of the findings in conflict with revisions received in a bundle. */
    private Set<String> inConflict = Set.of();
    // An edge being dragged: the annotation, which edge, and where it is now.
    private Annotation dragged;
    private boolean draggingStart;
    private int dragFrame;

    public TimelineLanes() {
        getStyleClass().add("timeline-lanes");
        getChildren().add(canvas);
        for (AnnotationKind kind : AnnotationKind.values()) {
            lanes.put(kind, new Lane());
        }
        setMinHeight(LANES_TOP + LANE * AnnotationKind.values().length + 2);
        setPrefHeight(getMinHeight());
        addEventHandler(ScrollEvent.SCROLL, this::wheel);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
    }

    TimelineColours colours() {
        return colours;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return TimelineColours.cssMetaData();
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Where the filmstrip's pictures come from (none: an empty strip). */
    void setFilmstrip(Filmstrip pictures) {
        filmstrip = pictures;
        redraw();
    }

    /** Hides the filmstrip's pictures (graphic footage under its veil), or shows them in grey. */
    public void setPictures(boolean hidden, boolean grey) {
        picturesHidden = hidden;
        picturesGrey = grey;
        redraw();
    }

    /** A new clip: shows all of it. */
    public void setFrameCount(int frames) {
        frameCount = frames;
        showWholeClip();
    }

    public void showWholeClip() {
        firstFrame = 0;
        framesPerPixel = wholeClipFramesPerPixel();
        wholeClip = true;
        redraw();
    }

    private double wholeClipFramesPerPixel() {
        return Math.max(MIN_FRAMES_PER_PIXEL, frameCount / trackWidth());
    }

    /** The annotations to draw (any order). */
    public void setAnnotations(List<Annotation> annotations) {
        lanes.values().forEach(lane -> lane.items.clear());
        for (Annotation annotation : annotations) {
            lanes.get(annotation.kind()).items.add(annotation);
        }
        lanes.values().forEach(Lane::sort);
        redraw();
    }

    /** Takes {@code removed} out (by id) and draws {@code added} too. */
    public void changeAnnotations(List<? extends Annotation> removed, List<? extends Annotation> added) {
        for (Annotation gone : removed) {
            lanes.get(gone.kind()).items.removeIf(annotation -> annotation.id().equals(gone.id()));
        }
        for (Annotation annotation : added) {
            lanes.get(annotation.kind()).insert(annotation);
        }
        redraw();
    }

    /** Marks the findings of {@code ids} as in conflict (and no others). */
    public void setInConflict(Set<String> ids) {
        inConflict = Set.copyOf(ids);
        redraw();
    }

    public void setSelectedId(String id) {
        selectedId = id;
        redraw();
    }

    /** Moves the play head, scrolling so that it stays in view. */
    public void setPlayHead(int frame) {
        playHead = frame;
        double visible = trackWidth() * framesPerPixel;
        if (frame >= 0 && (frame < firstFrame || frame > firstFrame + visible)) {
            firstFrame = clampFirst(frame - visible * 0.1);
        }
        redraw();
    }

    public void setRange(int in, int out) {
        inFrame = in;
        outFrame = out;
        redraw();
    }

    /** Frames per screen pixel: large shows the whole clip, below 1 shows every frame as a cell. */
    public void setFramesPerPixel(double value, double anchorX) {
        double anchorFrame = frameAt(anchorX);
        double whole = wholeClipFramesPerPixel();
        framesPerPixel = Math.max(MIN_FRAMES_PER_PIXEL, Math.min(whole, value));
        wholeClip = framesPerPixel >= whole;
        firstFrame = clampFirst(anchorFrame - (anchorX - GUTTER) * framesPerPixel);
        redraw();
    }

    public double getFramesPerPixel() {
        return framesPerPixel;
    }

    /** The frame under x (fractional), in this control's coordinates. */
    public double frameAt(double x) {
        return firstFrame + (x - GUTTER) * framesPerPixel;
    }

    /** Where a frame's cell starts, in this control's coordinates. */
    public double xOf(double frame) {
        return GUTTER + (frame - firstFrame) / framesPerPixel;
    }

    /** The lane's vertical centre, for tests and hit-testing. */
    public static double laneCentre(AnnotationKind kind) {
        return LANES_TOP + LANE * kind.ordinal() + LANE / 2;
    }

    private double trackWidth() {
        return Math.max(1, getWidth() - GUTTER);
    }

    private double clampFirst(double frame) {
        double visible = trackWidth() * framesPerPixel;
        return Math.max(0, Math.min(Math.max(0, frameCount - visible), frame));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (wholeClip) {
            framesPerPixel = wholeClipFramesPerPixel();
            firstFrame = 0;
        }
        draw();
    }

    // ---- drawing

    /**
     * Draws again in the next pulse's layout pass: a save changes the annotations, the selection
     * and the range one after another, and with a hundred thousand annotations each drawing costs.
     */
    private void redraw() {
        requestLayout();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(colours.of(Part.BACKGROUND));
        g.fillRect(0, 0, width, height);
        if (frameCount <= 0 || width <= GUTTER) {
            return;
        }
        double lastVisible = frameAt(width);
        drawRuler(g, width, lastVisible);
        drawFilmstrip(g, width);
        drawRange(g, height);
        for (AnnotationKind kind : AnnotationKind.values()) {
            drawLane(g, kind, width, lastVisible);
        }
        if (playHead >= 0) {
            double x = xOf(playHead);
            double cell = Math.max(1, 1 / framesPerPixel);
            g.setFill(colours.of(Part.PLAY_HEAD_CELL));
            g.fillRect(x, 0, cell, height);
            g.setStroke(colours.of(Part.PLAY_HEAD));
            g.setLineWidth(1.5);
            g.strokeLine(x + cell / 2, 0, x + cell / 2, height);
        }
    }

    private void drawRuler(GraphicsContext g, double width, double lastVisible) {
        g.setFill(colours.of(Part.RULER));
        g.fillRect(GUTTER, 0, width - GUTTER, RULER);
        // Ticks every 1, 2, 5, 10, ... frames, at least 6 pixels apart; labels at least 60 apart.
        long tick = niceStep(6 * framesPerPixel);
        long label = niceStep(60 * framesPerPixel);
        g.setStroke(colours.of(Part.TICK));
        g.setLineWidth(1);
        g.setFill(colours.of(Part.TEXT));
        g.setFont(Font.font(10));
        for (long frame = (long) Math.ceil(firstFrame / tick) * tick; frame <= lastVisible && frame < frameCount; frame += tick) {
            double x = Math.floor(xOf(frame)) + 0.5;
            boolean labelled = frame % label == 0;
            g.strokeLine(x, labelled ? 4 : RULER - 5, x, RULER);
            if (labelled) {
                g.fillText(Long.toString(frame), x + 2, 10);
            }
        }
        g.setFill(colours.of(Part.TEXT));
        g.fillText("frames", 6, 12);
    }

    /**
     * The filmstrip: each picture starts where its own frame lies. Zoomed in, the frames at each
     * picture's place; zoomed out, the key frames that fall in each place (others are skipped).
     */
    private void drawFilmstrip(GraphicsContext g, double width) {
        g.setFill(colours.of(Part.FILMSTRIP));
        g.fillRect(0, RULER, width, FILMSTRIP);
        g.setFill(colours.of(Part.TEXT));
        g.setFont(Font.font(10));
        g.fillText("pictures", 6, RULER + FILMSTRIP / 2 + 4);
        FrameIndex index = filmstrip == null ? null : filmstrip.index();
        if (index == null || index.frameCount() != frameCount) {
            return;
        }
        if (picturesHidden) {
            g.fillText("hidden: graphic footage", GUTTER + 8, RULER + FILMSTRIP / 2 + 4);
            return;
        }
        double slot = Filmstrip.WIDTH + 2;
        boolean keyFramesOnly = slot * framesPerPixel > EXACT_FRAMES_PER_PICTURE;
        List<Integer> shown = new ArrayList<>();
        g.save();
        g.beginPath();
        g.rect(GUTTER, RULER, width - GUTTER, FILMSTRIP);
        g.clip();
        if (picturesGrey) {
            g.setEffect(PictureLook.luma());
        }
        if (keyFramesOnly) {
            double free = Double.NEGATIVE_INFINITY;
            for (double x = GUTTER; x < width; x += slot) {
                int frame = (int) Math.floor(frameAt(x));
                if (frame >= frameCount) {
                    break;
                }
                int key = index.keyFrameAtOrBefore((int) Math.min(frameCount - 1, Math.floor(frameAt(x + slot) - 1e-9)));
                if (key >= frame && xOf(key) >= free) {
                    free = xOf(key) + slot;
                    shown.add(key);
                }
            }
        } else {
            // Every n-th frame, n fixed by the zoom: the pictures stay on their frames while the view pans.
            int step = (int) Math.ceil(slot * framesPerPixel);
            for (int frame = (int) Math.floor(firstFrame / step) * step; frame < frameCount && xOf(frame) < width; frame += step) {
                shown.add(frame);
            }
        }
        for (int frame : shown) {
            Image picture = filmstrip.picture(frame);
            if (picture != null) {
                g.drawImage(picture, xOf(frame), RULER + 2);
            } else {
                g.setFill(colours.of(Part.PICTURE_PENDING));
                g.fillRect(xOf(frame), RULER + 2, Filmstrip.WIDTH, Filmstrip.HEIGHT);
            }
        }
        g.restore();
        filmstrip.want(shown.stream().mapToInt(Integer::intValue).toArray());
    }

    private static long niceStep(double atLeast) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (step * factor >= atLeast) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private void drawRange(GraphicsContext g, double height) {
        if (inFrame < 0 && outFrame < 0) {
            return;
        }
        double cell = 1 / framesPerPixel;
        if (inFrame >= 0 && outFrame >= 0) {
            g.setFill(colours.of(Part.RANGE_FILL));
            g.fillRect(xOf(inFrame), RULER, xOf(outFrame) - xOf(inFrame) + cell, height - RULER);
        }
        g.setStroke(colours.of(Part.RANGE));
        g.setLineWidth(2);
        g.setFill(colours.of(Part.RANGE));
        if (inFrame >= 0) {
            double x = xOf(inFrame);
            g.strokeLine(x, 0, x, height);
            g.fillText("I", x + 3, RULER - 4);
        }
        if (outFrame >= 0) {
            double x = xOf(outFrame) + Math.max(1, cell);
            g.strokeLine(x, 0, x, height);
            g.fillText("O", x - 10, RULER - 4);
        }
    }

    private void drawLane(GraphicsContext g, AnnotationKind kind, double width, double lastVisible) {
        double top = LANES_TOP + LANE * kind.ordinal();
        g.setFill(colours.of(kind.ordinal() % 2 == 0 ? Part.LANE : Part.LANE_ALTERNATE));
        g.fillRect(0, top, width, LANE);
        g.setFill(colours.of(Part.TEXT));
        g.setFont(Font.font(11));
        g.fillText(kind.code(), 6, top + LANE - 5);
        Color colour = colours.of(kind);
        Lane lane = lanes.get(kind);
        double cell = 1 / framesPerPixel;
        double lastX = Double.NEGATIVE_INFINITY;
        for (int i = lane.firstReaching(firstFrame); i < lane.items.size(); i++) {
            Annotation annotation = lane.items.get(i);
            int start = annotation.span().startFrame();
            int end = annotation.span().endFrame();
            if (annotation == dragged) {
                start = draggingStart ? Math.min(dragFrame, end) : start;
                end = draggingStart ? end : Math.max(dragFrame, start);
            }
            if (start > lastVisible) {
                break;
            }
            if (end + 1 < firstFrame) {
                continue;
            }
            double x = Math.max(GUTTER, xOf(start));
            double right = Math.min(width, xOf(end) + Math.max(cell, 2));
            boolean selected = annotation.id().equals(selectedId);
            boolean conflict = inConflict.contains(annotation.id());
            // Many annotations in one pixel column draw once: the cost follows pixels, not annotations.
            if (!selected && !conflict && right - x <= 2 && Math.floor(x) == Math.floor(lastX)) {
                continue;
            }
            lastX = x;
            ReviewState state = annotation.status().state();
            Color fill = selected ? colour.brighter().brighter() : colour;
            // A draft is drawn hollow, so what is not yet submitted stands apart from what is.
            if (state == ReviewState.DRAFT) {
                g.setStroke(fill);
                g.setLineWidth(2); // on whole pixels: the outline is the kind's colour itself, not a blend
                g.strokeRect(x + 1, top + 4, Math.max(0, right - x - 2), LANE - 8);
            } else {
                g.setFill(fill);
                g.fillRect(x, top + 3, Math.max(2, right - x), LANE - 6);
            }
            if (conflict) {
                // Outlined in the conflict's colour, so it shows on a bar too narrow for its glyph.
                g.setStroke(colours.of(Part.CONFLICT));
                g.setLineWidth(2);
                g.strokeRect(x + 1, top + 4, Math.max(0, right - x - 2), LANE - 8);
            }
            if (right - x >= STATE_GLYPH_ROOM) {
                g.setFill(colours.of(Part.TEXT));
                g.fillText(StateGlyph.of(state), x + 2, top + LANE - 6);
                if (conflict && right - x >= 2 * STATE_GLYPH_ROOM) {
                    g.setFill(colours.of(Part.CONFLICT));
                    g.fillText(StateGlyph.CONFLICT, x + 2 + STATE_GLYPH_ROOM, top + LANE - 6);
                }
            }
            if (selected) {
                g.setStroke(colours.of(Part.SELECTED_OUTLINE));
                g.setLineWidth(1.5);
                g.strokeRect(x, top + 2, Math.max(2, right - x), LANE - 4);
            }
        }
    }

    // ---- mouse

    private void wheel(ScrollEvent event) {
        if (event.getDeltaY() == 0 && event.getDeltaX() == 0) {
            return;
        }
        if (event.isControlDown()) {
            setFramesPerPixel(framesPerPixel * (event.getDeltaY() > 0 ? 1 / 1.25 : 1.25), Math.max(GUTTER, event.getX()));
        } else {
            double delta = event.getDeltaX() != 0 ? event.getDeltaX() : event.getDeltaY();
            firstFrame = clampFirst(firstFrame - delta * framesPerPixel);
            redraw();
        }
        event.consume();
    }

    private void press(MouseEvent event) {
        if (event.getX() < GUTTER || listener == null) {
            return;
        }
        int frame = (int) Math.floor(frameAt(event.getX()));
        Annotation hit = annotationAt(event.getX(), event.getY());
        if (hit != null) {
            double startX = xOf(hit.span().startFrame());
            double endX = xOf(hit.span().endFrame() + 1);
            boolean nearStart = Math.abs(event.getX() - startX) <= EDGE_GRAB;
            boolean nearEnd = Math.abs(event.getX() - endX) <= EDGE_GRAB;
            if (!hit.span().isPoint() && (nearStart || nearEnd)) {
                dragged = hit;
                draggingStart = nearStart && !nearEnd || nearStart && event.getX() < (startX + endX) / 2;
                dragFrame = draggingStart ? hit.span().startFrame() : hit.span().endFrame();
            }
            listener.select(hit);
            if (dragged == null) {
                listener.seek(hit.span().startFrame());
            }
        } else {
            listener.seek(Math.max(0, Math.min(frameCount - 1, frame)));
        }
        event.consume();
    }

    private void drag(MouseEvent event) {
        if (dragged != null) {
            // The edge snaps to whole frames: the end edge lies after its frame's cell.
            double frame = frameAt(event.getX());
            dragFrame = (int) Math.max(0, Math.min(frameCount - 1, draggingStart ? Math.round(frame) : Math.round(frame) - 1));
            redraw();
        } else if (event.getX() >= GUTTER && listener != null && event.getY() < LANES_TOP) {
            listener.seek((int) Math.max(0, Math.min(frameCount - 1, Math.floor(frameAt(event.getX())))));
        }
        event.consume();
    }

    private void release(MouseEvent event) {
        Annotation moved = dragged;
        dragged = null;
        if (moved != null && listener != null) {
            int start = draggingStart ? Math.min(dragFrame, moved.span().endFrame()) : moved.span().startFrame();
            int end = draggingStart ? moved.span().endFrame() : Math.max(dragFrame, moved.span().startFrame());
            if (start != moved.span().startFrame() || end != moved.span().endFrame()) {
                listener.retime(moved, start, end);
            }
        }
        redraw();
    }

    /** The annotation drawn under a point, the selected one first when they overlap. */
    Annotation annotationAt(double x, double y) {
        int laneIndex = (int) Math.floor((y - LANES_TOP) / LANE);
        if (y < LANES_TOP || laneIndex >= AnnotationKind.values().length) {
            return null;
        }
        Lane lane = lanes.get(AnnotationKind.values()[laneIndex]);
        double slack = EDGE_GRAB * framesPerPixel;
        double frame = frameAt(x);
        Annotation found = null;
        for (int i = lane.firstReaching(frame - slack); i < lane.items.size(); i++) {
            Annotation annotation = lane.items.get(i);
            if (annotation.span().startFrame() > frame + slack) {
                break;
            }
            if (annotation.span().endFrame() + 1 + slack >= frame) {
                if (annotation.id().equals(selectedId)) {
                    return annotation;
                }
                found = found == null ? annotation : found;
            }
        }
        return found;
    }

    /** One kind's annotations by start frame, with the longest span so a search can start early enough. */
    private static final class Lane {
        final List<Annotation> items = new ArrayList<>();
        int longest;

        void sort() {
            items.sort(Comparator.comparingInt((Annotation a) -> a.span().startFrame()));
            longest = items.stream().mapToInt(a -> a.span().endFrame() - a.span().startFrame()).max().orElse(0);
        }

        /** Puts {@code annotation} in its place by start frame. ({@link #longest} only grows: as a bound it stays right.) */
        void insert(Annotation annotation) {
            int start = annotation.span().startFrame();
            int at = firstReaching(start + longest + 1);
            while (at < items.size() && items.get(at).span().startFrame() <= start) {
                at++;
            }
            items.add(at, annotation);
            longest = Math.max(longest, annotation.span().endFrame() - start);
        }

        /** The first index whose annotation may reach {@code frame}: starts no earlier than frame - longest. */
        int firstReaching(double frame) {
            double from = frame - longest - 1;
            int low = 0;
            int high = items.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (items.get(middle).span().startFrame() < from) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
