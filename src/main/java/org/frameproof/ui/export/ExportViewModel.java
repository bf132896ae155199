package org.frameproof.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ExportService;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.exchange.ExportOptions.GraphicStills;
import org.frameproof.exchange.ExportResult;
import org.frameproof.evidence.FrameSources;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.exchange.OpenFrames;

/**
 * The export dialog's state: what to export (a whole case or one footage item of it), in which
 * format, what to do with graphic stills, and where; then the running export's progress and its
 * outcome (the file, its SHA-256 and its audit entry), or why it failed.
 */
public final class ExportViewModel {
    private final EvidenceStore store;
    private final FrameSources frames;
    private final ExportRun run;
    private final DesktopFiles desktop;

    private final ObservableList<Case> cases = FXCollections.observableArrayList();
    private final ObjectProperty<Case> selectedCase = new SimpleObjectProperty<>();
    private final ObservableList<ScopeChoice> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<ScopeChoice> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.PDF);
    // Veiled unless the reviewer chooses otherwise, as graphic footage is everywhere on screen.
    private final ObjectProperty<GraphicStills> graphicStills = new SimpleObjectProperty<>(GraphicStills.BLUR);
    private final StringProperty destination = new SimpleStringProperty("");
    private final BooleanProperty includeFailed = new SimpleBooleanProperty(false);
    private final BooleanBinding graphicStillsApply = format.isEqualTo(ExportFormat.PDF);
    private final BooleanBinding canExport;

    /** One item of the "what" list: the whole case, or one footage item of it. */
    public record ScopeChoice(Case owner, Footage footage, int footageCount) {
        public ExportService.Scope scope() {
            return footage == null ? ExportService.Scope.ofCase(owner.title()) : ExportService.Scope.ofFootage(footage.id());
        }

        @Override
        public String toString() {
            return footage == null ? "The whole case (" + footageCount + " footage item" + (footageCount == 1 ? "" : "s") + ")"
                    : "Footage " + footage.id() + ": " + footage.originalName();
        }
    }

    /**
     * @param frames the exact frames of the store's vault copies, for reports and stills
     * @param executor where the export runs (tests run it on the calling thread)
     * @param folder where exports are suggested, until the reviewer picks another place
     * @param desktop where what was written is opened or shown
     */
    public ExportViewModel(EvidenceStore store, FrameSources frames, TaskExecutor executor, Path folder,
            DesktopFiles desktop) {
        this.store = store;
        this.frames = frames;
        this.desktop = desktop;
        this.run = new ExportRun(executor);
        destination.set(folder.resolve("export").toString());
        canExport = run.runningProperty().not().and(scope.isNotNull()).and(Bindings.createBooleanBinding(
                () -> !destination.get().isBlank(), destination));
        selectedCase.addListener((observable, old, chosen) -> listScopes(chosen));
        scope.addListener((observable, old, chosen) -> suggestFileName());
        format.addListener((observable, old, chosen) -> suggestFileName());
    }

    /** Reads the cases; the first is chosen. A failure is shown as the dialog's message. */
    public void load() {
        try {
            cases.setAll(store.cases().listCases());
            selectedCase.set(cases.isEmpty() ? null : cases.get(0));
            if (cases.isEmpty()) {
                run.say("There are no cases yet: create a case and import footage first.");
            }
        } catch (UserFacingException e) {
            run.say(e.getMessage());
        }
    }

    /** Chooses the footage item with this SHA-256 (the one in the player), if the store holds it. */
    public void preselectFootage(String sha256) {
        if (sha256 == null) {
            return;
        }
        for (Case investigation : cases) {
            selectedCase.set(investigation);
            Optional<ScopeChoice> match = scopes.stream()
                    .filter(choice -> choice.footage() != null && choice.footage().sha256().equalsIgnoreCase(sha256))
                    .findFirst();
            if (match.isPresent()) {
                scope.set(match.get());
                return;
            }
        }
        selectedCase.set(cases.isEmpty() ? null : cases.get(0));
    }

    private void listScopes(Case chosen) {
        if (chosen == null) {
            scopes.clear();
            scope.set(null);
            return;
        }
        try {
            List<Footage> items = store.footage().list(chosen);
            scopes.setAll(new ScopeChoice(chosen, null, items.size()));
            items.forEach(item -> scopes.add(new ScopeChoice(chosen, item, items.size())));
            scope.set(scopes.get(0));
        } catch (UserFacingException e) {
            run.say(e.getMessage());
        }
    }

    /** Keeps the folder the reviewer chose and names the file after what and how it exports. */
    private void suggestFileName() {
        ScopeChoice chosen = scope.get();
        if (chosen == null || format.get() == null) {
            return;
        }
        String stem = chosen.footage() == null ? chosen.owner().title()
                : chosen.footage().originalName().replaceFirst("\\.[^.]*$", "");
        stem = stem.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        String name = format.get() == ExportFormat.STILLS ? stem + "-stills" : stem + "." + extension(format.get());
        Path current = Path.of(destination.get().isBlank() ? name : destination.get());
        Path folder = current.getParent();
        destination.set(folder == null ? name : folder.resolve(name).toString());
    }

    /** The file name extension a format's files carry. */
    public static String extension(ExportFormat format) {
        return switch (format) {
            case W3C -> "jsonld";
            case STILLS -> "";
            default -> format.code();
        };
    }

    /** Starts the export on the executor; progress, the outcome or the message follow in {@link #run()}. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        ExportService.Scope what = scope.get().scope();
        ExportFormat how = format.get();
        GraphicStills graphic = graphicStills.get();
        boolean failedToo = includeFailed.get();
        Path out = Path.of(destination.get().strip());
        run.start(monitor -> {
            try (OpenFrames open = frames.open(store)) {
                return store.exports().export(what, how, out, open, graphic, failedToo, monitor);
            }
        }, ExportViewModel::describe, out);
    }

    /** Opens what the last export wrote with the desktop's program for it. */
    public void openResult() {
        desktop.open(run.lastExport().result().path());
    }

    /** Shows the folder of what the last export wrote. */
    public void showResultInFolder() {
        desktop.showInFolder(run.lastExport().result().path());
    }

    static String describe(ExportService.Recorded recorded) {
        ExportResult result = recorded.result();
        StringBuilder text = new StringBuilder();
        text.append("Wrote ").append(result.path()).append('\n')
                .append(result.format().label()).append(", ").append(result.files()).append(result.files() == 1 ? " file, " : " files, ")
                .append(String.format(Locale.ROOT, "%,d bytes", result.bytes())).append('\n')
                .append("SHA-256 ").append(result.sha256());
        if (result.format() == ExportFormat.PDF) {
            text.append("\n(also written beside it in ").append(result.path().getFileName()).append(".sha256)");
        } else if (result.format() == ExportFormat.STILLS) {
            text.append(" (of the folder's SHA256SUMS list)");
        }
        return text.append(audited(recorded)).toString();
    }

    /** The line that says where the audit log records the export. */
    static String audited(ExportService.Recorded recorded) {
        return "\nRecorded in the audit log as entry " + recorded.auditEntry() + ".";
    }

    public ObservableList<Case> cases() {
        return cases;
    }

    public ObjectProperty<Case> selectedCaseProperty() {
        return selectedCase;
    }

    public ObservableList<ScopeChoice> scopes() {
        return scopes;
    }

    public ObjectProperty<ScopeChoice> scopeProperty() {
        return scope;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<GraphicStills> graphicStillsProperty() {
        return graphicStills;
    }

    /** Graphic stills can be blurred or left out in the PDF report; the other formats hold exact frames or none. */
    public BooleanBinding graphicStillsApplyBinding() {
        return graphicStillsApply;
    }

    /**
     * Whether footage whose vault copy fails its re-check is exported anyway, marked FAILED;
     * otherwise such an item stops the export with a message.
     */
    public BooleanProperty includeFailedProperty() {
        return includeFailed;
    }

    /** The file to write (for stills: a new or empty folder). */
    public StringProperty destinationProperty() {
        return destination;
    }

    public boolean destinationIsFolder() {
        return format.get() == ExportFormat.STILLS;
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    /** The running or last export: progress, cancel, outcome and message. */
    public ExportRun run() {
        return run;
    }
}
