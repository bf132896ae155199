package org.frameproof.ui.export;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.FrameSources;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.player.PlayerViewModel;

/**
 * The main window's way into exports: File > Export… opens the export dialog on the footage in
 * the player (or the first case), and File > Export Current Frame as Still… writes the frame on
 * screen.
 */
public final class ExportWorkspace {
    private final EvidenceStore store;
    private final FrameSources frames;
    private final TaskExecutor executor;
    private final PlayerViewModel player;
    private final DesktopFiles desktop;
    private Path folder;

    /**
     * @param frames the exact frames of the store's vault copies (FFmpeg's decoder, from the app)
     * @param executor where exports run
     * @param player what is on screen: its file's SHA-256 names the footage item, its frame the still
     * @param folder where exports are suggested first; later, the last folder chosen
     * @param desktop where what an export wrote is opened or shown
     */
    public ExportWorkspace(EvidenceStore store, FrameSources frames, TaskExecutor executor, PlayerViewModel player,
            Path folder, DesktopFiles desktop) {
        this.desktop = desktop;
        this.store = store;
        this.frames = frames;
        this.executor = executor;
        this.player = player;
        this.folder = folder;
    }

    /** A fresh export dialog's state, on the footage item in the player when the store holds it. */
    public ExportViewModel newExport() {
        ExportViewModel export = new ExportViewModel(store, frames, executor, folder, desktop);
        export.load();
        export.preselectFootage(sha256OnScreen());
        return export;
    }

    /** Opens the export dialog over {@code owner}. */
    public void openDialog(Window owner) {
        ExportViewModel export = newExport();
        export.run().outcomeProperty().addListener((observable, old, text) -> {
            if (!text.isEmpty()) {
                folder = parentOf(export.run().lastExport().result().path());
            }
        });
        ExportDialog.show(owner, export);
    }

    /** A state for "export current frame as still", for the window and for tests. */
    public FrameStillViewModel newFrameStill() {
        return new FrameStillViewModel(store, frames, executor);
    }

    /** Asks where to save the frame on screen, writes it and says what was written, or why not. */
    public void exportCurrentFrame(Window owner) {
        FrameStillViewModel still = newFrameStill();
        FrameStillViewModel.FrameOnScreen onScreen;
        try {
            onScreen = frameOnScreen(still);
        } catch (UserFacingException e) {
            tell(owner, Alert.AlertType.WARNING, "No still written", e.getMessage());
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Frame " + onScreen.frame() + " as Still");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (lossless)", "*.png"));
        chooser.setInitialDirectory(folder.toFile().isDirectory() ? folder.toFile() : null);
        chooser.setInitialFileName(onScreen.suggestedFileName());
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return;
        }
        folder = parentOf(chosen.toPath());
        still.run().outcomeProperty().addListener((observable, old, text) -> {
            if (!text.isEmpty()) {
                tell(owner, Alert.AlertType.INFORMATION, "Still exported", text);
            }
        });
        still.run().messageProperty().addListener((observable, old, text) -> {
            if (!text.isEmpty()) {
                tell(owner, Alert.AlertType.ERROR, "No still written", text);
            }
        });
        still.export(onScreen, chosen.toPath());
    }

    /**
     * The footage item in the player and the frame it shows.
     *
     * @throws UserFacingException while the video plays, when nothing is open, or when the file
     *     on screen is not in the store
     */
    public FrameStillViewModel.FrameOnScreen frameOnScreen(FrameStillViewModel still) throws UserFacingException {
        if (player.playingProperty().get()) {
            throw new UserFacingException("The video is playing: pause on the frame you want first.");
        }
        return still.locate(sha256OnScreen(), player.currentFrameProperty().get());
    }

    private String sha256OnScreen() {
        MediaFacts facts = player.factsProperty().get();
        return facts == null ? null : facts.sha256();
    }

    private Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? folder : parent;
    }

    private static void tell(Window owner, Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type, text);
        alert.setTitle("Export Current Frame");
        alert.setHeaderText(header);
        alert.initOwner(owner);
        alert.getDialogPane().setMinWidth(620);
        alert.show();
    }
}
