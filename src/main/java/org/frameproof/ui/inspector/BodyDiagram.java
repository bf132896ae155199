package org.frameproof.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * A body seen from the front and from the back, each region a clickable shape named as in the
 * body-region vocabulary. Left and right are the victim's: on the front view the victim's left is
 * on the viewer's right, on the back view on the viewer's left. Clicking a region sets
 * {@link #regionProperty()}; a region typed in the form lights up here.
 */
public final class BodyDiagram extends HBox {
    private static final double SCALE = 1.1;
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final StringProperty region = new SimpleStringProperty("");
    private final List<Shape> shapes = new ArrayList<>();

    public BodyDiagram() {
        getStyleClass().add("body-diagram");
        setSpacing(18);
        getChildren().addAll(view("Front", "front", true), view("Back", "back", false));
        region.addListener((observable, old, name) -> highlight(name));
    }

    /** The chosen region's name, empty when none. */
    public StringProperty regionProperty() {
        return region;
    }

    private VBox view(String title, String side, boolean front) {
        Group figure = new Group();
        // The side of the figure that is the victim's right: the viewer's left when facing them.
        double right = front ? -1 : 1;
        if (front) {
            add(figure, side, "head (front)", new Ellipse(50, 12, 12, 9));
            add(figure, side, "face", new Ellipse(50, 26, 9, 8));
            add(figure, side, "right temple", new Ellipse(50 + right * 13, 20, 4, 5));
            add(figure, side, "left temple", new Ellipse(50 - right * 13, 20, 4, 5));
            add(figure, side, "neck (front)", new Rectangle(44, 34, 12, 9));
            add(figure, side, "chest (right)", rect(50, right, 0, 44, 14, 26));
            add(figure, side, "chest (left)", rect(50, -right, 0, 44, 14, 26));
            add(figure, side, "abdomen", new Rectangle(36, 70, 28, 22));
            add(figure, side, "pelvis / groin", new Rectangle(36, 92, 28, 14));
            add(figure, side, "right thigh (front)", rect(50, right, 1, 106, 12, 40));
            add(figure, side, "left thigh (front)", rect(50, -right, 1, 106, 12, 40));
            add(figure, side, "right knee", new Ellipse(50 + right * 7, 151, 6, 5));
            add(figure, side, "left knee", new Ellipse(50 - right * 7, 151, 6, 5));
            add(figure, side, "right lower leg (front)", rect(50, right, 2, 156, 10, 40));
            add(figure, side, "left lower leg (front)", rect(50, -right, 2, 156, 10, 40));
        } else {
            add(figure, side, "head (back)", new Ellipse(50, 19, 13, 16));
            add(figure, side, "neck (back)", new Rectangle(44, 34, 12, 9));
            add(figure, side, "upper back (right)", rect(50, right, 0, 44, 14, 28));
            add(figure, side, "upper back (left)", rect(50, -right, 0, 44, 14, 28));
            add(figure, side, "lower back", new Rectangle(36, 72, 28, 20));
            add(figure, side, "buttocks", new Rectangle(36, 92, 28, 14));
            add(figure, side, "right thigh (back)", rect(50, right, 1, 106, 12, 45));
            add(figure, side, "left thigh (back)", rect(50, -right, 1, 106, 12, 45));
            add(figure, side, "right calf (back)", rect(50, right, 2, 152, 10, 44));
            add(figure, side, "left calf (back)", rect(50, -right, 2, 152, 10, 44));
        }
        for (String limb : List.of("right", "left")) {
            double sign = limb.equals("right") ? right : -right;
            add(figure, side, limb + " shoulder", new Ellipse(50 + sign * 20, 47, 8, 6));
            add(figure, side, limb + " upper arm", rect(50, sign, 16, 53, 10, 29));
            add(figure, side, limb + " forearm", rect(50, sign, 20, 82, 10, 28));
            add(figure, side, limb + " hand", new Ellipse(50 + sign * 31, 116, 6, 7));
            add(figure, side, limb + " foot", new Ellipse(50 + sign * 8, 202, 7, 5));
        }
        figure.setScaleX(SCALE);
        figure.setScaleY(SCALE);
        Label heading = new Label(title + "  (" + (front ? "R · L" : "L · R") + ")");
        heading.getStyleClass().add("body-view-title");
        VBox view = new VBox(4, heading, new Group(figure));
        view.getStyleClass().add("body-view");
        return view;
    }

    /** A rectangle on one side of the midline {@code middle}, {@code gap} away from it. */
    private static Rectangle rect(double middle, double side, double gap, double y, double width, double height) {
        double x = side < 0 ? middle - gap - width : middle + gap;
        return new Rectangle(x, y, width, height);
    }

    private void add(Group figure, String side, String name, Shape shape) {
        shape.getStyleClass().add("body-region");
        shape.setId(side + "-" + name.replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        shape.setUserData(name);
        Tooltip.install(shape, new Tooltip(name));
        shape.setOnMouseClicked(event -> region.set(name));
        shapes.add(shape);
        figure.getChildren().add(shape);
    }

    private void highlight(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Shape shape : shapes) {
            shape.pseudoClassStateChanged(CHOSEN, shape.getUserData().equals(wanted));
        }
    }
}
