package org.frameproof.ui.cases;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VerificationBasis;
import org.frameproof.evidence.CancelledException;
import org.frameproof.evidence.CaseService;
import org.frameproof.evidence.FootageService;
import org.frameproof.evidence.ImportResult;
import org.frameproof.evidence.Progress;
import org.frameproof.ui.common.TaskExecutor;

/**
 * The left pane: cases and their footage, importing into a case, opening an item (which
 * re-verifies its vault copy in the background), and the selected item's provenance and status.
 */
public final class CasesViewModel {
    /** A case with its footage, in import order. */
    public record CaseRow(Case investigation, List<FootageRow> footage) {
    }

    /** The vault copy of {@code footage} no longer reads as the hash recorded at import. */
    public record IntegrityWarning(Footage footage, String expectedSha256, String actualSha256) {
    }

    /** What an import did, file by file, and why it stopped early if it did. */
    public record ImportReport(String caseTitle, List<String> lines, String stoppedBecause) {
        public ImportReport {
            lines = List.copyOf(lines);
        }
    }

    private final CaseService caseService;
    private final FootageService footageService;
    private final TaskExecutor importExecutor;
    private final TaskExecutor verifyExecutor;
    private final Consumer<Footage> player;

    private final ObservableList<CaseRow> cases = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper importProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper importStep = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ImportReport> importReport = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean importCancelled = new AtomicBoolean();

    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper activityProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<IntegrityWarning> integrityWarning = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Footage> lastChecked = new ReadOnlyObjectWrapper<>();

    private final ObjectProperty<FootageRow> selected = new SimpleObjectProperty<>();
    private final StringProperty sourceUrl = new SimpleStringProperty("");
    private final StringProperty platform = new SimpleStringProperty("");
    private final StringProperty poster = new SimpleStringProperty("");
    private final StringProperty firstSeenAt = new SimpleStringProperty("");
    private final StringProperty firstSeenBasis = new SimpleStringProperty("");
    private final BooleanProperty graphicViolence = new SimpleBooleanProperty();
    private final BooleanProperty identifiablePeople = new SimpleBooleanProperty();
    private final ObjectProperty<FootageStatus> status = new SimpleObjectProperty<>(FootageStatus.UNVERIFIED);
    private final StringProperty statusReason = new SimpleStringProperty("");
    /** How the source, date and place of verified footage were established. */
    private final StringProperty basisSource = new SimpleStringProperty("");
    private final StringProperty basisDate = new SimpleStringProperty("");
    private final StringProperty basisPlace = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper detailsMessage = new ReadOnlyStringWrapper("");

    /**
     * @param player opens an item in the player (its vault copy) with its annotations
     */
    public CasesViewModel(CaseService caseService, FootageService footageService, TaskExecutor importExecutor,
            TaskExecutor verifyExecutor, Consumer<Footage> player) {
        this.caseService = caseService;
        this.footageService = footageService;
        this.importExecutor = importExecutor;
        this.verifyExecutor = verifyExecutor;
        this.player = player;
        // A re-read of the same item (after a verification) keeps what the reviewer is typing.
        selected.addListener((observable, old, row) -> {
            if (old == null || row == null || old.footage().id() != row.footage().id()) {
                showDetails(row);
            }
        });
    }

    /** Reads the cases and their footage again; a failure is shown and the tree stays as it was. */
    public void refresh() {
        try {
            List<CaseRow> rows = new ArrayList<>();
            for (Case investigation : caseService.listCases()) {
                rows.add(new CaseRow(investigation, footageService.list(investigation).stream().map(FootageRow::of).toList()));
            }
            cases.setAll(rows);
            FootageRow current = selected.get();
            if (current != null) {
                selected.set(find(current.footage().id()));
            }
        } catch (UserFacingException e) {
            message.set(e.getMessage());
        }
    }

    /** The row of footage item {@code id} as last read, or null. */
    public FootageRow find(long id) {
        return cases.stream().flatMap(row -> row.footage().stream())
                .filter(row -> row.footage().id() == id).findFirst().orElse(null);
    }

    public Case createCase(String title, String description) throws UserFacingException {
        Case created = caseService.createCase(title, description);
        refresh();
        return created;
    }

    // ---- import

