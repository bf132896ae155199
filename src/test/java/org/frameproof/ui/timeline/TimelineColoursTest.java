package org.frameproof.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Role;
import org.frameproof.testing.ScreenTier;
import org.frameproof.ui.common.Theme;
import org.frameproof.ui.timeline.TimelineColours.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline paints with the colours the theme's style sheet declares, and only those. */
@ExtendWith(ApplicationExtension.class)
@ScreenTier
class TimelineColoursTest {
    private static final double WIDTH = 600;
    /** Inside the note's bar (frames 10-90 of 100), and inside the gutter of the note lane. */
    private static final int BAR_X = (int) (TimelineLanes.GUTTER + (WIDTH - TimelineLanes.GUTTER) / 2);
    private static final int GUTTER_X = 2;
    private static final int NOTE_LANE_Y = (int) (TimelineLanes.LANES_TOP + TimelineLanes.LANE * 3.5);

    private Scene scene;
    private TimelineLanes lanes;

    @Start
    void start(Stage stage) {
        lanes = new TimelineLanes();
        lanes.setFrameCount(100);
        lanes.setAnnotations(List.of(note(ReviewStatus.SUBMITTED)));
        // Nested as in the main window, under panes of their own.
        StackPane root = new StackPane(new VBox(lanes));
        scene = new Scene(root, WIDTH, lanes.getMinHeight());
        stage.setScene(scene);
        stage.show();
    }

    private static Annotation note(ReviewStatus status) {
        return new Annotation("note", 1, "ab".repeat(32), new FrameSpan(10, 90, 400, 3600), "", "", Confidence.LOW,
                List.of(), null, new Finding.Note(""), "reviewer", Role.RESEARCHER, Instant.EPOCH, Instant.EPOCH, null, status);
    }

    @Test
    void aDraftIsDrawnHollow(FxRobot robot) {
        robot.interact(() -> Theme.LIGHT.applyTo(scene));
        Color note = colourOf(Part.NOTE);
        robot.interact(() -> lanes.setAnnotations(List.of(note(ReviewStatus.DRAFT))));
        assertEquals(colourOf(Part.LANE_ALTERNATE), pixel(BAR_X, NOTE_LANE_Y), "nothing filled inside a draft's bar");
        int top = (int) Math.round(TimelineLanes.LANES_TOP + TimelineLanes.LANE * 3 + 4);
        assertEquals(note, pixel(BAR_X, top), "its outline in the kind's colour");
    }

    @Test
    void aFindingInConflictIsOutlinedInTheConflictsColour(FxRobot robot) {
        robot.interact(() -> Theme.DARK.applyTo(scene));
        robot.interact(() -> lanes.setInConflict(Set.of("note")));
        int top = (int) Math.round(TimelineLanes.LANES_TOP + TimelineLanes.LANE * 3 + 4);
        assertEquals(colourOf(Part.CONFLICT), pixel(BAR_X, top), "its outline in the conflict's colour");
        assertEquals(colourOf(Part.NOTE), pixel(BAR_X, NOTE_LANE_Y), "filled in its kind's colour inside");
        robot.interact(() -> lanes.setInConflict(Set.of()));
        assertEquals(colourOf(Part.NOTE), pixel(BAR_X, top), "resolved: no outline");
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theCanvasPaintsTheColoursItsThemeDeclares(Theme theme, FxRobot robot) throws IOException {
        robot.interact(() -> theme.applyTo(scene));
        Map<String, Color> declared = declaredColours(theme);
        assertEquals(declared.get(Part.NOTE.property()), pixel(BAR_X, NOTE_LANE_Y), "the note's bar");
        assertEquals(declared.get(Part.LANE_ALTERNATE.property()), pixel(GUTTER_X, NOTE_LANE_Y), "the note lane");
        assertEquals(declared.get(Part.RULER.property()), pixel(BAR_X, 2), "the ruler");
    }

    @Test
    void aColourChangedInTheStyleSheetRepaintsTheLanes(FxRobot robot) {
        robot.interact(() -> Theme.DARK.applyTo(scene));
        Color before = pixel(BAR_X, NOTE_LANE_Y);
        Color changed = Color.web("#00ff7f");
        assertNotEquals(changed, before);
        String sheet = ".timeline-lanes { " + Part.NOTE.property() + ": #00ff7f; }";
        robot.interact(() -> scene.getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(sheet.getBytes(StandardCharsets.UTF_8))));
        assertEquals(changed, pixel(BAR_X, NOTE_LANE_Y));
        assertEquals(pixel(GUTTER_X, NOTE_LANE_Y), colourOf(Part.LANE_ALTERNATE), "the rest keeps its colour");
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyThemeDeclaresEveryTimelineAndRegionColour(Theme theme) throws IOException {
        Map<String, Color> declared = declaredColours(theme);
        for (Part part : Part.values()) {
            assertTrue(declared.containsKey(part.property()), theme + " declares " + part.property());
        }
        for (String region : List.of("-fp-region", "-fp-region-selected", "-fp-region-drawing")) {
            assertTrue(declared.containsKey(region), theme + " declares " + region);
        }
    }

    private Color colourOf(Part part) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> lanes.colours().of(part));
    }

    private Color pixel(int x, int y) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            WritableImage image = lanes.snapshot(null, null);
            return image.getPixelReader().getColor(x, y);
        });
    }

    /** The colours the theme's sheet declares, by CSS property. */
    private static Map<String, Color> declaredColours(Theme theme) throws IOException {
        URL sheet = Theme.class.getResource("theme-" + theme.name().toLowerCase() + ".css");
        return new CssParser().parse(sheet).getRules().stream()
                .flatMap(rule -> rule.getDeclarations().stream())
                .filter(declaration -> declaration.getParsedValue().getValue() instanceof Color)
                .collect(Collectors.toMap(Declaration::getProperty,
                        declaration -> (Color) declaration.getParsedValue().getValue()));
    }
}
