package org.frameproof.ui.annotations;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Region;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.evidence.CaseService;
import org.frameproof.evidence.FootageService;
import org.frameproof.evidence.VocabularyService;
import org.frameproof.ui.common.Thumbnails;
import org.frameproof.ui.common.ViewLoader;
import org.frameproof.ui.inspector.InspectorView;
import org.frameproof.ui.inspector.InspectorViewModel;
import org.frameproof.ui.player.PlayerView;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.review.ConflictMarks;
import org.frameproof.ui.search.SearchView;
import org.frameproof.ui.search.SearchViewModel;
import org.frameproof.ui.shortcuts.CheatSheet;
import org.frameproof.ui.shortcuts.KeyBinding;
import org.frameproof.ui.timeline.TimelineController;
import org.frameproof.ui.timeline.TimelineLanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotation screens around the player: the inspector, list and search in the side pane, the
 * timeline lanes under the video, regions over the picture, the veil over graphic footage, and
 * the keys that create annotations. The main window hosts {@link #sidePane()} and forwards its
 * Edit menu here.
 */
public final class AnnotationWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotationWorkspace.class);

    /** What the composition root hands over to build the screens. */
    public record Parts(AnnotationSession session, AnnotationService annotations, VocabularyService vocabularies,
            CaseService cases, FootageService footage, Thumbnails thumbnails, Executor background, Executor fx,
            ConflictMarks conflicts) {
    }

    private static final double BLUR_RADIUS = 60;
    static final String STYLESHEET = AnnotationWorkspace.class.getResource("annotations.css").toExternalForm();

    private final AnnotationSession session;
    private final IntegrityBanner integrity;
    private final PlayerView player;
    private final InspectorView inspector;
    private final TabPane sidePane;
    private final Tab inspectorTab;
    private final Tab listTab;
    private final SearchView search;
    private final Tab searchTab;
    private boolean mutedBeforeVeil;
    /** The key that created an annotation also types its character; it must not land in the new form. */
    private boolean swallowTypedKey;

    private AnnotationWorkspace(Parts parts, PlayerView player) {
        this.session = parts.session();
        this.player = player;
        InspectorViewModel inspectorModel = new InspectorViewModel(session, parts.vocabularies(), parts.cases(),
                parts.conflicts());
        inspector = InspectorView.load(inspectorModel, session, player.controller()::focusVideo);
        inspectorTab = new Tab("Inspector", inspector.node());
        search = SearchView.load(new SearchViewModel(parts.annotations(), parts.footage(), parts.thumbnails(), session,
                parts.background(), parts.fx()));
        searchTab = new Tab("Search", search.node());
        AnnotationListViewModel list = new AnnotationListViewModel(parts.annotations(), session, parts.conflicts(),
                parts.background(), parts.fx());
        listTab = new Tab("List", ViewLoader.load(AnnotationWorkspace.class.getResource("AnnotationListView.fxml"),
                () -> new AnnotationListController(list)));
        list.shownProperty().bind(listTab.selectedProperty());
        sidePane = new TabPane(inspectorTab, listTab, searchTab);
        sidePane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sidePane.getStyleClass().add("annotation-side-pane");
        sidePane.getStylesheets().add(STYLESHEET);
        sidePane.setPrefWidth(330);
        sidePane.setMinWidth(260);
        player.controller().addToVideoArea(new RegionLayer(session, player.controller().frameView()));
        TimelineLanes lanes = new TimelineController(session, parts.conflicts()).lanes();
        lanes.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> player.controller().focusVideo());
        player.controller().addToTimeline(lanes);
        player.controller().addToVideoArea(veil());
        player.controller().addToVideoArea(drawingSign());
        integrity = new IntegrityBanner(session.footageProperty());
        player.controller().addAboveVideo(integrityBanner());
        bindPictureEffect();
        player.node().addEventFilter(KeyEvent.KEY_PRESSED, this::handleKey);
        inspector.node().addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTypedKey) {
                swallowTypedKey = false;
                event.consume();
            }
        });
        inspector.node().addEventFilter(KeyEvent.KEY_RELEASED, event -> swallowTypedKey = false);
        session.enabledProperty().addListener((observable, was, enabled) -> {
            if (enabled) {
                long footageId = session.footageProperty().get().id();
                parts.background().execute(() -> rehearseCreate(parts.annotations(), footageId));
            }
        });
        session.selectedProperty().addListener((observable, old, selected) -> {
            // From the list a reviewer walks through rows, so the list stays in front there.
            if (selected != null && sidePane.getSelectionModel().getSelectedItem() != listTab) {
                sidePane.getSelectionModel().select(inspectorTab);
            }
        });
    }

    private static void rehearseCreate(AnnotationService annotations, long footageId) {
        try {
            annotations.rehearseCreate(footageId);
        } catch (UserFacingException e) {
            // Nothing was to be saved; the first real create will say what is wrong, if anything still is.
            LOG.warn("The warm-up of annotation saving for footage {} failed", footageId, e);
        }
    }

    /** Builds the screens and attaches their parts to the player. */
    public static AnnotationWorkspace attach(Parts parts, PlayerView player) {
        return new AnnotationWorkspace(parts, player);
    }

    /** The inspector, list and search, for the window's right side. */
    public Node sidePane() {
        return sidePane;
    }

    public AnnotationSession session() {
        return session;
    }

    /** The warning over the picture while the open item's vault copy fails its re-hash. */
    public IntegrityBanner integrity() {
        return integrity;
    }

    /** Edit > Undo: what the form holds is saved first, so undo takes back the latest change. */
    public void undo() {
        inspector.controller().commit();
        session.undo();
    }

    public void redo() {
        inspector.controller().commit();
        session.redo();
    }

    /** Edit > Find (Ctrl+F): the search field across all cases. */
    public void find() {
        sidePane.getSelectionModel().select(searchTab);
        search.controller().focusQuery();
    }

    /** Help > Keyboard Shortcuts (F1 or ?). */
    public void showShortcuts() {
        CheatSheet.show(player.node().getScene().getWindow());
    }

    /** Keys 1-4 create an annotation and put the cursor in its form; I and O mark a range; R and E draw. */
    private void handleKey(KeyEvent event) {
        Scene scene = player.node().getScene();
        if (scene == null || scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (KeyBinding.SHORTCUTS.matches(event)) {
            showShortcuts();
            event.consume();
            return;
        }
        Optional<KeyBinding> binding = KeyBinding.find(KeyBinding.Group.ANNOTATING, event);
        if (binding.isEmpty()) {
            return;
        }
        switch (binding.get()) {
            case NEW_INJURY -> quickTag(AnnotationKind.INJURY);
            case NEW_LOCATION -> quickTag(AnnotationKind.LOCATION);
            case NEW_UNIFORM -> quickTag(AnnotationKind.UNIFORM);
            case NEW_NOTE -> quickTag(AnnotationKind.NOTE);
            case MARK_IN -> session.markIn();
            case MARK_OUT -> session.markOut();
            case DRAW_RECTANGLE -> session.startDrawing(Region.Shape.RECTANGLE);
            case DRAW_ELLIPSE -> session.startDrawing(Region.Shape.ELLIPSE);
            case CLEAR_MARKS -> {
                if (session.drawingProperty().get() != null) {
                    session.drawingProperty().set(null);
                } else {
                    session.clearRange();
                }
            }
            default -> throw new IllegalStateException("Not an annotating key: " + binding.get());
        }
        event.consume();
    }

    private void quickTag(AnnotationKind kind) {
        session.quickTag(kind).ifPresent(created -> {
            sidePane.getSelectionModel().select(inspectorTab);
            swallowTypedKey = true;
            inspector.controller().focusObservation();
        });
    }

    /** Graphic footage opens blurred and muted, with a button that reveals it. */
    private Node veil() {
        Label notice = new Label("This footage is flagged graphic. It is blurred and muted.");
        notice.getStyleClass().add("veil-notice");
        notice.setWrapText(true);
        Button reveal = new Button("Reveal");
        reveal.setId("revealButton");
        reveal.setOnAction(event -> {
            session.reveal();
            player.controller().focusVideo();
        });
        VBox veil = new VBox(10, notice, reveal);
        veil.getStylesheets().add(STYLESHEET);
        veil.getStyleClass().add("graphic-veil");
        veil.setAlignment(javafx.geometry.Pos.CENTER);
        veil.setMaxSize(420, 120);
        veil.visibleProperty().bind(session.veiledProperty());
        session.veiledProperty().addListener((observable, old, veiled) -> {
            if (veiled) {
                mutedBeforeVeil = session.player().mutedProperty().get();
                session.player().mutedProperty().set(true);
            } else {
                session.player().mutedProperty().set(mutedBeforeVeil);
            }
        });
        return veil;
    }

    /**
     * While R or E is on, a sign at the picture's top edge says so (besides the crosshair), since a
     * drag then draws instead of panning.
     */
    private Node drawingSign() {
        Label sign = new Label();
        sign.setId("drawingSign");
        sign.getStyleClass().add("drawing-sign");
        sign.getStylesheets().add(STYLESHEET);
        sign.textProperty().bind(Bindings.createStringBinding(() -> {
            Region.Shape shape = session.drawingProperty().get();
            return shape == Region.Shape.ELLIPSE ? "Drawing an ellipse: drag over the picture (E again to stop)"
                    : "Drawing a rectangle: drag over the picture (R again to stop)";
        }, session.drawingProperty()));
        sign.visibleProperty().bind(session.drawingProperty().isNotNull());
        sign.setMouseTransparent(true);
        javafx.scene.layout.StackPane.setAlignment(sign, javafx.geometry.Pos.TOP_CENTER);
        return sign;
    }

    /** Above the picture, outside the veil, so that even graphic footage shows it and no pixel is hidden. */
    private Node integrityBanner() {
        Label banner = new Label();
        banner.setId("integrityBanner");
        banner.getStyleClass().add("integrity-banner");
        banner.getStylesheets().add(STYLESHEET);
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        banner.textProperty().bind(integrity.textProperty());
        banner.visibleProperty().bind(integrity.textProperty().isNotEmpty());
        banner.setMouseTransparent(true);
        return banner;
    }

    private void bindPictureEffect() {
        player.controller().frameView().effectProperty().bind(Bindings.createObjectBinding(
                () -> session.look().effect(session.veiledProperty().get(), BLUR_RADIUS),
                session.veiledProperty(), session.grayscaleProperty()));
    }
}
