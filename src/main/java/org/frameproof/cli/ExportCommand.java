package org.frameproof.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ExportService;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.ExportOptions;
import org.frameproof.exchange.ExportResult;
import org.frameproof.evidence.FrameSources;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.frameproof.exchange.OpenFrames;

/**
 * {@code frameproof export (--case NAME | --footage ID) --format F --out PATH [--include-failed]}:
 * every footage item is re-hashed first; progress on standard error; Ctrl+C cancels and leaves
 * no partial file.
 */
@Command(name = "export", description = {"Export a case or a footage item: pdf, csv, json, w3c, eaf, vtt, srt or stills.",
            "Every footage item is re-hashed first, and the export says when and with what result;"
                    + " an item that does not match its SHA-256 stops the export (see --include-failed)."},
        mixinStandardHelpOptions = true, sortOptions = false)
final class ExportCommand extends StoreCommand {
    /** How long Ctrl+C waits for the export to remove what it had written. */
    private static final long CLEANUP_SECONDS = 30;

    @ArgGroup(exclusive = true, multiplicity = "1")
    CaseOrFootage scope;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "pdf, csv, json, w3c, eaf, vtt, srt or stills.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file to write (for stills: a folder).")
    Path out;

    @Option(names = "--graphic", paramLabel = "HOW", defaultValue = "blur",
            description = "Stills of footage flagged graphic in the PDF: include, blur or omit (default ${DEFAULT-VALUE}).")
    String graphic;

    @Option(names = "--include-failed",
            description = "Export footage whose vault copy fails its SHA-256 re-check anyway, marked FAILED on every page,"
                    + " row and sidecar that shows it.")
    boolean includeFailed;

    private final FrameSources frames;

    ExportCommand(StoreAccess access, FrameSources frames) {
        super(access);
        this.frames = frames;
    }

    @Override
    int run(EvidenceStore store) throws UserFacingException {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ExportOptions.GraphicStills graphicStills = graphicStills();
        ExportService.Scope what = scope.footageId != null ? ExportService.Scope.ofFootage(scope.footageId)
                : ExportService.Scope.ofCase(scope.caseName);
        Progress progress = null;
        try (CtrlC ctrlC = new CtrlC("export", CLEANUP_SECONDS);
                OpenFrames open = frames.open(store)) {
            progress = new Progress(ctrlC);
            ExportResult result = store.exports().export(what, exportFormat, out, open, graphicStills, includeFailed,
                    progress).result();
            progress.end();
            out().println("Wrote " + result.path() + " (" + exportFormat.label() + ", " + result.files() + " file"
                    + (result.files() == 1 ? "" : "s") + ", " + result.bytes() + " bytes), SHA-256 " + result.sha256());
            // The head after the export's own audit entry: written down, it later proves the export was recorded.
            out().println("Audit chain head " + store.audit().head().printed());
            return 0;
        } catch (CancellationException e) {
            throw new UserFacingException("Export cancelled; nothing was written to " + out + ".");
        } finally {
            if (progress != null) {
                progress.end();
            }
        }
    }

    private ExportOptions.GraphicStills graphicStills() throws UserFacingException {
        try {
            return ExportOptions.GraphicStills.valueOf(graphic.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("'" + graphic + "' is not a choice for --graphic: use include, blur or omit.");
        }
    }

    /** Percent done on standard error, on one line; cancelled by Ctrl+C. */
    private final class Progress implements ExportMonitor {
        private final CtrlC ctrlC;
        private long lastPercent = -1;
        private String lastStep = "";

        Progress(CtrlC ctrlC) {
            this.ctrlC = ctrlC;
        }

        @Override
        public void progress(long done, long total) {
            show("Exporting", done, total);
        }

        @Override
        public void rehashing(long done, long total) {
            show("Re-hashing the footage", done, total);
        }

        /** Ends the progress line, so that what follows (the outcome or the message) starts a line of its own. */
        void end() {
            if (!lastStep.isEmpty()) {
                err().println();
                lastStep = "";
            }
        }

        private void show(String step, long done, long total) {
            long percent = total <= 0 ? 100 : done * 100 / total;
            if (percent != lastPercent || !step.equals(lastStep)) {
                err().print((lastStep.isEmpty() || step.equals(lastStep) ? "\r" : "\n") + step + ": " + percent + "%");
                err().flush();
                lastPercent = percent;
                lastStep = step;
            }
        }

        @Override
        public boolean isCancelled() {
            return ctrlC.pressed();
        }
    }
}
