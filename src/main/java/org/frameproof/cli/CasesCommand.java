package org.frameproof.cli;

import java.util.List;
import org.frameproof.domain.Case;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof cases list|create NAME}. */
@Command(name = "cases", description = "List or create cases.", mixinStandardHelpOptions = true)
final class CasesCommand {

    @Command(name = "list", description = "List the cases.", mixinStandardHelpOptions = true)
    static final class ListCases extends StoreCommand {
        @Mixin
        JsonArrayOption format;

        ListCases(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            List<Case> cases = store.cases().listCases();
            printList(format, cases, RecordJson::of, Case::title);
            return 0;
        }
    }

    @Command(name = "create", description = "Create a case.", mixinStandardHelpOptions = true)
    static final class CreateCase extends StoreCommand {
        @Parameters(paramLabel = "NAME", description = "The case's title.")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the case is about.")
        String description = "";

        CreateCase(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            Case created = store.cases().createCase(name, description);
            out().println(VisibleText.escape("Created case '" + created.title() + "' (" + created.id() + ")."));
            return 0;
        }
    }
}
