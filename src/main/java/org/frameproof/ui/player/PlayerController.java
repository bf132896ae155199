package org.frameproof.ui.player;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.frameproof.domain.MediaFacts;
import org.frameproof.media.review.ReviewEngine;
import org.frameproof.ui.shortcuts.KeyBinding;

/** Binds the player's controls to its view model and turns keys, wheel and mouse into its actions. */
public final class PlayerController {
    private static final double WHEEL_ZOOM_STEP = 1.25;
    /** A held step key steps again after this long, then at {@link #HOLD_INTERVAL}, whatever the OS's key repeat does. */
    private static final Duration HOLD_DELAY = Duration.millis(350);
    private static final Duration HOLD_INTERVAL = Duration.millis(40);
    /** The readout shows libVLC's approximate position, styled so that nobody takes it for an exact one. */
    private static final PseudoClass ESTIMATED = PseudoClass.getPseudoClass("estimated");

    private final PlayerViewModel viewModel;
    private final Timeline holdRepeat = new Timeline();
    /** The step key held down, or null. */
    private KeyCode heldKey;

    @FXML private VBox root;
    @FXML private StackPane videoArea;
    @FXML private FrameView frameView;
    @FXML private Label videoPlaceholder;
    @FXML private VBox indexingBox;
    @FXML private Label indexingLabel;
    @FXML private ProgressBar indexingBar;
    @FXML private Label errorLabel;
    @FXML private HBox readoutBar;
    @FXML private Label positionLabel;
    @FXML private Label timeLabel;
    @FXML private Label ptsLabel;
    @FXML private Label keyFrameLabel;
    @FXML private Label zoomLabel;
    @FXML private HBox transportBar;
    @FXML private Button playButton;
    @FXML private TextField positionField;
    @FXML private Label positionMessageLabel;
    @FXML private MenuButton speedButton;
    @FXML private ToggleButton muteButton;
    @FXML private Slider volumeSlider;
    @FXML private Button factsButton;
    @FXML private ScrubBar scrubBar;
    @FXML private VBox timelineArea;
    @FXML private Label timelineStartLabel;
    @FXML private Label timelineEndLabel;

    public PlayerController(PlayerViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        frameView.imageProperty().bind(viewModel.imageProperty());
        frameView.zoomProperty().bind(viewModel.zoomProperty());
        frameView.frameSizeProperty().bind(Bindings.createObjectBinding(() -> {
            MediaFacts facts = viewModel.factsProperty().get();
            return facts == null ? null : new Dimension2D(facts.width(), facts.height());
        }, viewModel.factsProperty()));
        InvalidationListener areaChanged = observable -> {
            Window window = frameView.getScene() == null ? null : frameView.getScene().getWindow();
            double scaleX = window == null ? 1 : window.getOutputScaleX();
            double scaleY = window == null ? 1 : window.getOutputScaleY();
            viewModel.setPictureArea(frameView.getWidth() * scaleX, frameView.getHeight() * scaleY);
        };
        frameView.widthProperty().addListener(areaChanged);
        frameView.heightProperty().addListener(areaChanged);
        viewModel.pictureVersionProperty().addListener((observable, old, version) -> frameView.pictureChanged());
        videoPlaceholder.visibleProperty().bind(viewModel.imageProperty().isNull()
                .and(viewModel.indexingProgressProperty().lessThan(0)));
        bindIndexing();
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());

        positionLabel.textProperty().bind(viewModel.positionTextProperty());
        timeLabel.textProperty().bind(viewModel.timeTextProperty());
        ptsLabel.textProperty().bind(viewModel.ptsTextProperty());
        keyFrameLabel.visibleProperty().bind(viewModel.keyFrameProperty());
        viewModel.readoutExactProperty().addListener((observable, old, exact) ->
                readoutBar.pseudoClassStateChanged(ESTIMATED, !exact));
        zoomLabel.textProperty().bind(Bindings.createStringBinding(() -> zoomText(frameView.shownScaleProperty().get()),
                frameView.shownScaleProperty(), viewModel.zoomProperty()));

        transportBar.disableProperty().bind(viewModel.loadedProperty().not());
        // The readout also speaks for a first frame shown while the index is read.
        readoutBar.disableProperty().bind(viewModel.currentFrameProperty().lessThan(0));
        playButton.textProperty().bind(Bindings.when(viewModel.playingProperty()).then("❚❚").otherwise("▶"));
        positionMessageLabel.textProperty().bind(viewModel.positionMessageProperty());
        muteButton.selectedProperty().bindBidirectional(viewModel.mutedProperty());
        volumeSlider.setValue(viewModel.volumeProperty().get());
        viewModel.volumeProperty().bind(volumeSlider.valueProperty());
        buildSpeedMenu();

