package org.frameproof.evidence;

import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.ChainHead;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.Database;
import org.frameproof.store.KeyFile;
import org.frameproof.store.StoreException;

/**
 * The audit chain's head kept outside the database, in the key file: handed to a background
 * writer after every commit that added an entry (the save does not wait for the key file's
 * fsyncs; closing the store waits for the last head), and compared with the chain at every open
 * and every verification. A chain shorter than the head, or holding another entry at its count,
 * was cut or rewritten; a longer one is what a crash before the write leaves, and is accepted
 * (docs/decisions/0005-audit-chain-anchor.md).
 */
final class ChainAnchor implements Database.TransactionListener {
    private final KeyFile keyFile;
    private final SecretKeySpec headKey;
    private final long attemptsTotal;
    private final AnchorWriter writer;
    private ChainHead pending;

    /** @param attemptsTotal the unlock attempts counted so far, which the head keeps beside the chain's */
    ChainAnchor(KeyFile keyFile, SecretKeySpec headKey, long attemptsTotal) {
        this.keyFile = keyFile;
        this.headKey = headKey;
        this.attemptsTotal = attemptsTotal;
        this.writer = new AnchorWriter(this::write);
    }

    /** An entry was written in the running transaction: its head is kept once the transaction commits. */
    void recorded(ChainHead head) {
        pending = head;
    }

    @Override
    public void committed() throws StoreException {
        if (pending == null) {
            return;
        }
        // The failure of an earlier head's write, read before this head is handed to the writer.
        StoreException failed = writer.failure();
        writer.hand(pending);
        pending = null;
        if (failed != null) {
            throw new StoreException("The change was saved, but the audit chain head could not be kept in the key file"
                    + " (each save and closing the store try again): " + failed.getMessage(), failed);
        }
    }

    @Override
    public void rolledBack() {
        pending = null;
    }

    @Override
    public void closing() throws StoreException {
        try {
            writer.close();
        } catch (StoreException e) {
            throw new StoreException("The audit chain head could not be kept in the key file as the store closed: "
                    + e.getMessage(), e);
        }
    }

    /** Keeps {@code head} in the key file now, after every head handed to the writer before it. */
    void keep(ChainHead head) throws StoreException {
        writer.hand(head);
        flush();
    }

    /** Waits until the newest committed head is in the key file: for verification, and for tests that read the file. */
    void flush() throws StoreException {
        writer.flush();
    }

    /** As {@link #flush()}, but a failed write is left for the next save or the close to report. */
    void awaitWritten() throws StoreException {
        writer.awaitWritten();
    }

    private void write(ChainHead head) throws StoreException {
        keyFile.writeHead(headKey, new KeyFile.Head(head.count(), head.hash(), attemptsTotal));
    }

    /**
     * What is wrong between the chain and the head the key file keeps, if anything: a chain cut
     * short, a different entry at the head's count, a head that fails its MAC, or no head in a key
     * file beside a chain that has been sealed (an older key file put back).
     */
    Optional<String> compare(AuditRepository entries) throws UserFacingException {
        Optional<KeyFile.Head> kept;
        try {
            flush();
            kept = keyFile.head(headKey);
        } catch (StoreException e) {
            return Optional.of(e.getMessage());
        }
        Optional<AuditEntry> last = entries.last();
        long count = last.map(AuditEntry::sequence).orElse(0L);
        if (kept.isEmpty()) {
            return entries.anySealed() ? Optional.of("The key file keeps no audit chain head, but the chain of " + count
                    + " entries was sealed: an older key file was put in its place.") : Optional.empty();
        }
        ChainHead recorded = new ChainHead(kept.get().entries(), kept.get().seal());
        if (recorded.count() == 0) {
            return Optional.empty();
        }
        if (count < recorded.count()) {
            return Optional.of("The audit chain has " + count + " entries, but the key file recorded " + recorded.count()
                    + " (head " + recorded.printed() + "): entries were removed from the database.");
        }
        Optional<AuditEntry> atHead = entries.at(recorded.count());
        String seal = atHead.map(AuditLog::seal).orElse("");
        if (!seal.equals(recorded.hash())) {
            return Optional.of("Audit entry " + recorded.count() + " is not the one the key file recorded (head "
                    + recorded.printed() + ", now " + new ChainHead(recorded.count(), seal).printed()
                    + "): the chain was rewritten.");
        }
        return Optional.empty();
    }
}
