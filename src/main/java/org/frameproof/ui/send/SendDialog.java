package org.frameproof.ui.send;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.frameproof.ui.common.WorkDialog;

/** File > Send…: a thin window over {@link SendViewModel}; it stays open while the bundle is written. */
public final class SendDialog {
    private SendDialog() {
    }

    public static Stage show(Window owner, SendViewModel viewModel) {
        ComboBox<SendViewModel.What> what = new ComboBox<>(viewModel.choices());
        what.setId("sendWhat");
        what.setMaxWidth(Double.MAX_VALUE);
        what.valueProperty().bindBidirectional(viewModel.whatProperty());
        TableView<SendViewModel.Recipient> recipients = recipients(viewModel);
        CheckBox withFootage = new CheckBox("Include the footage originals (leave them out when the receiver holds them)");
        withFootage.setId("sendWithFootage");
        withFootage.setWrapText(true);
        withFootage.selectedProperty().bindBidirectional(viewModel.withFootageProperty());
        TextField destination = new TextField();
        destination.setId("sendDestination");
        destination.textProperty().bindBidirectional(viewModel.destinationProperty());
        Button choose = new Button("Choose…");
        choose.setId("sendChooseButton");
        choose.setOnAction(event -> chooseDestination(viewModel, choose.getScene().getWindow()));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields, new ColumnConstraints());
        form.add(new Label("What:"), 0, 0);
        form.add(what, 1, 0, 2, 1);
        Label toLabel = new Label("To:");
        GridPane.setValignment(toLabel, VPos.TOP);
        form.add(toLabel, 0, 1);
        form.add(recipients, 1, 1, 2, 1);
        form.add(withFootage, 1, 2, 2, 1);
        form.add(new Label("Save to:"), 0, 3);
        form.add(destination, 1, 3);
        form.add(choose, 2, 3);
        GridPane.setVgrow(recipients, Priority.ALWAYS);

        Button send = new Button("Send");
        send.setId("sendButton");
        send.setDefaultButton(true);
        send.disableProperty().bind(viewModel.canSendBinding().not());
        send.setOnAction(event -> viewModel.send());
        Button showInFolder = new Button("Show in Folder");
        showInFolder.setId("sendShowInFolderButton");
        showInFolder.setOnAction(event -> viewModel.showInFolder());
        HBox resultActions = new HBox(8, showInFolder);
        WorkDialog.Parts parts = WorkDialog.parts(viewModel.run(), viewModel.outcomeProperty(), "send");
        resultActions.visibleProperty().bind(viewModel.outcomeProperty().isNotEmpty());
        resultActions.managedProperty().bind(resultActions.visibleProperty());
        for (var control : new javafx.scene.Node[] {what, recipients, withFootage, destination, choose}) {
            control.disableProperty().bind(viewModel.run().runningProperty());
        }
        HBox buttons = new HBox(10, send, parts.cancel(), parts.close());
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, form, parts.progress(), parts.failure(), parts.outcome(), resultActions, buttons);
        root.setPadding(new Insets(16, 18, 16, 18));
        root.setPrefWidth(760);
        VBox.setVgrow(form, Priority.ALWAYS);
        return WorkDialog.show(owner, "Send", root, viewModel.run(), viewModel.outcomeProperty());
    }

    private static TableView<SendViewModel.Recipient> recipients(SendViewModel viewModel) {
        TableView<SendViewModel.Recipient> table = new TableView<>(viewModel.recipients());
        table.setId("sendRecipients");
        table.setEditable(true);
        table.setPlaceholder(new Label("No contacts yet: add them with File > Team… > Contacts."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SendViewModel.Recipient, Boolean> chosen = new TableColumn<>("Send to");
        chosen.setCellValueFactory(cell -> cell.getValue().chosenProperty());
        chosen.setCellFactory(CheckBoxTableCell.forTableColumn(chosen));
        chosen.setEditable(true);
        chosen.setPrefWidth(70);
        TableColumn<SendViewModel.Recipient, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        name.setPrefWidth(200);
        TableColumn<SendViewModel.Recipient, String> role = new TableColumn<>("Accepted as");
        role.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().acceptedAs()));
        role.setPrefWidth(130);
        TableColumn<SendViewModel.Recipient, String> fingerprint = new TableColumn<>("Fingerprint");
        fingerprint.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().fingerprintStart()));
        fingerprint.setPrefWidth(200);
        table.getColumns().setAll(java.util.List.of(chosen, name, role, fingerprint));
        table.setPrefHeight(170);
        return table;
    }

    private static void chooseDestination(SendViewModel viewModel, Window window) {
        Path current = Path.of(viewModel.destinationProperty().get().isBlank() ? "." : viewModel.destinationProperty().get())
                .toAbsolutePath();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the Bundle");
        File folder = current.getParent() == null ? null : current.getParent().toFile();
        chooser.setInitialDirectory(folder != null && folder.isDirectory() ? folder : null);
        chooser.setInitialFileName(current.getFileName().toString());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Frameproof bundle", "*" + SendViewModel.EXTENSION));
        File chosen = chooser.showSaveDialog(window);
        if (chosen != null) {
            viewModel.destinationProperty().set(chosen.getAbsolutePath());
        }
    }
}
