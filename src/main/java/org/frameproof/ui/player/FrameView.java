package org.frameproof.ui.player;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The video picture fitted into its area, upright and with its own aspect ratio, zoomed around the
 * pointer and panned by dragging. Upscaled pixels are drawn nearest-neighbour so that what a
 * reviewer sees at 8x is the footage's own pixels, not an interpolation.
 */
public final class FrameView extends Pane {
    private final ImageView imageView = new ImageView();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    // Offset of the picture's centre from the area's centre, in screen pixels.
    private double panX;
    private double panY;
    // Where the next zoom change is centred, in this pane's coordinates; NaN means the centre.
    private double anchorX = Double.NaN;
    private double anchorY = Double.NaN;
    private double dragX;
    private double dragY;

    public FrameView() {
        imageView.setId("videoImage");
        imageView.setPreserveRatio(false);
        getChildren().add(imageView);
        getStyleClass().add("frame-view");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(0, 0);
        imageView.imageProperty().addListener((observable, old, image) -> requestLayout());
        zoom.addListener((observable, old, value) -> zoomChanged(old.doubleValue(), value.doubleValue()));
        setOnMousePressed(event -> {
            dragX = event.getX();
            dragY = event.getY();
        });
        setOnMouseDragged(event -> {
            panX += event.getX() - dragX;
            panY += event.getY() - dragY;
            dragX = event.getX();
            dragY = event.getY();
            requestLayout();
        });
    }

    public ObjectProperty<Image> imageProperty() {
        return imageView.imageProperty();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Keeps the picture point under (x, y) in place through the next zoom change. */
    public void anchorNextZoomAt(double x, double y) {
        anchorX = x;
        anchorY = y;
    }

    /** Where the picture lies in this view's coordinates; changes with zoom, pan and resizing. */
    public ReadOnlyObjectProperty<Bounds> pictureBoundsProperty() {
        return imageView.boundsInParentProperty();
    }

    /** The picture pixel under a point of this view (may lie outside the picture). */
    public Point2D viewToFrame(double x, double y) {
        double scale = scale();
        Bounds picture = imageView.getBoundsInParent();
        return new Point2D((x - picture.getMinX()) / scale, (y - picture.getMinY()) / scale);
    }

    /** Where a picture pixel lies in this view. */
    public Point2D frameToView(double x, double y) {
        double scale = scale();
        Bounds picture = imageView.getBoundsInParent();
        return new Point2D(picture.getMinX() + x * scale, picture.getMinY() + y * scale);
    }

    /** Screen pixels per picture pixel. */
    public double scale() {
        Image image = imageView.getImage();
        if (image == null || getWidth() <= 0 || getHeight() <= 0) {
            return 0;
        }
        return Math.min(getWidth() / image.getWidth(), getHeight() / image.getHeight()) * zoom.get();
    }

    private void zoomChanged(double oldZoom, double newZoom) {
        if (newZoom <= 1) {
            panX = 0;
            panY = 0;
        } else if (oldZoom > 0) {
            double x = Double.isNaN(anchorX) ? getWidth() / 2 : anchorX;
            double y = Double.isNaN(anchorY) ? getHeight() / 2 : anchorY;
            double ratio = newZoom / oldZoom;
            panX = x - getWidth() / 2 - (x - getWidth() / 2 - panX) * ratio;
            panY = y - getHeight() / 2 - (y - getHeight() / 2 - panY) * ratio;
        }
        anchorX = Double.NaN;
        anchorY = Double.NaN;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        Image image = imageView.getImage();
        double scale = scale();
        if (image == null || scale <= 0) {
            return;
        }
        double width = image.getWidth() * scale;
        double height = image.getHeight() * scale;
        // The picture always covers the area it can: no panning it out of sight.
        double maxPanX = Math.max(0, (width - getWidth()) / 2);
        double maxPanY = Math.max(0, (height - getHeight()) / 2);
        panX = Math.max(-maxPanX, Math.min(maxPanX, panX));
        panY = Math.max(-maxPanY, Math.min(maxPanY, panY));
        imageView.setFitWidth(width);
        imageView.setFitHeight(height);
        imageView.setSmooth(scale < 1);
        imageView.relocate((getWidth() - width) / 2 + panX, (getHeight() - height) / 2 + panY);
    }
}