        scrubBar.setOnScrub(viewModel::scrubTo);
        viewModel.currentFrameProperty().addListener((observable, old, frame) ->
                scrubBar.positionProperty().set(viewModel.fractionOf(frame.intValue())));
        viewModel.loopStartProperty().addListener((observable, old, frame) -> scrubBar.loopStartProperty()
                .set(frame.intValue() < 0 ? -1 : viewModel.fractionOf(frame.intValue())));
        viewModel.loopEndProperty().addListener((observable, old, frame) -> scrubBar.loopEndProperty()
                .set(frame.intValue() < 0 ? -1 : viewModel.fractionOf(frame.intValue())));
        timelineStartLabel.textProperty().bind(Bindings.when(viewModel.loadedProperty()).then("00:00:00.000").otherwise(""));
        timelineEndLabel.textProperty().bind(viewModel.lastFrameTimeProperty());

        frameView.addEventHandler(ScrollEvent.SCROLL, this::zoomWithWheel);
        // The video area holds the focus, so keys step frames instead of typing into the position field.
        videoArea.setFocusTraversable(true);
        videoArea.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> videoArea.requestFocus());
        scrubBar.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> videoArea.requestFocus());
        viewModel.fileNameProperty().addListener((observable, old, name) -> videoArea.requestFocus());
        // Keys act while the focus is in the player; other panes (forms, lists) keep their own keys.
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::handleKey);
        root.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                // A held step key stops when it is released anywhere, or when the window loses the focus.
                scene.addEventFilter(KeyEvent.KEY_RELEASED, this::releaseKey);
                scene.windowProperty().addListener((windowObservable, oldWindow, window) -> {
                    if (window != null) {
                        window.focusedProperty().addListener((focusObservable, was, focused) -> stopHolding());
                    }
                });
            }
        });
    }

    private void bindIndexing() {
        indexingBox.visibleProperty().bind(viewModel.indexingProgressProperty().greaterThanOrEqualTo(0));
        indexingBar.progressProperty().bind(viewModel.indexingProgressProperty());
        indexingLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "Reading the frame index… %.0f%%",
                        100 * Math.max(0, viewModel.indexingProgressProperty().get())),
                viewModel.indexingProgressProperty()));
    }

    /** The real scale, screen pixels per frame pixel: "Fit (2.2x)" fitted to the area, "4.0x" zoomed. */
    private String zoomText(double scale) {
        if (scale <= 0) {
            return "";
        }
        // Two decimals below 1: a slightly reduced (smoothed) picture must not read as 1.0x.
        String shown = String.format(Locale.ROOT, scale < 1 ? "%.2fx" : "%.1fx", scale);
        return viewModel.zoomProperty().get() == 1 ? "Fit (" + shown + ")" : shown;
    }

    private void buildSpeedMenu() {
        ToggleGroup speeds = new ToggleGroup();
        for (double rate : ReviewEngine.RATES) {
            RadioMenuItem item = new RadioMenuItem(rateText(rate));
            item.setToggleGroup(speeds);
            item.setUserData(rate);
            item.setOnAction(event -> viewModel.setRate(rate));
            speedButton.getItems().add(item);
        }
        Runnable showRate = () -> {
            double rate = viewModel.rateProperty().get();
            speedButton.setText(rateText(rate));
            speeds.getToggles().forEach(toggle -> toggle.setSelected(Math.abs((double) toggle.getUserData() - rate) < 1e-9));
        };
        viewModel.rateProperty().addListener(observable -> showRate.run());
        showRate.run();
    }

    private static String rateText(double rate) {
        return String.format(Locale.ROOT, "%sx", rate == Math.rint(rate) ? String.valueOf((int) rate) : String.valueOf(rate));
    }

    private void zoomWithWheel(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return;
        }
        frameView.anchorNextZoomAt(event.getX(), event.getY());
        viewModel.zoomBy(event.getDeltaY() > 0 ? WHEEL_ZOOM_STEP : 1 / WHEEL_ZOOM_STEP);
        event.consume();
    }

    /** The picture, for layers drawn over it (regions) and effects on it. */
    public FrameView frameView() {
        return frameView;
    }

    /** What the empty video area says to do. */
    public javafx.beans.property.StringProperty placeholderTextProperty() {
        return videoPlaceholder.textProperty();
    }

    /** Puts a layer over the video area (above the picture). */
    public void addToVideoArea(Node layer) {
        videoArea.getChildren().add(layer);
    }

    /**
     * Puts {@code notice} in the layout right above the picture, so it never covers a pixel of the
     * frame; it takes space only while visible.
     */
    public void addAboveVideo(Node notice) {
        notice.managedProperty().bind(notice.visibleProperty());
        root.getChildren().add(root.getChildren().indexOf(videoArea), notice);
    }

    /** Adds a control below the scrub bar in the timeline area. */
    public void addToTimeline(Node lanes) {
        timelineArea.getChildren().add(lanes);
    }

    /** Gives the keyboard back to the video, so keys step frames again. */
    public void focusVideo() {
        videoArea.requestFocus();
    }

    /** Keys act on the player while the focus is in it, except while typing in a text field. */
    private void handleKey(KeyEvent event) {
        Scene scene = root.getScene();
        if (scene.getFocusOwner() instanceof TextInputControl) {
            if (event.getCode() == KeyCode.ESCAPE) {
                videoArea.requestFocus();
                event.consume();
            }
            return;
        }
        if (!viewModel.loadedProperty().get()) {
            return;
        }
        Optional<KeyBinding> binding = KeyBinding.find(KeyBinding.Group.PLAYER, event);
        if (binding.isEmpty()) {
            return;
        }
        switch (binding.get()) {
            case PLAY_PAUSE -> viewModel.togglePlay();
            case NEXT_FRAME -> hold(event.getCode(), 1, false);
            case PREVIOUS_FRAME -> hold(event.getCode(), -1, false);
            case TEN_FRAMES_FORWARD -> hold(event.getCode(), 10, false);
            case TEN_FRAMES_BACK -> hold(event.getCode(), -10, false);
            case SECOND_FORWARD -> hold(event.getCode(), 1, true);
            case SECOND_BACK -> hold(event.getCode(), -1, true);
            case FIRST_FRAME -> viewModel.goToFirst();
            case LAST_FRAME -> viewModel.goToLast();
            case SLOWER -> viewModel.slower();
            case FASTER -> viewModel.faster();
            case LOOP_START -> viewModel.markLoopStart();
            case LOOP_END -> viewModel.markLoopEnd();
            case RESET_ZOOM -> viewModel.resetZoom();
            case ZOOM_IN -> viewModel.zoomBy(WHEEL_ZOOM_STEP);
            case ZOOM_OUT -> viewModel.zoomBy(1 / WHEEL_ZOOM_STEP);
            case MUTE -> viewModel.toggleMute();
            default -> throw new IllegalStateException("Not a player key: " + binding.get());
        }
        event.consume();
    }

    /**
     * Steps once, then keeps stepping at a steady pace while the key is held. The OS's own repeats
     * are ignored; requests the decoder cannot keep up with are skipped by the view model, and the
     * last one asked for is what shows after the key is released.
     */
    private void hold(KeyCode key, int frames, boolean oneSecond) {
        if (key == heldKey) {
            return;
        }
        stopHolding();
        step(frames, oneSecond);
        heldKey = key;
        holdRepeat.getKeyFrames().setAll(new KeyFrame(HOLD_INTERVAL, tick -> step(frames, oneSecond)));
        holdRepeat.setDelay(HOLD_DELAY);
        holdRepeat.setCycleCount(Animation.INDEFINITE);
        holdRepeat.playFromStart();
    }

    private void releaseKey(KeyEvent event) {
        if (event.getCode() == heldKey) {
            stopHolding();
        }
    }

    private void stopHolding() {
        holdRepeat.stop();
        heldKey = null;
    }

    private void step(int frames, boolean oneSecond) {
        if (oneSecond) {
            viewModel.stepSeconds(Integer.signum(frames));
        } else {
            viewModel.stepFrames(frames);
        }
    }

    @FXML
    private void goToFirst() {
        viewModel.goToFirst();
    }

    @FXML
    private void stepBack() {
        viewModel.stepFrames(-1);
    }

    @FXML
    private void togglePlay() {
        viewModel.togglePlay();
    }

    @FXML
    private void stepForward() {
        viewModel.stepFrames(1);
    }

    @FXML
    private void goToLast() {
        viewModel.goToLast();
    }

    @FXML
    private void goToTyped() {
        if (viewModel.goTo(positionField.getText())) {
            videoArea.requestFocus();
        }
    }

    @FXML
    private void markLoopStart() {
        viewModel.markLoopStart();
    }

    @FXML
    private void markLoopEnd() {
        viewModel.markLoopEnd();
    }

    @FXML
    private void clearLoop() {
        viewModel.clearLoop();
    }

    @FXML
    private void cancelOpening() {
        viewModel.cancelOpening();
    }

    /** The media facts in a dialog; values are selectable so a reviewer can copy the hash. */
    @FXML
    public void showFacts() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        grid.getStyleClass().add("facts-grid");
        int row = 0;
        for (Map.Entry<String, String> fact : viewModel.factRows()) {
            TextField value = new TextField(fact.getValue());
            value.setEditable(false);
            value.setPrefColumnCount(Math.min(48, Math.max(12, fact.getValue().length())));
            grid.addRow(row++, new Label(fact.getKey()), value);
        }
        if (row == 0) {
            grid.addRow(0, new Label("Open a video to see its facts."));
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Media facts");
        dialog.setHeaderText(viewModel.fileNameProperty().get());
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.initOwner(root.getScene().getWindow());
        dialog.show();
    }
}
