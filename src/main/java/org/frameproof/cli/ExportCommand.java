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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code frameproof export (--case NAME | --footage ID) --format F --out PATH}: progress on
 * standard error; Ctrl+C cancels and leaves no partial file.
 */
@Command(name = "export", description = "Export a case or a footage item: pdf, csv, json, w3c, eaf, vtt, srt or stills.",
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

    @Option(names = "--graphic", paramLabel = "HOW", defaultValue = "include",
            description = "Stills of footage flagged graphic in the PDF: include, blur or omit (default ${DEFAULT-VALUE}).")
    String graphic;

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
        try (CtrlC ctrlC = new CtrlC("export", CLEANUP_SECONDS);
                FrameSources.OpenFrames open = frames.open(dataFolder())) {
            ExportResult result = store.exports().export(what, exportFormat, out, open, graphicStills,
                    new Progress(ctrlC));
            err().println();
            out().println("Wrote " + result.path() + " (" + exportFormat.label() + ", " + result.files() + " file"
                    + (result.files() == 1 ? "" : "s") + ", " + result.bytes() + " bytes), SHA-256 " + result.sha256());
            return 0;
        } catch (CancellationException e) {
            throw new UserFacingException("Export cancelled; nothing was written to " + out + ".");
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

        Progress(CtrlC ctrlC) {
            this.ctrlC = ctrlC;
        }

        @Override
        public void progress(long done, long total) {
            long percent = total <= 0 ? 100 : done * 100 / total;
            if (percent != lastPercent) {
                lastPercent = percent;
                err().print("\rExporting: " + percent + "%");
                err().flush();
            }
        }

        @Override
        public boolean isCancelled() {
            return ctrlC.pressed();
        }
    }
}
