package org.frameproof.ui.review;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationCommand;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.AnnotationQuery;
import org.frameproof.evidence.AnnotationService;
import org.frameproof.evidence.FootageService;
import org.frameproof.evidence.UndoHistory;
import org.frameproof.media.MediaSource;
import org.frameproof.media.VaultSources;
import org.frameproof.ui.common.PictureLook;
import org.frameproof.ui.player.PlayerViewModel;

/**
 * The annotations of the footage item on screen: which item is open (annotations need its SHA-256
 * and vault copy, so a file opened directly cannot be annotated), its annotations in frame order,
 * the selected one, the in and out marks, and every change a reviewer makes, each saved durably
 * through {@link AnnotationService} before the method returns. All methods run on the FX thread.
 */
public final class AnnotationSession {
    public static final String IMPORT_HINT = "Import the file into a case to annotate it.";
    static final String OPEN_HINT = "Open footage from a case to annotate it.";
    /** Commands with more revisions than this are read back instead of applied to the list. */
    private static final int SHOWN_WITHOUT_READING = 1_000;
    /** The order {@link AnnotationService#list} gives: frames, then id. */
    private static final Comparator<Annotation> LIST_ORDER = Comparator
            .comparingInt((Annotation annotation) -> annotation.span().startFrame())
            .thenComparingInt(annotation -> annotation.span().endFrame())
            .thenComparing(Annotation::id);

    private final AnnotationService service;
    private final FootageService footageService;
    private final VaultSources vault;
    private final Reviewer reviewer;
    private final PlayerViewModel player;
    private final Executor background;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<Footage> footage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(OPEN_HINT);
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObjectProperty<Annotation> selected = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper inFrame = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper outFrame = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    // Named before anything was done too: a menu item without a name looks broken.
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Region.Shape> drawing = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper veiled = new ReadOnlyBooleanWrapper();
    private final PictureLook look;
    /** The frame to show once the player has the footage's vault copy open, or -1. */
    private int pendingFrame = -1;
    /** The item whose vault copy the player is opening, until the opening ends either way; else null. */
    private Footage opening;
    private final List<Consumer<Footage>> openedListeners = new ArrayList<>();
    /** The newest read of the annotations: an older one that finishes later is dropped. */
    private long latestRead;
    /** Whether the newest read has not been shown yet. */
    private boolean reading;
    /** The annotation keys 1-4 just created, while no other change has followed it; else null. */
    private String untouchedNewId;

    /**
     * @param background where the open footage's annotations are read
     * @param fx where what was read is shown
     */
    public AnnotationSession(AnnotationService service, FootageService footageService, VaultSources vault,
            Reviewer reviewer, PlayerViewModel player, PictureLook look, Executor background, Executor fx) {
        this.service = service;
        this.look = look;
        this.vault = vault;
        this.background = background;
        this.fx = fx;
        this.footageService = footageService;
        this.reviewer = reviewer;
        this.player = player;
        UndoHistory history = service.history();
        history.addListener(this::historyChanged);
        player.openFileProperty().addListener((observable, old, file) -> fileOpened(file));
        player.indexingProgressProperty().addListener((observable, old, progress) -> {
            if (progress.doubleValue() < 0 && opening != null) {
                openingEnded();
            }
        });
        selected.addListener((observable, old, annotation) -> drawing.set(null));
        veiled.bind(Bindings.createBooleanBinding(() -> look.veiled(footage.get()), footage, look.revealed()));
    }

    // ---- which footage

    /**
     * Opens an imported footage item's vault copy in the player, with its annotations: what the
     * cases tree calls. Graphic footage opens veiled until {@link #reveal()}.
     */
    public void openFootage(Footage item) {
        openFootage(item, -1);
    }

    /** Opens a footage item by id (a list or search result) and shows {@code frame} once it is open. */
    public void openFootage(long footageId, int frame) {
        try {
            Footage item = footageService.require(footageId);
            if (isOpen(item)) {
                player.goTo(frame);
            } else {
                openFootage(item, frame);
            }
        } catch (UserFacingException e) {
            message.set(e.getMessage());
        }
    }

    private void openFootage(Footage item, int frame) {
        footage.set(item);
        pendingFrame = frame;
        selected.set(null);
        clearRange();
        MediaSource vaultCopy = vault.of(item);
        opening = item;
        if (vaultCopy.equals(player.openFileProperty().get())) {
            fileOpened(vaultCopy);
            openingEnded();
        } else {
            enabled.set(false);
            player.open(vaultCopy);
        }
        reload();
    }

