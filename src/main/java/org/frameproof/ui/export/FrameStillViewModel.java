package org.frameproof.ui.export;

import java.nio.file.Path;
import java.util.Optional;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.exchange.Exporter;
import org.frameproof.evidence.FrameSources;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.exchange.OpenFrames;

/**
 * "Export current frame as still": the frame on screen, as a lossless PNG at full resolution with
 * its sidecar JSON and SHA-256, written by the same code as every other export and recorded in
 * the audit log. Only footage in the store has an identity to tie a still to, so a video opened
 * without importing it gets a message instead.
 */
public final class FrameStillViewModel {
    private final EvidenceStore store;
    private final FrameSources frames;
    private final ExportRun run;

    /** The frame to export: a footage item of the store and a frame number of it. */
    public record FrameOnScreen(Footage footage, int frame) {
        /** {@code <original name>_frame<000123>.png}, as the stills export names its files. */
        public String suggestedFileName() {
            return Exporter.stillFileName(footage.originalName(), frame);
        }
    }

    public FrameStillViewModel(EvidenceStore store, FrameSources frames, TaskExecutor executor) {
        this.store = store;
        this.frames = frames;
        this.run = new ExportRun(executor);
    }

    /**
     * The footage item whose file has this SHA-256 (the file in the player) at this frame.
     *
     * @param sha256 the SHA-256 of the file on screen, or null when none is open
     * @param frame the frame on screen, -1 when none
     * @throws UserFacingException when nothing is on screen or the file is not in the store
     */
    public FrameOnScreen locate(String sha256, int frame) throws UserFacingException {
        if (sha256 == null || frame < 0) {
            throw new UserFacingException("No frame is on screen: open a footage item and go to the frame first.");
        }
        Optional<Footage> item = store.footage().listAll().stream()
                .filter(footage -> footage.sha256().equalsIgnoreCase(sha256))
                .findFirst();
        return new FrameOnScreen(item.orElseThrow(() -> new UserFacingException(
                "The video on screen is not in the evidence store. Import it into a case first, so that its still "
                        + "names the footage it comes from and is recorded in the audit log.")), frame);
    }

    /** Writes the still on the executor; the outcome or the message follow in {@link #run()}. */
    public void export(FrameOnScreen what, Path out) {
        run.start(monitor -> {
            try (OpenFrames open = frames.open(store)) {
                return store.exports().exportFrame(what.footage().id(), what.frame(), out, open);
            }
        }, recorded -> {
            Path png = recorded.result().path();
            return "Frame " + what.frame() + " of " + what.footage().originalName() + "\nWrote " + png
                    + "\nwith " + png.getFileName() + ".json (source, frame, time, regions) and " + png.getFileName()
                    + ".sha256 beside it\nSHA-256 of the PNG " + recorded.result().sha256()
                    + ExportViewModel.audited(recorded);
        }, out);
    }

    /** The running or last still: its outcome or message. */
    public ExportRun run() {
        return run;
    }
}
