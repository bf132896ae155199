package org.frameproof.ui.player;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The video picture fitted into its area, upright and with its own aspect ratio, zoomed around the
 * pointer and panned by dragging. Enlarged pixels (at any scale above 1, also when the fit alone
 * enlarges a small clip) are drawn nearest-neighbour so that what a reviewer sees is the footage's
 * own pixels, not an interpolation; only a reduced picture is smoothed.
 *
 * <p>An enlarged picture is drawn on a canvas with image smoothing off: JavaFX's software pipeline
 * (Xvfb, machines without a GPU) interpolates an enlarged {@link ImageView} whatever its
 * {@code smooth} flag says (measured: a one-pixel checkerboard at 10x came out as grey ramps). The
 * image view still holds the picture's place (its bounds are where the picture lies) and shows a
 * reduced picture, smoothed.
 */
public final class FrameView extends Pane {
    private final ImageView imageView = new ImageView();
    private final Canvas enlarged = new Canvas();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final ObjectProperty<Dimension2D> frameSize = new SimpleObjectProperty<>();
    private final ReadOnlyDoubleWrapper shownScale = new ReadOnlyDoubleWrapper(0);
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
        enlarged.setMouseTransparent(true);
        enlarged.setVisible(false);
        getChildren().addAll(imageView, enlarged);
        getStyleClass().add("frame-view");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(0, 0);
        imageView.imageProperty().addListener((observable, old, image) -> requestLayout());
        frameSize.addListener((observable, old, size) -> requestLayout());
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

    /**
     * The frame's size as displayed, in its own pixels; null means the picture's size. The picture
     * may be smaller (playback draws at the size it takes on screen): it is stretched over the
     * frame's place, and frame coordinates ({@link #viewToFrame}) stay those of the frame.
     */
    public ObjectProperty<Dimension2D> frameSizeProperty() {
        return frameSize;
    }

    /** Screen pixels per frame pixel as last laid out ({@link #scale()}), 0 without a picture. */
    public ReadOnlyDoubleProperty shownScaleProperty() {
        return shownScale.getReadOnlyProperty();
    }

    /** The picture's pixels changed in place (a new frame in the same image): draws them again. */
    public void pictureChanged() {
        drawEnlarged();
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

    /** The frame pixel under a point of this view (may lie outside the frame). */
    public Point2D viewToFrame(double x, double y) {
        double scale = scale();
        Bounds picture = imageView.getBoundsInParent();
        return new Point2D((x - picture.getMinX()) / scale, (y - picture.getMinY()) / scale);
    }

    /** Where a frame pixel lies in this view. */
    public Point2D frameToView(double x, double y) {
        double scale = scale();
        Bounds picture = imageView.getBoundsInParent();
        return new Point2D(picture.getMinX() + x * scale, picture.getMinY() + y * scale);
    }

    /** Screen pixels per frame pixel. */
    public double scale() {
        Dimension2D frame = frame();
        if (frame == null || getWidth() <= 0 || getHeight() <= 0) {
            return 0;
        }
        return Math.min(getWidth() / frame.getWidth(), getHeight() / frame.getHeight()) * zoom.get();
    }

    private Dimension2D frame() {
        Image image = imageView.getImage();
        if (image == null) {
            return null;
        }
        return frameSize.get() != null ? frameSize.get() : new Dimension2D(image.getWidth(), image.getHeight());
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
        shownScale.set(image == null ? 0 : scale);
        if (image == null || scale <= 0) {
            enlarged.setVisible(false);
            imageView.setVisible(true);
            return;
        }
        Dimension2D frame = frame();
        double width = frame.getWidth() * scale;
        double height = frame.getHeight() * scale;
        // Enlarged or reduced as the picture's own pixels go, which are fewer than the frame's while playing.
        double pictureScale = width / image.getWidth();
        enlarged.setVisible(pictureScale > 1);
        imageView.setVisible(!enlarged.isVisible());
        // The picture always covers the area it can: no panning it out of sight.
        double maxPanX = Math.max(0, (width - getWidth()) / 2);
        double maxPanY = Math.max(0, (height - getHeight()) / 2);
        panX = Math.max(-maxPanX, Math.min(maxPanX, panX));
        panY = Math.max(-maxPanY, Math.min(maxPanY, panY));
        imageView.setFitWidth(width);
        imageView.setFitHeight(height);
        imageView.setSmooth(pictureScale < 1);
        imageView.relocate((getWidth() - width) / 2 + panX, (getHeight() - height) / 2 + panY);
        enlarged.setWidth(getWidth());
        enlarged.setHeight(getHeight());
        drawEnlarged();
    }

    private void drawEnlarged() {
        GraphicsContext graphics = enlarged.getGraphicsContext2D();
        graphics.clearRect(0, 0, enlarged.getWidth(), enlarged.getHeight());
        Image image = imageView.getImage();
        if (enlarged.isVisible() && image != null) {
            graphics.setImageSmoothing(false);
            graphics.drawImage(image, imageView.getLayoutX(), imageView.getLayoutY(), imageView.getFitWidth(), imageView.getFitHeight());
        }
    }
}