    /**
     * Calls {@code listener} with each footage item opened, once its opening has ended: its vault
     * copy on screen and ready to step through, or refused by the player. Reading the whole copy
     * again (its hash re-check) waits for this, so that it does not slow the opening down.
     */
    public void whenOpened(Consumer<Footage> listener) {
        openedListeners.add(listener);
    }

    private void openingEnded() {
        Footage ended = opening;
        opening = null;
        openedListeners.forEach(listener -> listener.accept(ended));
    }

    private boolean isOpen(Footage item) {
        return footage.get() != null && footage.get().id() == item.id() && enabled.get();
    }

    private void fileOpened(MediaSource file) {
        Footage item = footage.get();
        boolean annotatable = item != null && vault.of(item).equals(file);
        if (!annotatable && file != null && openImportedCopy()) {
            return;
        }
        if (!annotatable && item != null) {
            footage.set(null);
            annotations.clear();
            selected.set(null);
        }
        clearRange();
        enabled.set(annotatable);
        hint.set(annotatable ? "" : file == null ? OPEN_HINT : IMPORT_HINT);
        if (annotatable && pendingFrame >= 0) {
            player.goTo(pendingFrame);
        }
        pendingFrame = -1;
    }

    /**
     * A file opened directly that the vault already holds (the same SHA-256) opens as that footage
     * item, at the same frame, so that it can be annotated; true when it did.
     */
    private boolean openImportedCopy() {
        MediaFacts facts = player.factsProperty().get();
        if (facts == null || facts.sha256() == null) {
            return false;
        }
        try {
            Optional<Footage> imported = footageService.listAll().stream()
                    .filter(candidate -> candidate.sha256().equalsIgnoreCase(facts.sha256())).findFirst();
            imported.ifPresent(candidate -> {
                openFootage(candidate, player.currentFrameProperty().get());
                message.set("This file is already imported as " + candidate.originalName() + " (#" + candidate.id()
                        + "): its vault copy is open.");
            });
            return imported.isPresent();
        } catch (UserFacingException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    // ---- the annotations

    /**
     * Reads the open footage's annotations again, off the FX thread (a footage item may have a
     * hundred thousand), and shows them keeping the selection by id: after a change made outside
     * the undo history (a conflict resolved, a bundle merged). FX thread.
     */
    public void reload() {
        long read = ++latestRead;
        Footage item = footage.get();
        if (item == null) {
            reading = false;
            annotations.clear();
            return;
        }
        reading = true;
        background.execute(() -> {
            try {
                List<Annotation> listed = service.list(AnnotationQuery.footage(item.id()));
                fx.execute(() -> showRead(read, listed));
            } catch (UserFacingException e) {
                fx.execute(() -> {
                    if (read == latestRead) {
                        reading = false;
                        message.set(e.getMessage());
                    }
                });
            }
        });
    }

    private void showRead(long read, List<Annotation> listed) {
        if (read != latestRead) {
            return;
        }
        reading = false;
        String selectedId = selected.get() == null ? null : selected.get().id();
        annotations.setAll(listed);
        selected.set(selectedId == null ? null
                : listed.stream().filter(a -> a.id().equals(selectedId)).findFirst().orElse(null));
    }

    /**
     * Keys 1-4: creates an annotation of {@code kind} on the in/out range when one is marked (the
     * in mark alone reaches to the current frame), else at the current frame, and selects it.
     */
    public Optional<Annotation> quickTag(AnnotationKind kind) {
        if (!enabled.get()) {
            message.set(hint.get());
            return Optional.empty();
        }
        int current = player.currentFrameProperty().get();
        int start = inFrame.get() >= 0 ? inFrame.get() : current;
        int end = outFrame.get() >= 0 ? outFrame.get() : inFrame.get() >= 0 ? Math.max(current, start) : current;
        if (end < start) {
            int swap = start;
            start = end;
            end = swap;
        }
        try {
            Annotation created = service.create(footage.get().id(), start, end, AnnotationContent.empty(kind));
            untouchedNewId = created.id();
            clearRange();
            message.set("");
            select(created);
            return Optional.of(created);
        } catch (UserFacingException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Saves the form of an annotation; false (with {@link #messageProperty()} saying why) when refused. */
    public boolean save(String id, AnnotationContent content) {
        Annotation[] edited = new Annotation[1];
        boolean done = attempt(() -> edited[0] = service.edit(id, content));
        if (done) {
            // The time makes a second save of the same finding visibly new.
            FrameSpan span = edited[0].span();
            saved.set("Saved " + edited[0].kind().code() + (span.isPoint() ? " at frame " + span.startFrame()
                    : " at frames " + span.startFrame() + "-" + span.endFrame()) + " at "
                    + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ".");
        }
        return done;
    }

    /** Moves an annotation to other frames (the timeline's edge drag). */
    public boolean retime(String id, int startFrame, int endFrame) {
        return attempt(() -> service.retime(id, startFrame, endFrame));
    }

    /** Sets the region drawn on the frame, in displayed-frame pixels. */
    public boolean setRegion(String id, Region region) {
        drawing.set(null);
        return attempt(() -> service.setRegion(id, region));
    }

    public boolean delete(String id) {
        return attempt(() -> service.delete(id));
    }

    /** Confirms or rejects the selected finding; refused with the service's words when the rules forbid it. */
    public boolean review(Review.Verdict verdict, String comment) {
        Annotation annotation = selected.get();
        return annotation != null && attempt(() -> service.review(annotation.id(), verdict, comment));
    }

    /** Submits the selected draft for review. */
    public boolean submit() {
        Annotation annotation = selected.get();
        return annotation != null && attempt(() -> service.submit(annotation.id()));
    }

    /** Seals the selected confirmed or rejected finding. */
    public boolean seal() {
        Annotation annotation = selected.get();
        return annotation != null && attempt(() -> service.seal(annotation.id()));
    }

    /** Unseals the selected finding, with the reason recorded in it. */
    public boolean unseal(String reason) {
        Annotation annotation = selected.get();
        return annotation != null && attempt(() -> service.unseal(annotation.id(), reason));
    }

    /** Who signed {@code finding} and how its review weighs here; empty when that cannot be read (the message says why). */
    public Optional<AnnotationService.Signatures> signatures(Annotation finding) {
        try {
            return Optional.of(service.signatures(finding));
        } catch (UserFacingException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Esc in the form of an annotation that keys 1-4 have just created and nothing has changed
     * since: takes its creation back (an audited undo), so a key pressed by mistake leaves nothing.
     *
     * @return true when the annotation was taken back
     */
    public boolean discardIfUntouched(String id) {
        return id.equals(untouchedNewId) && attempt(() -> service.history().undo());
    }

    /** Takes back the last change and selects the annotation it touched, if it still exists. */
    public void undo() {
        attempt(() -> service.history().undo().ifPresent(command -> selectTouched(command.inverse())));
    }

    /** Applies the last undone change again and selects the annotation it touched. */
    public void redo() {
        attempt(() -> service.history().redo().ifPresent(this::selectTouched));
    }

    private void selectTouched(AnnotationCommand applied) {
        applied.revisions().stream().map(AnnotationCommand.Revision::after).filter(java.util.Objects::nonNull)
                .findFirst().ifPresent(this::select);
    }

    private boolean attempt(Change change) {
        try {
            change.run();
            message.set("");
            return true;
        } catch (UserFacingException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    @FunctionalInterface
    private interface Change {
        void run() throws UserFacingException;
    }

    private void historyChanged(AnnotationCommand written) {
        untouchedNewId = null;
        UndoHistory history = service.history();
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoText.set(history.undoDescription().map(text -> "Undo " + text).orElse("Undo"));
        redoText.set(history.redoDescription().map(text -> "Redo " + text).orElse("Redo"));
        show(written);
    }

    /**
     * Puts what a command wrote into the open footage's annotations, in the order a read gives,
     * instead of reading them all again: with a hundred thousand that read alone would take longer
     * than a key press may. A large command (an import) is read again. FX thread.
     */
    private void show(AnnotationCommand written) {
        Footage item = footage.get();
        if (item == null) {
            return;
        }
        if (reading || written.revisions().size() > SHOWN_WITHOUT_READING) {
            // A read under way may have missed this change: read again after it.
            reload();
            return;
        }
        Map<String, Annotation> changed = new HashMap<>();
        for (AnnotationCommand.Revision revision : written.revisions()) {
            Annotation after = revision.after();
            Annotation shown = after != null && after.footageId() == item.id() ? after : null;
            changed.put(revision.id(), shown);
            // One change each, in place, so the timeline redraws what moved rather than rebuilding all.
            int at = indexOf(revision.id());
            if (at >= 0 && shown != null && fitsAt(at, shown)) {
                annotations.set(at, shown);
                continue;
            }
            if (at >= 0) {
                annotations.remove(at);
            }
            if (shown != null) {
                int insert = Collections.binarySearch(annotations, shown, LIST_ORDER);
                annotations.add(insert < 0 ? -insert - 1 : insert, shown);
            }
        }
        String selectedId = selected.get() == null ? null : selected.get().id();
        if (selectedId != null && changed.containsKey(selectedId)) {
            selected.set(changed.get(selectedId));
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < annotations.size(); i++) {
            if (annotations.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code annotation} keeps the list in order at {@code index}. */
    private boolean fitsAt(int index, Annotation annotation) {
        return (index == 0 || LIST_ORDER.compare(annotations.get(index - 1), annotation) <= 0)
                && (index == annotations.size() - 1 || LIST_ORDER.compare(annotation, annotations.get(index + 1)) <= 0);
    }

    /** Selects an annotation and shows its first frame. */
    public void jumpTo(Annotation annotation) {
        select(annotation);
        player.goTo(annotation.span().startFrame());
    }

    public void select(Annotation annotation) {
        selected.set(annotation == null ? null
                : annotations.stream().filter(a -> a.id().equals(annotation.id())).findFirst().orElse(annotation));
    }

    // ---- in and out

    /** Key I: the range starts at the current frame. */
    public void markIn() {
        if (enabled.get()) {
            inFrame.set(player.currentFrameProperty().get());
            if (outFrame.get() >= 0 && outFrame.get() < inFrame.get()) {
                outFrame.set(-1);
            }
        }
    }

    /** Key O: the range ends at the current frame. */
    public void markOut() {
        if (enabled.get()) {
            outFrame.set(player.currentFrameProperty().get());
            if (inFrame.get() > outFrame.get()) {
                inFrame.set(-1);
            }
        }
    }

    public void clearRange() {
        inFrame.set(-1);
        outFrame.set(-1);
    }

    // ---- drawing and the graphic safeguard

    /** Key R (rectangle) or E (ellipse): the next drag on the picture draws the selected annotation's region. */
    public void startDrawing(Region.Shape shape) {
        if (selected.get() == null) {
            message.set("Select an annotation (or create one with 1-4) before drawing its region.");
            return;
        }
        drawing.set(drawing.get() == shape ? null : shape);
    }

    /** Shows graphic footage as it is, with its sound, and its pictures everywhere sharp. */
    public void reveal() {
        if (footage.get() != null) {
            look.reveal(footage.get());
        }
    }

    // ---- properties

    public ReadOnlyObjectProperty<Footage> footageProperty() {
        return footage.getReadOnlyProperty();
    }

    /** True while an imported footage item is on screen, so annotations can be made. */
    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    /** Why annotations are off, empty when they are on. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The open footage's annotations by frame. */
    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    public ObjectProperty<Annotation> selectedProperty() {
        return selected;
    }

    public ReadOnlyIntegerProperty inFrameProperty() {
        return inFrame.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty outFrameProperty() {
        return outFrame.getReadOnlyProperty();
    }

    /** What the last save of a form wrote ("Saved injury at frame 120 at 14:03:12."), for the status bar. */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Why the last change was refused, empty after one that worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The shape the next drag on the picture draws, or null when dragging pans. */
    public ObjectProperty<Region.Shape> drawingProperty() {
        return drawing;
    }

    /** True while graphic footage is blurred and muted. */
    public ReadOnlyBooleanProperty veiledProperty() {
        return veiled.getReadOnlyProperty();
    }

    /** Shows every picture in shades of grey (a setting against fatigue). */
    public BooleanProperty grayscaleProperty() {
        return look.grayscaleProperty();
    }

    /** Whether and how pictures of footage are veiled or grey, for every view that shows one. */
    public PictureLook look() {
        return look;
    }

    public Reviewer reviewer() {
        return reviewer;
    }

    public boolean reviewerIsMedicalExpert() {
        return reviewer.role() == Role.MEDICAL_EXPERT;
    }

    public PlayerViewModel player() {
        return player;
    }
}
