package org.frameproof.cli;

import java.util.Optional;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof annotations resolve ID --keep here|REVISION}: ends a finding's conflict with received revisions. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"End the conflict of a finding changed both here and by someone else (received in a bundle):",
            "keep this store's revision (--keep here) or a received one by its number (see `annotations show ID`).",
            "A received revision kept is applied with its author's signature; the decision is recorded as yours."})
final class ResolveCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "The annotation's id.")
    String id;

    @Option(names = "--keep", required = true, paramLabel = "REVISION", description = "here, or a received revision's number.")
    String keep;

    ResolveCommand(StoreAccess access) {
        super(access);
    }

    @Override
    int run(EvidenceStore store) throws UserFacingException {
        Optional<Annotation> kept = store.bundles().resolve(id, keep);
        out().println(kept.isPresent() ? "Resolved: annotation " + id + " keeps " + ("here".equals(keep) ? "this store's revision."
                : "revision " + keep + ".") : "Resolved: the revision kept deleted annotation " + id + ".");
        return 0;
    }
}
