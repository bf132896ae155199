package org.frameproof.ui.receive;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.ui.common.CancellableRun;
import org.frameproof.ui.common.TaskExecutor;

/**
 * File > Receive…: a bundle file chosen is checked whole and its merge rehearsed (a dry run) before
 * anything is changed, and the preview says who sent it and what it would change; Merge then
 * imports it in one transaction (docs/decisions/0013-bundles.md) and the open views read the store
 * again. A bundle that fails any check is refused with the reason, and the store stays as it was.
 */
public final class ReceiveViewModel {
    private final EvidenceStore store;
    private final CancellableRun run;
    private final Runnable merged;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BundleService.Imported> previewed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final BooleanBinding canMerge;

    /**
     * @param executor where the bundle is checked and merged (tests run it on the calling thread)
     * @param merged what reads the store again once a merge changed it (the cases tree, the annotations), on the FX thread
     */
    public ReceiveViewModel(EvidenceStore store, TaskExecutor executor, Runnable merged) {
        this.store = store;
        this.run = new CancellableRun(executor);
        this.merged = merged;
        canMerge = run.runningProperty().not().and(Bindings.createBooleanBinding(
                () -> previewed.get() != null && !previewed.get().alreadyImported(), previewed));
    }

    /** Checks {@code bundle} and rehearses its merge in the background; the preview or the refusal follows. */
    public void choose(Path bundle) {
        file.set(bundle);
        previewed.set(null);
        preview.set("");
        outcome.set("");
        run.start(progress -> store.bundles().importBundle(bundle, true, progress), dryRun -> {
            previewed.set(dryRun);
            preview.set(ReceivedText.preview(dryRun));
        });
    }

    /** Merges the previewed bundle; it is checked again whole first, and refused if the file changed since its preview. */
    public void merge() {
        if (!canMerge.get()) {
            return;
        }
        Path bundle = file.get();
        String previewedSha256 = previewed.get().contents().fileSha256();
        run.start(progress -> store.bundles().importPreviewed(bundle, previewedSha256, progress), imported -> {
            previewed.set(null);
            preview.set("");
            outcome.set(ReceivedText.merged(imported));
            merged.run();
        });
    }

    /** Asks the running check or merge to stop; the store stays as it was. */
    public void cancel() {
        run.cancel();
    }

    /** The bundle chosen; null before one is. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** What merging the chosen bundle would change, once it passed every check; empty otherwise. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What the merge changed; empty until one succeeds. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** True when a previewed bundle, not imported before, waits to be merged. */
    public BooleanBinding canMergeBinding() {
        return canMerge;
    }

    /** The running or last check or merge: whether it runs, how far, and why it was refused. */
    public CancellableRun run() {
        return run;
    }
}