    /**
     * Imports files and folders into {@code target} on the import executor. Progress and the
     * running file are shown while it runs; the report arrives in {@link #importReportProperty()}.
     */
    public void importFiles(Case target, List<Path> files) {
        if (importing.get() || files.isEmpty()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        importCancelled = cancelled;
        importReport.set(null);
        importProgress.set(0);
        importStep.set("Starting…");
        importing.set(true);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Task<String> work = new Task<>() {
            @Override
            protected String call() {
                Progress progress = new Progress() {
                    @Override
                    public void update(String item, long done, long total) {
                        // Each file gets its report line when it is done, so the lines so far count the files before it.
                        updateMessage(importStepText(lines.size() + 1, files.size(), item, done, total));
                        updateProgress(done, Math.max(total, 1));
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelled.get();
                    }
                };
                try {
                    footageService.importFiles(target, files, Provenance.UNKNOWN, progress, result -> lines.add(describe(result)));
                    return null;
                } catch (CancelledException e) {
                    return e.getMessage() + ". Nothing of that file was kept; the files listed above it are imported.";
                } catch (UserFacingException e) {
                    return "Stopped: " + e.getMessage();
                }
            }
        };
        importStep.bind(work.messageProperty());
        importProgress.bind(work.progressProperty());
        work.setOnSucceeded(event -> finishImport(new ImportReport(target.title(), lines, work.getValue())));
        work.setOnFailed(event -> finishImport(new ImportReport(target.title(), lines, "Stopped: " + work.getException())));
        importExecutor.execute(work);
    }

    /** "2 of 4: clip.mp4 — 40 %": which file of how many, and how far through it. */
    static String importStepText(int file, int files, String item, long done, long total) {
        return Math.min(file, files) + " of " + files + ": " + item + " — " + (total == 0 ? 100 : done * 100 / total) + " %";
    }

    /** Asks the running import to stop; the file being copied is removed, the ones before it stay. */
    public void cancelImport() {
        importCancelled.set(true);
    }

    private void finishImport(ImportReport report) {
        importStep.unbind();
        importProgress.unbind();
        importing.set(false);
        refresh();
        importReport.set(report);
    }

    private static String describe(ImportResult result) {
        String name = result.file().getFileName().toString();
        return switch (result.outcome()) {
            case IMPORTED -> "Imported " + name + " as #" + result.footage().id() + ".";
            case DUPLICATE -> "Duplicate: " + name + " has the same content as #" + result.footage().duplicateOf()
                    + " (recorded as #" + result.footage().id() + ", one vault copy).";
            case REFUSED -> "Refused " + name + ": " + result.reason();
        };
    }

    // ---- opening and verifying

    /** Opens the item's vault copy in the player; {@link #recheck} follows once it is open. */
    public void open(FootageRow row) {
        player.accept(row.footage());
    }

    /**
     * Re-verifies the item's vault copy in the background, saying the result in the status bar and
     * loudly when the copy no longer matches its recorded hash. Called once an opening has ended.
     */
    public void recheck(Footage item) {
        activity.set("Verifying " + item.originalName() + "…");
        activityProgress.set(0);
        Task<FootageService.Check> verification = new Task<>() {
            @Override
            protected FootageService.Check call() throws UserFacingException {
                return footageService.check(item.id(), new Progress() {
                    @Override
                    public void update(String name, long done, long total) {
                        updateProgress(done, Math.max(total, 1));
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
            }
        };
        activityProgress.bind(verification.progressProperty());
        verification.setOnSucceeded(event -> {
            activityProgress.unbind();
            activityProgress.set(0);
            FootageService.Check check = verification.getValue();
            refresh();
            lastChecked.set(check.footage());
            if (check.intact()) {
                activity.set(item.originalName() + ": " + Integrity.INTACT.shown() + " (SHA-256 " + item.sha256().substring(0, 16)
                        + "… matches)");
            } else {
                activity.set(item.originalName() + ": " + Integrity.FAILED.shown() + " — the vault copy does not match its recorded hash");
                integrityWarning.set(new IntegrityWarning(check.footage(), item.sha256(), check.actualSha256()));
            }
        });
        verification.setOnFailed(event -> {
            activityProgress.unbind();
            activityProgress.set(0);
            activity.set("Could not verify " + item.originalName() + ": " + verification.getException().getMessage());
        });
        verifyExecutor.execute(verification);
    }

    /** The warning has been shown; the next mismatch is a new one. */
    public void integrityWarningShown() {
        integrityWarning.set(null);
    }

    // ---- provenance and status of the selected item

    private void showDetails(FootageRow row) {
        detailsMessage.set("");
        Provenance provenance = row == null ? Provenance.UNKNOWN : row.footage().provenance();
        sourceUrl.set(text(provenance.sourceUrl()));
        platform.set(text(provenance.platform()));
        poster.set(text(provenance.poster()));
        firstSeenAt.set(provenance.firstSeenAt() == null ? "" : provenance.firstSeenAt().toString());
        firstSeenBasis.set(text(provenance.firstSeenBasis()));
        graphicViolence.set(provenance.graphicViolence());
        identifiablePeople.set(provenance.identifiablePeople());
        status.set(row == null ? FootageStatus.UNVERIFIED : row.footage().status());
        statusReason.set(row == null ? "" : text(row.footage().statusReason()));
        VerificationBasis basis = row == null ? null : row.footage().basis();
        basisSource.set(basis == null ? "" : basis.source());
        basisDate.set(basis == null ? "" : basis.date());
        basisPlace.set(basis == null ? "" : basis.place());
    }

    /** Saves the provenance and the status of the selected item (each only when changed). */
    public void saveDetails() {
        FootageRow row = selected.get();
        if (row == null) {
            return;
        }
        try {
            Instant firstSeen = parseInstant(firstSeenAt.get());
            Footage item = row.footage();
            footageService.updateProvenance(item.id(), new Provenance(sourceUrl.get(), platform.get(), poster.get(),
                    firstSeen, firstSeenBasis.get(), graphicViolence.get(), identifiablePeople.get()));
            VerificationBasis basis = new VerificationBasis(basisSource.get(), basisDate.get(), basisPlace.get());
            if (status.get() == FootageStatus.VERIFIED) {
                if (item.status() != FootageStatus.VERIFIED || !basis.equals(item.basis())
                        || !Objects.equals(text(item.statusReason()), statusReason.get().strip())) {
                    footageService.verify(item.id(), basis, statusReason.get());
                }
            } else if (status.get() != item.status() || !Objects.equals(text(item.statusReason()), statusReason.get().strip())) {
                footageService.setStatus(item.id(), status.get(), statusReason.get());
            }
            refresh();
            detailsMessage.set("Saved.");
        } catch (UserFacingException e) {
            detailsMessage.set(e.getMessage());
        }
    }

    private static Instant parseInstant(String text) throws UserFacingException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserFacingException("First seen: write a UTC time such as 2024-05-01T10:00:00Z.", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    // ---- properties

    public ObservableList<CaseRow> cases() {
        return cases;
    }

    /** The last problem reading the cases, in the reviewer's words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty importProgressProperty() {
        return importProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty importStepProperty() {
        return importStep.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> importReportProperty() {
        return importReport.getReadOnlyProperty();
    }

    /** What runs in the background for the status bar (verifying an opened item); empty when nothing. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty activityProgressProperty() {
        return activityProgress.getReadOnlyProperty();
    }

    /** The item as recorded after its latest re-hash on opening, with the check's result and time. */
    public ReadOnlyObjectProperty<Footage> lastCheckedProperty() {
        return lastChecked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IntegrityWarning> integrityWarningProperty() {
        return integrityWarning.getReadOnlyProperty();
    }

    public ObjectProperty<FootageRow> selectedProperty() {
        return selected;
    }

    public StringProperty sourceUrlProperty() {
        return sourceUrl;
    }

    public StringProperty platformProperty() {
        return platform;
    }

    public StringProperty posterProperty() {
        return poster;
    }

    /** ISO-8601 UTC, e.g. 2024-05-01T10:00:00Z; empty when unknown. */
    public StringProperty firstSeenAtProperty() {
        return firstSeenAt;
    }

    public StringProperty firstSeenBasisProperty() {
        return firstSeenBasis;
    }

    public BooleanProperty graphicViolenceProperty() {
        return graphicViolence;
    }

    public BooleanProperty identifiablePeopleProperty() {
        return identifiablePeople;
    }

    public ObjectProperty<FootageStatus> statusProperty() {
        return status;
    }

    public StringProperty statusReasonProperty() {
        return statusReason;
    }

    public StringProperty basisSourceProperty() {
        return basisSource;
    }

    public StringProperty basisDateProperty() {
        return basisDate;
    }

    public StringProperty basisPlaceProperty() {
        return basisPlace;
    }

    /** "Saved." or what stopped the save. */
    public ReadOnlyStringProperty detailsMessageProperty() {
        return detailsMessage.getReadOnlyProperty();
    }
}
