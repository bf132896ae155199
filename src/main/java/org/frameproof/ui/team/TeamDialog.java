package org.frameproof.ui.team;

import java.io.File;
import java.util.Arrays;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.frameproof.domain.Role;
import org.frameproof.ui.common.RoleNames;

/** File > Team…: reviewers of this store, the own identity and contacts, each on a tab. */
public final class TeamDialog {
    private static final PseudoClass REFUSAL = PseudoClass.getPseudoClass("refusal");

    private TeamDialog() {
    }

    public static Dialog<Void> create(Window owner, TeamViewModel viewModel) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Team");
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().getStylesheets().add(TeamDialog.class.getResource("team.css").toExternalForm());

        TabPane tabs = new TabPane(new Tab("Reviewers", reviewersTab(viewModel)), new Tab("Your Identity", identityTab(viewModel)),
                new Tab("Contacts", contactsTab(viewModel)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label message = new Label();
        message.setId("teamMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.failedProperty().addListener((observable, was, refusal) -> message.pseudoClassStateChanged(
                REFUSAL, refusal));
        VBox content = new VBox(10, tabs, message);
        content.setPrefSize(900, 540);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.setOnShown(event -> viewModel.refresh());
        dialog.setOnHidden(event -> viewModel.forgetTyped());
        return dialog;
    }

    private static VBox reviewersTab(TeamViewModel viewModel) {
        TableView<TeamViewModel.Person> table = people(viewModel.reviewers(), "reviewersTable", "Role", "");
        TextField name = new TextField();
        name.setId("newReviewerName");
        name.setMaxWidth(Double.MAX_VALUE);
        name.setPromptText("their name, as they will unlock with it");
        name.textProperty().bindBidirectional(viewModel.newNameProperty());
        ComboBox<Role> role = roles("newReviewerRole");
        role.valueProperty().bindBidirectional(viewModel.newRoleProperty());
        PasswordField theirs = passphrase("newReviewerPassphrase", viewModel.newPassphrase().passphraseProperty());
        PasswordField again = passphrase("newReviewerConfirmation", viewModel.newPassphrase().confirmationProperty());
        Label strength = new Label();
        strength.setWrapText(true);
        strength.textProperty().bind(Bindings.when(again.textProperty().isEmpty().or(viewModel.newPassphrase().acceptableProperty()))
                .then(viewModel.newPassphrase().strengthProperty()).otherwise(viewModel.newPassphrase().problemProperty()));
        PasswordField yours = passphrase("yourPassphrase", viewModel.yourPassphraseProperty());
        Button add = new Button("Add Reviewer");
        add.setId("addReviewerButton");
        add.setDefaultButton(true);
        add.disableProperty().bind(viewModel.canAddReviewerProperty().not());
        add.setOnAction(event -> viewModel.addReviewer());

        GridPane form = form();
        form.addRow(0, new Label("Name:"), name);
        form.addRow(1, new Label("Role:"), role);
        form.addRow(2, new Label("Their passphrase:"), theirs);
        form.addRow(3, new Label("The same again:"), again);
        form.add(strength, 1, 4);
        form.addRow(5, new Label("Your passphrase:"), yours);
        form.add(add, 1, 6);
        TitledPane adding = new TitledPane("Add a reviewer who works on this laptop", form);
        adding.setCollapsible(false);
        VBox tab = new VBox(10, table, adding);
        tab.setPadding(new Insets(10));
        VBox.setVgrow(table, Priority.ALWAYS);
        return tab;
    }

