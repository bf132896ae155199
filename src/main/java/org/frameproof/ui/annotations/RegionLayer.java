package org.frameproof.ui.annotations;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Region;
import org.frameproof.ui.player.FrameView;
import org.frameproof.ui.review.AnnotationSession;

/**
 * Regions drawn over the picture: those of the annotations that cover the frame on screen, on the
 * same picture pixels whatever the zoom and pan. In drawing mode a drag draws the selected
 * annotation's region (a rectangle, or an ellipse with Shift or in ellipse mode), kept in
 * displayed-frame pixels.
 */
public final class RegionLayer extends Pane {
    private final AnnotationSession session;
    private final FrameView frameView;
    private Point2D dragStart;
    private Shape dragShape;

    public RegionLayer(AnnotationSession session, FrameView frameView) {
        this.session = session;
        this.frameView = frameView;
        getStyleClass().add("region-layer");
        getStylesheets().add(AnnotationWorkspace.STYLESHEET);
        setPickOnBounds(true);
        mouseTransparentProperty().bind(session.drawingProperty().isNull());
        cursorProperty().bind(Bindings.when(session.drawingProperty().isNull())
                .then(Cursor.DEFAULT).otherwise(Cursor.CROSSHAIR));
        InvalidationListener redraw = observable -> redraw();
        frameView.pictureBoundsProperty().addListener(redraw);
        session.player().currentFrameProperty().addListener(redraw);
        session.annotations().addListener(redraw);
        session.selectedProperty().addListener(redraw);
        widthProperty().addListener(redraw);
        heightProperty().addListener(redraw);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::startDrag);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::endDrag);
    }

    private void redraw() {
        getChildren().clear();
        int frame = session.player().currentFrameProperty().get();
        Annotation selected = session.selectedProperty().get();
        for (Annotation annotation : session.annotations()) {
            if (annotation.region() != null && annotation.span().startFrame() <= frame && frame <= annotation.span().endFrame()) {
                Shape shape = shapeOf(annotation.region());
                shape.getStyleClass().addAll("annotation-region", "region-" + annotation.kind().code());
                if (selected != null && selected.id().equals(annotation.id())) {
                    shape.getStyleClass().add("selected-region");
                }
                getChildren().add(shape);
            }
        }
        if (dragShape != null) {
            getChildren().add(dragShape);
        }
    }

    /** The region's outline in this layer's coordinates. */
    private Shape shapeOf(Region region) {
        Point2D topLeft = toLayer(region.x(), region.y());
        Point2D bottomRight = toLayer(region.x() + region.width(), region.y() + region.height());
        return outline(region.shape(), topLeft, bottomRight);
    }

    private static Shape outline(Region.Shape kind, Point2D a, Point2D b) {
        double x = Math.min(a.getX(), b.getX());
        double y = Math.min(a.getY(), b.getY());
        double width = Math.abs(a.getX() - b.getX());
        double height = Math.abs(a.getY() - b.getY());
        Shape shape = kind == Region.Shape.ELLIPSE
                ? new Ellipse(x + width / 2, y + height / 2, width / 2, height / 2)
                : new Rectangle(x, y, width, height);
        shape.setMouseTransparent(true);
        return shape;
    }

    private Point2D toLayer(double frameX, double frameY) {
        Point2D view = frameView.frameToView(frameX, frameY);
        return sceneToLocal(frameView.localToScene(view));
    }

    private Point2D toFrame(double x, double y) {
        Point2D view = frameView.sceneToLocal(localToScene(x, y));
        return frameView.viewToFrame(view.getX(), view.getY());
    }

    private Region.Shape shapeFor(MouseEvent event) {
        return event.isShiftDown() ? Region.Shape.ELLIPSE : session.drawingProperty().get();
    }

    private void startDrag(MouseEvent event) {
        dragStart = new Point2D(event.getX(), event.getY());
        event.consume();
    }

    private void drag(MouseEvent event) {
        if (dragStart == null) {
            return;
        }
        dragShape = outline(shapeFor(event), dragStart, new Point2D(event.getX(), event.getY()));
        dragShape.getStyleClass().addAll("annotation-region", "drawing-region");
        redraw();
        event.consume();
    }

    private void endDrag(MouseEvent event) {
        Annotation selected = session.selectedProperty().get();
        Image picture = frameView.imageProperty().get();
        Point2D start = dragStart;
        dragStart = null;
        dragShape = null;
        event.consume();
        if (start == null || selected == null || picture == null) {
            redraw();
            return;
        }
        Point2D a = clamp(toFrame(start.getX(), start.getY()), picture);
        Point2D b = clamp(toFrame(event.getX(), event.getY()), picture);
        // Whole pixels, as a region is kept: the frame pixels nearest to where the drag began and ended.
        long left = Math.round(Math.min(a.getX(), b.getX()));
        long top = Math.round(Math.min(a.getY(), b.getY()));
        long width = Math.round(Math.max(a.getX(), b.getX())) - left;
        long height = Math.round(Math.max(a.getY(), b.getY())) - top;
        if (width < 1 || height < 1) {
            redraw();
            return;
        }
        session.setRegion(selected.id(), new Region(shapeFor(event), left, top, width, height));
        redraw();
    }

    private static Point2D clamp(Point2D point, Image picture) {
        return new Point2D(Math.max(0, Math.min(picture.getWidth(), point.getX())),
                Math.max(0, Math.min(picture.getHeight(), point.getY())));
    }
}
