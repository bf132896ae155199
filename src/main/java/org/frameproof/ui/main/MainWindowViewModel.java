package org.frameproof.ui.main;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frameproof.domain.Case;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.CaseService;
import org.frameproof.ui.common.DemoCase;
import org.frameproof.ui.common.Theme;
import java.util.function.Supplier;
import org.frameproof.ui.export.ExportWorkspace;
import org.frameproof.ui.receive.ReceiveViewModel;
import org.frameproof.ui.send.SendViewModel;
import org.frameproof.ui.team.TeamViewModel;

/** State of the main window: the case list, the status line, the window title and the theme. */
public final class MainWindowViewModel {
    private final CaseService caseService;
    private String environmentSummary;
    private final ObservableList<Case> cases = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Frameproof");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final DoubleProperty casesWidth = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty annotationsWidth = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<ExportWorkspace> exports = new SimpleObjectProperty<>();
    private final ObjectProperty<LogFolder> logFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<DemoCase> demoCase = new SimpleObjectProperty<>();
    private final ObjectProperty<TeamViewModel> team = new SimpleObjectProperty<>();
    private final ObjectProperty<Supplier<SendViewModel>> send = new SimpleObjectProperty<>();
    private final ObjectProperty<Supplier<ReceiveViewModel>> receive = new SimpleObjectProperty<>();
    /** " — data · Ana Reviewer, researcher": whose store, and who works in it as what; empty until known. */
    private String workingIn = "";
    private String openFile = "";
    /** "DEMO — " for the demo case's store, so made-up findings are never taken for real work. */
    private String demo = "";

    /**
     * @param environmentSummary what the status bar says about where this workstation keeps its
     *     data and which engines it runs on
     */
    public MainWindowViewModel(CaseService caseService, String environmentSummary) {
        this.caseService = caseService;
        this.environmentSummary = environmentSummary;
        status.set(environmentSummary);
    }

    /** Reads the cases from the store; a failure is shown in the status bar and the list stays as it was. */
    public void refreshCases() {
        try {
            cases.setAll(caseService.listCases());
            status.set(describeCaseCount() + " · " + environmentSummary);
        } catch (UserFacingException e) {
            status.set(e.getMessage());
        }
    }

    /** Says something in the status bar until the case list changes again. */
    public void showNotice(String notice) {
        status.set(notice + " · " + environmentSummary);
    }

    /** Names the video on screen in the window title; an empty name restores the plain title. */
    public void showOpenFile(String fileName) {
        openFile = fileName == null ? "" : fileName;
        showTitle();
    }

    /**
     * Names the store (by its data folder's name) and who is working in it with which role in the
     * window title, so that on a shared laptop nobody works in the wrong store or as someone else.
     */
    public void showWorkingIn(String storeName, Reviewer reviewer) {
        workingIn = " — " + storeName + " · " + reviewer.name() + ", " + reviewer.role().label();
        showTitle();
    }

    /**
     * Says DEMO at the start of the title, and in the status bar with the demo's passphrases: the
     * store open is the demo case's.
     */
    public void showDemo(String passphrases) {
        demo = "DEMO — ";
        showTitle();
        environmentSummary = "DEMO case, not evidence. " + passphrases + " · " + environmentSummary;
        status.set(environmentSummary);
    }

    private void showTitle() {
        title.set(demo + (openFile.isEmpty() ? "" : openFile + " — ") + "Frameproof" + workingIn);
    }

    private String describeCaseCount() {
        return switch (cases.size()) {
            case 0 -> "No cases";
            case 1 -> "1 case";
            default -> cases.size() + " cases";
        };
    }

    public ObservableList<Case> cases() {
        return cases;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The width of the cases pane on the left, as the reviewer left it; NaN until they move it. */
    public DoubleProperty casesWidthProperty() {
        return casesWidth;
    }

    /** The width of the annotation pane on the right, as the reviewer left it; NaN until they move it. */
    public DoubleProperty annotationsWidthProperty() {
        return annotationsWidth;
    }

    /** Exports of the unlocked store (File > Export…); while null, the export menu items are disabled. */
    public ObjectProperty<ExportWorkspace> exportsProperty() {
        return exports;
    }

    /** The log folder Help > Open Log Folder shows; while null, that menu item is disabled. */
    public ObjectProperty<LogFolder> logFolderProperty() {
        return logFolder;
    }

    /** The demo case Help > Open Demo Case opens in a window of its own; while null (in the demo itself), disabled. */
    public ObjectProperty<DemoCase> demoCaseProperty() {
        return demoCase;
    }

    /** The reviewers, identity and contacts File > Team… shows; while null, that menu item is disabled. */
    public ObjectProperty<TeamViewModel> teamProperty() {
        return team;
    }

    /** A fresh File > Send… form each time it opens; while null, that menu item is disabled. */
    public ObjectProperty<Supplier<SendViewModel>> sendProperty() {
        return send;
    }

    /** A fresh File > Receive… form each time it opens; while null, that menu item is disabled. */
    public ObjectProperty<Supplier<ReceiveViewModel>> receiveProperty() {
        return receive;
    }
}
