package org.frameproof.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.AnnotationImport;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.exchange.AnnotationFile;
import org.frameproof.exchange.EafImport;
import org.frameproof.exchange.ImportLimits;
import org.frameproof.exchange.JsonImport;
import org.frameproof.exchange.WebAnnotationImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frameproof annotations import}: findings from another tool's file, kept as that file's
 * claims (see {@link org.frameproof.evidence.AnnotationService#importInto}).
 */
@Command(name = "import", description = {
        "Import annotations from Frameproof JSON, a W3C Web Annotation file (.w3c or .jsonld) or an ELAN .eaf"
                + " file (tiers become notes).",
        "Each is marked imported (by you, from the file, with its SHA-256); its author, role and review stay"
                + " claims of the file, and it is your draft until you submit it for a review of this store."
                + " Importing the same file again adds nothing."},
        mixinStandardHelpOptions = true, sortOptions = false)
final class AnnotationImportCommand extends StoreCommand {
    @Option(names = "--footage", required = true, paramLabel = "ID", description = "The footage item they are of.")
    long footageId;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Refuse a larger file, unread (default ${DEFAULT-VALUE}).")
    long maxBytes = ImportLimits.DEFAULT_MAX_BYTES;

    @Option(names = "--max-annotations", paramLabel = "N",
            description = "Refuse a file with more annotations (default ${DEFAULT-VALUE}).")
    int maxAnnotations = ImportLimits.DEFAULT_MAX_ANNOTATIONS;

    @Parameters(paramLabel = "FILE", description = "A .json, .w3c, .jsonld or .eaf file.")
    Path file;

AnnotationImportCommand(StoreAccess access) {
        super(access);
    }

    @Override
    int run(EvidenceStore store) throws UserFacingException {
        ImportLimits limits = ImportLimits.of(maxBytes, maxAnnotations);
        Footage item = store.footage().require(footageId);
        AnnotationFile read = AnnotationFile.read(file, limits);
        String name = read.name().toLowerCase(Locale.ROOT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Annotation> annotations;
        if (name.endsWith(".eaf")) {
            annotations = EafImport.toNotes(EafImport.read(read, limits), footageId, item.sha256(),
                    store.annotations().frameIndex(footageId), store.reviewer().name(), store.reviewer().role(), now);
        } else if (name.endsWith(".w3c") || name.endsWith(".jsonld")) {
            annotations = WebAnnotationImport.read(read, limits, footageId, store.annotations().frameIndex(footageId), now);
        } else {
            annotations = JsonImport.read(read, limits);
        }
        AnnotationImport result = store.annotations().importInto(footageId, read.name(), read.sha256(), annotations);
        int added = result.added().size();
        if (added == 0 && result.alreadyImported() > 0) {
            out().println("already imported: " + result.alreadyImported() + " annotation"
                    + (result.alreadyImported() == 1 ? "" : "s") + ", nothing added");
            return 0;
        }
        out().println(VisibleText.escape("Imported " + added + " annotation" + (added == 1 ? "" : "s") + " into footage "
                + footageId + " from " + read.name() + " (sha256 " + read.sha256() + ")"
                + (result.alreadyImported() == 0 ? "" : "; " + result.alreadyImported() + " were already imported")
                + "; their authors, roles and reviews are the file's claims."));
        return 0;
    }
}
