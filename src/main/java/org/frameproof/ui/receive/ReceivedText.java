package org.frameproof.ui.receive;

import org.frameproof.evidence.BundleService;

/**
 * What File > Receive… says of a bundle, in the reviewer's words: who sent it and whether they are
 * a contact here, what it carries, and what merging it would change (the preview) or changed.
 */
final class ReceivedText {
    private ReceivedText() {
    }

    /** The preview of a dry run: the bundle, then what a merge would change; nothing is changed yet. */
    static String preview(BundleService.Imported dryRun) {
        StringBuilder text = new StringBuilder(about(dryRun.contents()));
        if (dryRun.alreadyImported()) {
            return text.append("\nALREADY IMPORTED: ").append(dryRun.changes().get(0))
                    .append("\nMerging it again would change nothing.").toString();
        }
        return text.append("\nMerging it would bring:\n").append(changes(dryRun))
                .append("\nNothing is changed until you choose Merge.").toString();
    }

    /** What a merge changed, and that it is recorded. */
    static String merged(BundleService.Imported imported) {
        BundleService.Contents contents = imported.contents();
        if (imported.alreadyImported()) {
            return "Bundle " + contents.bundleId() + " was imported before: " + imported.changes().get(0);
        }
        return "Merged bundle " + contents.bundleId() + " from " + sender(contents) + ":\n" + changes(imported)
                + "\nRecorded in the audit log with the bundle's SHA-256 and its sender.";
    }

    private static String about(BundleService.Contents contents) {
        StringBuilder text = new StringBuilder("From ").append(sender(contents));
        text.append(contents.authorKnown() ? ", a contact of this store"
                : ": NOT a contact of this store, so their work is kept apart as unverified and never counted");
        text.append("\n  fingerprint ").append(contents.authorFingerprint())
                .append("\nWritten ").append(contents.createdAt()).append(", covers ").append(contents.scope())
                .append(contents.since() == null ? "" : ", continues bundle " + contents.since())
                .append("\n").append(contents.footage()).append(" footage item(s), ").append(contents.originals())
                .append(" original(s) carried, ").append(contents.work()).append(" piece(s) of signed work");
        if (contents.unverifiedWork() > 0) {
            text.append(" (").append(contents.unverifiedWork()).append(" UNVERIFIED: signed by a key that is not a contact here)");
        }
        for (String signer : contents.signers()) {
            text.append("\n  signed by ").append(signer);
        }
        return text.append("\nEvery hash and signature in it holds.").toString();
    }

    private static String sender(BundleService.Contents contents) {
        return contents.author() == null ? "an unknown key" : contents.author();
    }

    private static String changes(BundleService.Imported imported) {
        StringBuilder text = new StringBuilder()
                .append("  ").append(imported.newFootage()).append(" new footage item(s), ").append(imported.newFindings())
                .append(" new finding(s), ").append(imported.changedFindings()).append(" changed finding(s), ")
                .append(imported.reviews()).append(" review(s)\n  ").append(imported.known()).append(" already here, ")
                .append(imported.unverified()).append(" kept as unverified, ").append(imported.notAccepted())
                .append(" not counted, ").append(imported.conflicts()).append(" in conflict");
        for (String change : imported.changes()) {
            text.append("\n  · ").append(change);
        }
        return text.toString();
    }
}
