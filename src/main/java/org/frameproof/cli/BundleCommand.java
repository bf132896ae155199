package org.frameproof.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.Progress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof bundle export|verify|import}: encrypted bundles that carry a case and its signed work between stores. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Carry a case or a footage item with its signed work to contacts, in one file encrypted to them",
            "(age format: `age -d -i KEY FILE | tar t` lists it), and check or merge a bundle received."})
final class BundleCommand {
    /** Seconds Ctrl+C waits for a cancelled bundle's partial file to be removed. */
    private static final long CLEANUP_SECONDS = 10;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a bundle of a case or one footage item for the contacts named by --to (by the name in",
                "their identity file or by fingerprint), encrypted to them and to you. It holds the footage",
                "originals (unless --without-footage), the footage records with provenance, graphic flag and custody,",
                "every signed revision and review in audit order, the signers' identities, and a manifest with every",
                "hash, signed by you. Recorded in the audit log. Ctrl+C cancels; nothing is left behind."})
    static final class Export extends StoreCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        CaseOrFootage scope;

        @Option(names = "--to", required = true, arity = "1..*", paramLabel = "CONTACT",
                description = "A contact to send it to: the name in their identity, or their fingerprint.")
        List<String> to;

        @Option(names = "--without-footage", description = "Leave the footage originals out (the receiver holds them).")
        boolean withoutFootage;

        @Option(names = "--since", paramLabel = "BUNDLE",
                description = "An earlier bundle of yours: only work recorded after it, and footage it did not carry.")
        Path since;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle file to write.")
        Path out;

        Export(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            BundleService.Scope what = new BundleService.Scope(scope.caseName, scope.footageId);
            BundleService.Exported exported;
            try (CtrlC ctrlC = new CtrlC("bundle export", CLEANUP_SECONDS)) {
                exported = store.bundles().export(what, to, !withoutFootage, since, out, progress(err(), ctrlC));
            }
            out().println(VisibleText.escape("Wrote " + out + " for " + String.join(", ", exported.recipients())
                    + " (and you): " + exported.footage() + " footage item(s), " + exported.originals() + " original(s), "
                    + exported.work() + " piece(s) of signed work."));
            out().println("Bundle " + exported.bundleId() + ", SHA-256 " + exported.fileSha256());
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a bundle addressed to you without importing anything: decrypt it with your key, check the",
                "manifest's signature, every entry's size and SHA-256, every piece of work's audit hash and signature;",
                "print what it brings. Exit code 1 on any failure."})
    static final class Verify extends StoreCommand {
        @Parameters(paramLabel = "FILE", description = "The bundle.")
        Path file;

        Verify(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            print(out(), store.bundles().verify(file));
            out().println("The bundle holds: every hash and signature checked.");
            return 0;
        }

        static void print(PrintWriter out, BundleService.Contents contents) {
            out.println("Bundle " + contents.bundleId() + " (SHA-256 " + contents.fileSha256() + ")");
            out.println(VisibleText.escape("From " + contents.author() + (contents.authorKnown() ? "" : " (NOT a contact of this store)")
                    + ", fingerprint " + contents.authorFingerprint() + ", written " + contents.createdAt()));
            out.println(VisibleText.escape("Covers " + contents.scope() + (contents.since() == null ? "" : ", since bundle " + contents.since())));
            out.println(contents.footage() + " footage item(s), " + contents.originals() + " original(s) carried, "
                    + contents.work() + " piece(s) of signed work (" + contents.unverifiedWork()
                    + " unverified: signed by a key that is not a contact here)");
            for (String signer : contents.signers()) {
                out.println(VisibleText.escape("  signed by " + signer));
            }
        }
    }
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Merge a bundle addressed to you: everything is checked as by `bundle verify` before the store is",
                "touched, then merged in one transaction and recorded in the audit log (the bundle's hash, sender and",
                "what it changed). Footage already in the vault is not copied again; work already here is not added",
                "twice; a bundle imported before changes nothing. Work signed by a key that is not a contact, and a",
                "review by a contact not accepted as medical expert, are kept apart and not counted; a finding changed",
                "here and there since their common revision is kept both ways and marked in conflict.",
                "With --dry-run, only print what it would change. Ctrl+C cancels while footage is copied."})
    static final class Import extends StoreCommand {
        @Parameters(paramLabel = "FILE", description = "The bundle.")
        Path file;

        @Option(names = "--dry-run", description = "Check the bundle and print what it would change; change nothing.")
        boolean dryRun;

        Import(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            BundleService.Imported imported;
            try (CtrlC ctrlC = new CtrlC("bundle import", CLEANUP_SECONDS)) {
                imported = store.bundles().importBundle(file, dryRun, progress(err(), ctrlC));
            }
            Verify.print(out(), imported.contents());
            if (imported.alreadyImported()) {
                out().println(VisibleText.escape("This bundle was imported before: " + imported.changes().get(0)));
                return 0;
            }
            out().println((dryRun ? "Would bring: " : "Brought: ") + imported.newFootage() + " new footage item(s), "
                    + imported.newFindings() + " new finding(s), " + imported.changedFindings() + " changed finding(s), "
                    + imported.reviews() + " review(s); " + imported.known() + " already here; " + imported.unverified()
                    + " unverified; " + imported.notAccepted() + " not counted; " + imported.conflicts() + " in conflict.");
            for (String change : imported.changes()) {
                out().println(VisibleText.escape("  " + change));
            }
            if (dryRun) {
                out().println("Dry run: nothing was changed.");
            }
            return 0;
        }
    }

    /** Percent of the footage through, on standard error on one line; cancelled by Ctrl+C. */
    private static Progress progress(PrintWriter err, CtrlC ctrlC) {
        return new Progress() {
            private long lastPercent = -1;

            @Override
            public void update(String item, long done, long total) {
                long percent = total <= 0 ? 100 : done * 100 / total;
                if (percent != lastPercent) {
                    lastPercent = percent;
                    err.print("\rFootage: " + percent + "%" + (percent == 100 ? "\n" : ""));
                    err.flush();
                }
            }

            @Override
            public boolean cancelled() {
                return ctrlC.pressed();
            }
        };
    }
}
