package org.frameproof.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.Verification;

/**
 * Re-hashes every footage item an export names, streaming through the vault, just before the
 * export is written, so that what the export says about each file was true when it was made.
 * Each check is recorded like any other (integrity, custody, audit). An item that fails stops
 * the export unless the reviewer asked to include failed items, which are then marked FAILED.
 */
final class ExportRecheck {
    private final FootageService footage;

    ExportRecheck(FootageService footage) {
        this.footage = footage;
    }

    /**
     * @param includeFailed whether an item that fails may still be exported (marked FAILED)
     * @throws UserFacingException naming every item that failed, when {@code includeFailed} is false
     * @throws CancellationException when the monitor cancelled (nothing is written)
     */
    List<FootageService.Check> checkAll(List<Footage> items, boolean includeFailed, ExportMonitor monitor)
            throws UserFacingException {
        long total = items.stream().mapToLong(Footage::sizeBytes).sum();
        List<FootageService.Check> checks = new ArrayList<>();
        long before = 0;
        for (Footage item : items) {
            // Also between items: a copy that fails its check at once (a damaged encrypted copy) never asks.
            if (monitor.isCancelled()) {
                throw new CancellationException("Export cancelled before re-hashing " + item.originalName());
            }
            long offset = before;
            try {
                checks.add(footage.check(item.id(), new Progress() {
                    @Override
                    public void update(String name, long done, long size) {
                        monitor.rehashing(offset + done, total);
                    }

                    @Override
                    public boolean cancelled() {
                        return monitor.isCancelled();
                    }
                }));
            } catch (CancelledException e) {
                throw new CancellationException("Export cancelled while re-hashing " + item.originalName());
            }
            before += item.sizeBytes();
        }
        List<FootageService.Check> failed = checks.stream().filter(check -> !check.intact()).toList();
        if (!failed.isEmpty() && !includeFailed) {
            throw new UserFacingException(refusal(failed));
        }
        return checks;
    }

    /** The check as exports print it. */
    static Verification verification(FootageService.Check check) {
        return new Verification(check.intact(), check.footage().integrityCheckedAt(), check.intact()
                ? "the vault copy matches the SHA-256 recorded at import"
                : "the vault copy reads as " + check.actualSha256() + ", not " + check.footage().sha256());
    }

    private static String refusal(List<FootageService.Check> failed) {
        StringJoiner items = new StringJoiner(", ");
        for (FootageService.Check check : failed) {
            items.add("footage " + check.footage().id() + " (" + check.footage().originalName() + ")");
        }
        FootageService.Check first = failed.get(0);
        return "Export refused: " + items + (failed.size() == 1 ? " does" : " do") + " not match the SHA-256 recorded at import"
                + " (re-checked at " + first.footage().integrityCheckedAt() + "; " + verification(first).detail()
                + "). Nothing was written. Restore the vault from a verified backup, or export anyway with --include-failed"
                + " (\"Include footage that failed its check\" on the export screen) to have it marked FAILED.";
    }
}
