package org.frameproof.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Case;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ImportResult;
import org.frameproof.evidence.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof import --case NAME FILE...}: copies footage into the vault with its records. */
@Command(name = "import", description = "Import video files (or folders of them) into a case. A file that changes while it is"
        + " read is refused, and so is the data folder.", mixinStandardHelpOptions = true)
final class ImportCommand extends StoreCommand {
    /** How long Ctrl+C waits for the import to remove the file it was copying. */
    private static final long CLEANUP_SECONDS = 10;

    @Option(names = "--case", paramLabel = "NAME", required = true, description = "The case to import into.")
    String caseName;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Video files or folders.")
    List<Path> files;

    @Option(names = "--source-url", paramLabel = "URL", description = "Where the footage was found.")
    String sourceUrl;

    @Option(names = "--platform", description = "The platform or channel it was shared on.")
    String platform;

    @Option(names = "--poster", description = "Who posted it.")
    String poster;

    @Option(names = "--first-seen", paramLabel = "UTC", description = "When it was first seen, e.g. 2024-05-01T10:00:00Z.")
    Instant firstSeen;

    @Option(names = "--first-seen-basis", paramLabel = "TEXT", description = "How the first-seen time was established.")
    String firstSeenBasis;

    @Option(names = "--graphic", description = "Flag the footage as showing graphic violence.")
    boolean graphic;

    @Option(names = "--identifiable-people", description = "Flag the footage as showing identifiable people.")
    boolean identifiablePeople;

    @Option(names = "--follow-links", description = "Follow symbolic links inside folders (by default they are refused:"
            + " a link can reach files outside the folder).")
    boolean followLinks;

    ImportCommand(StoreAccess access) {
        super(access);
    }

    @Override
    int run(EvidenceStore store) throws UserFacingException {
        Case target = store.cases().require(caseName);
        Provenance provenance = new Provenance(sourceUrl, platform, poster, firstSeen, firstSeenBasis, graphic, identifiablePeople);
        List<ImportResult> results = new ArrayList<>();
        try (CtrlC ctrlC = new CtrlC("import", CLEANUP_SECONDS)) {
            store.footage().importFiles(target, files, provenance, followLinks, new TerminalProgress(err(), ctrlC), results::add);
        }
        int refused = 0;
        for (ImportResult result : results) {
            switch (result.outcome()) {
                case IMPORTED -> out().println("imported " + shown(result) + " as footage " + result.footage().id()
                        + " (SHA-256 " + result.footage().sha256() + ")");
                case DUPLICATE -> out().println("duplicate " + shown(result) + " as footage " + result.footage().id()
                        + ": same content as footage " + result.footage().duplicateOf());
                case REFUSED -> {
                    refused++;
                    err().println("frameproof: refused " + shown(result) + ": " + VisibleText.escape(result.reason()));
                }
            }
        }
        return refused == 0 ? 0 : 1;
    }

    private static String shown(ImportResult result) {
        return VisibleText.escape(result.file().toString());
    }

    /** Percentages on standard error, at most one line per ten percent of each file; cancelled by Ctrl+C. */
    private static final class TerminalProgress implements Progress {
        private final PrintWriter err;
        private final CtrlC ctrlC;
        private String lastItem;
        private long lastTenth = -1;

        TerminalProgress(PrintWriter err, CtrlC ctrlC) {
            this.err = err;
            this.ctrlC = ctrlC;
        }

        @Override
        public void update(String item, long done, long total) {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (!item.equals(lastItem) || tenth != lastTenth) {
                lastItem = item;
                lastTenth = tenth;
                if (total > 64L << 20) {
                    err.println(item + ": " + tenth * 10 + "%");
                }
            }
        }

        @Override
        public boolean cancelled() {
            return ctrlC.pressed();
        }
    }
}