    private static VBox identityTab(TeamViewModel viewModel) {
        Label who = new Label();
        who.setId("ownIdentity");
        who.textProperty().bind(Bindings.createStringBinding(() -> viewModel.ownProperty().get() == null ? ""
                : viewModel.ownProperty().get().name() + " (" + viewModel.ownProperty().get().role() + ")", viewModel.ownProperty()));
        TextArea fingerprint = new TextArea();
        fingerprint.setId("ownFingerprint");
        fingerprint.setEditable(false);
        fingerprint.setPrefRowCount(2);
        fingerprint.setMaxWidth(560);
        fingerprint.getStyleClass().add("fingerprint");
        fingerprint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.ownProperty().get() == null ? ""
                : inTwoLines(viewModel.ownProperty().get().fingerprint()), viewModel.ownProperty()));
        Button export = new Button("Export Identity…");
        export.setId("exportIdentityButton");
        export.disableProperty().bind(viewModel.busyProperty());
        export.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export Your Identity");
            chooser.setInitialFileName(fileNameOf(viewModel) + ".identity.json");
            File target = chooser.showSaveDialog(export.getScene().getWindow());
            if (target != null) {
                viewModel.exportIdentity(target.toPath());
            }
        });
        Label explanation = new Label("Give the exported file to a colleague, then read your fingerprint to them by phone"
                + " or in person: they accept you as a contact only when the digits they see match yours.");
        explanation.setWrapText(true);
        VBox tab = new VBox(10, who, new Label("Fingerprint:"), fingerprint, explanation, export);
        tab.setPadding(new Insets(10));
        return tab;
    }

    private static VBox contactsTab(TeamViewModel viewModel) {
        TableView<TeamViewModel.Person> table = people(viewModel.contacts(), "contactsTable", "Accepted as",
                "No contacts yet. Ask a colleague for their identity file (File > Team… > Your Identity on their laptop).");
        Button choose = new Button("Add Contact from File…");
        choose.setId("chooseContactButton");
        choose.disableProperty().bind(viewModel.busyProperty());
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A Colleague's Identity File");
            File file = chooser.showOpenDialog(choose.getScene().getWindow());
            if (file != null) {
                viewModel.preview(file.toPath());
            }
        });
        Label candidate = new Label();
        candidate.setId("candidateIdentity");
        candidate.setWrapText(true);
        candidate.textProperty().bind(Bindings.createStringBinding(() -> {
            TeamViewModel.Candidate read = viewModel.candidateProperty().get();
            return read == null ? "" : read.identity().name() + " states the role " + read.identity().role().label()
                    + ". Their fingerprint:";
        }, viewModel.candidateProperty()));
        Label fingerprint = new Label();
        fingerprint.setId("candidateFingerprint");
        fingerprint.getStyleClass().add("fingerprint");
        fingerprint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.candidateProperty().get() == null ? ""
                : inTwoLines(viewModel.candidateProperty().get().fingerprint()), viewModel.candidateProperty()));
        Label compare = new Label("Compare these digits with theirs by phone or in person before accepting."
                + " The role you accept them in is yours to decide, whatever they state.");
        compare.setWrapText(true);
        ComboBox<Role> role = roles("candidateRole");
        role.valueProperty().bindBidirectional(viewModel.candidateRoleProperty());
        Button accept = new Button("Accept as Contact");
        accept.setId("acceptContactButton");
        accept.disableProperty().bind(viewModel.canAcceptContactProperty().not());
        accept.setOnAction(event -> viewModel.acceptContact());
        Button dismiss = new Button("Don't Accept");
        dismiss.setOnAction(event -> viewModel.dismissCandidate());
        HBox decision = new HBox(10, new Label("Accept as:"), role, accept, dismiss);
        VBox preview = new VBox(8, candidate, fingerprint, compare, decision);
        preview.visibleProperty().bind(viewModel.candidateProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        VBox tab = new VBox(10, table, choose, preview);
        tab.setPadding(new Insets(10));
        VBox.setVgrow(table, Priority.ALWAYS);
        return tab;
    }

    private static TableView<TeamViewModel.Person> people(ObservableList<TeamViewModel.Person> rows, String id, String roleHeader,
                                                          String whenEmpty) {
        TableView<TeamViewModel.Person> table = new TableView<>(rows);
        table.setPlaceholder(new Label(whenEmpty));
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", TeamViewModel.Person::name, 170));
        table.getColumns().add(column(roleHeader, TeamViewModel.Person::role, 120));
        table.getColumns().add(column("Fingerprint", person -> inTwoLines(person.fingerprint()), 330));
        table.getColumns().add(column("", TeamViewModel.Person::note, 190));
        table.setPrefHeight(160);
        return table;
    }

    private static TableColumn<TeamViewModel.Person, String> column(String header, Function<TeamViewModel.Person, String> value,
                                                                     double width) {
        TableColumn<TeamViewModel.Person, String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static ComboBox<Role> roles(String id) {
        ComboBox<Role> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(Role.values());
        box.setConverter(new RoleNames());
        return box;
    }

    private static PasswordField passphrase(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setMaxWidth(Double.MAX_VALUE);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), fields);
        return grid;
    }

    /** The fingerprint's digit groups in two lines of six, as they are read out by phone. */
    static String inTwoLines(String digits) {
        String[] groups = digits.split(" ");
        int half = (groups.length + 1) / 2;
        return String.join(" ", Arrays.copyOfRange(groups, 0, half)) + "\n"
                + String.join(" ", Arrays.copyOfRange(groups, half, groups.length));
    }

    private static String fileNameOf(TeamViewModel viewModel) {
        TeamViewModel.Person own = viewModel.ownProperty().get();
        return own == null ? "identity" : own.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-");
    }
}
