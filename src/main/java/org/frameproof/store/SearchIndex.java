package org.frameproof.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The search index: for each word, the sequence numbers of the live annotations with that word.
 * It has two parts.
 * <ul>
 * <li>The postings: {@code search_word} numbers the words and {@code search_posting} holds a row per
 * word and block of annotations ({@link SeqBlock}) under one number, the word's number and the
 * block side by side, which H2 keeps in key order. A word's rows lie together in the file, so a
 * word that is in a hundred thousand annotations is a few pages to read, not one page per row.
 * <li>The pending changes: {@code search_pending} has a row per word and annotation changed since,
 * whether the word is now there. Small rows keep a single save small: rewriting a common word's
 * block in the postings wrote a page for each of an annotation's words and slowed every save
 * (docs/decisions/0009-measurements-behind-tuned-constants.md). Pending changes are merged
 * into the postings a step at a time ({@link #mergeStep}) once there are more than
 * {@link #MERGE_ABOVE}.
 * </ul>
 */
public final class SearchIndex {
    /** Bits of a posting key for the block; the word's number is above them. */
    static final int BLOCK_BITS = 24;
    /** Pending changes above this many should be merged into the postings. */
    public static final int MERGE_ABOVE = 20_000;
    /**
     * Pending changes above this many are merged by the save that finds them (a few seconds, once):
     * saves that never pause, such as a script adding annotations one command at a time, would
     * otherwise let them grow without end, and every search reads them.
     */
    static final int MERGE_NOW_ABOVE = 10 * MERGE_ABOVE;
    /** A transaction with this many changes or more (an import) writes them to the postings directly. */
    private static final int DIRECT_FROM = 5_000;
    /** Sorts after every character a word may hold: {@code prefix + this} bounds the words starting with the prefix. */
    private static final char PAST_EVERY_CHARACTER = '\uFFFF';

    private final Database database;
    private final int mergeAbove;
    private final int mergeNowAbove;

    public SearchIndex(Database database) {
        this(database, MERGE_ABOVE, MERGE_NOW_ABOVE);
    }

    /** With other limits on the pending changes (tests reach them with a few hundred). */
    SearchIndex(Database database, int mergeAbove, int mergeNowAbove) {
        this.database = database;
        this.mergeAbove = mergeAbove;
        this.mergeNowAbove = mergeNowAbove;
    }

    /**
     * Sequence numbers of live annotations with a word that starts with {@code prefix}, the words
     * read in order until {@code enough} numbers are found ({@link Integer#MAX_VALUE}: all);
     * posting blocks without a number in {@code within} are passed over (null: none are).
     */
    public BitSet seqsWithPrefix(String prefix, int enough, BitSet within) throws StoreException {
        BitSet found = new BitSet();
        Connection connection = database.connection();
        try (PreparedStatement words = connection.prepareStatement(
                "SELECT word, id FROM search_word WHERE word >= ? AND word < ? ORDER BY word");
             PreparedStatement postings = connection.prepareStatement(
                     "SELECT word_block, seqs FROM search_posting WHERE word_block >= ? AND word_block < ?")) {
            Map<String, PendingWord> pending = pending(connection, prefix);
            words.setString(1, prefix);
            words.setString(2, prefix + PAST_EVERY_CHARACTER);
            Map<String, Long> wordIds = new LinkedHashMap<>();
            try (ResultSet rows = words.executeQuery()) {
                while (rows.next()) {
                    wordIds.put(rows.getString(1), rows.getLong(2));
                }
            }
            int count = 0;
            for (Map.Entry<String, Long> word : wordIds.entrySet()) {
                PendingWord changed = pending.remove(word.getKey());
                BitSet into = changed == null ? found : new BitSet();
                postings.setLong(1, word.getValue() << BLOCK_BITS);
                postings.setLong(2, word.getValue() + 1 << BLOCK_BITS);
                int added = 0;
                try (ResultSet rows = postings.executeQuery()) {
                    while (rows.next()) {
                        long block = rows.getLong(1) & (1L << BLOCK_BITS) - 1;
                        if (within == null || overlaps(within, block)) {
                            added += SeqBlock.addTo(into, block, rows.getBytes(2));
                        }
                    }
                }
                count += changed == null ? added : changed.applyTo(into, found);
                if (count >= enough) {
                    return found;
                }
            }
            for (PendingWord onlyPending : pending.values()) {
                found.or(onlyPending.present);
            }
            return found;
        } catch (SQLException e) {
            throw StoreException.cannotRead("the search index", e);
        } catch (ArithmeticException e) {
            throw new StoreException("The search index counts past what a search can hold (2 147 483 647 annotations).");
        }
    }

    /** A word's pending changes: the annotations it is now in, and those it left. */
    private record PendingWord(BitSet present, BitSet absent) {
        /** Makes {@code seqs} (the word's postings) current and adds them to {@code found}; returns how many were new there. */
        int applyTo(BitSet seqs, BitSet found) {
            seqs.andNot(absent);
            seqs.or(present);
            int before = found.cardinality();
            found.or(seqs);
            return found.cardinality() - before;
        }
    }

    private static Map<String, PendingWord> pending(Connection connection, String prefix) throws SQLException {
        Map<String, PendingWord> pending = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT word, seq, present FROM search_pending WHERE word >= ? AND word < ?")) {
            statement.setString(1, prefix);
            statement.setString(2, prefix + PAST_EVERY_CHARACTER);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    PendingWord word = pending.computeIfAbsent(rows.getString(1), w -> new PendingWord(new BitSet(), new BitSet()));
                    (rows.getBoolean(3) ? word.present : word.absent).set(Math.toIntExact(rows.getLong(2)));
                }
            }
        }
        return pending;
    }

    private static boolean overlaps(BitSet seqs, long block) {
        int first = seqs.nextSetBit(Math.toIntExact(block * SeqBlock.SIZE));
        return first >= 0 && first < (block + 1) * SeqBlock.SIZE;
    }

    /**
     * Records the index changes of a transaction's writes, in that transaction: as pending
     * changes, or for an import (thousands of changes) straight into the postings.
     *
     * @return whether pending changes should now be merged ({@link #mergeStep})
     */
    public boolean apply(SearchIndexChanges changes) throws StoreException {
        Connection connection = database.connection();
        try {
            if (changes.count() >= DIRECT_FROM) {
                // Pending changes are older than these: merged first, they cannot undo them.
                mergeStep(Integer.MAX_VALUE);
                writePostings(connection, changes.byWordAndBlock());
                return false;
            }
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO search_pending (word, seq, present) KEY (word, seq) VALUES (?, ?, ?)")) {
                for (Map.Entry<SearchIndexChanges.WordBlock, int[]> change : changes.byWordAndBlock().entrySet()) {
                    long base = change.getKey().block() * SeqBlock.SIZE;
                    for (int offset : change.getValue()) {
                        merge.setString(1, change.getKey().word());
                        merge.setLong(2, base + (offset >= 0 ? offset : -1 - offset));
                        merge.setBoolean(3, offset >= 0);
                        merge.addBatch();
                    }
                }
                merge.executeBatch();
            }
            long pending = pendingCount(connection);
            if (pending > mergeNowAbove) {
                mergeStep(Integer.MAX_VALUE);
                return false;
            }
            return pending > mergeAbove;
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** Whether pending changes should be merged ({@link #mergeStep}): more than {@link #MERGE_ABOVE}. */
    public boolean needsMerge() throws StoreException {
        try {
            return pendingCount(database.connection()) > mergeAbove;
        } catch (SQLException e) {
            throw StoreException.cannotRead("the search index", e);
        }
    }

    private static long pendingCount(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM search_pending");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Moves up to {@code most} pending changes into the postings, in the caller's transaction
     * (keep it small: saves wait for it).
     *
     * @return whether pending changes remain
     */
    public boolean mergeStep(int most) throws StoreException {
        Connection connection = database.connection();
        SearchIndexChanges changes = new SearchIndexChanges();
        int read = 0;
        String lastWord = null;
        long lastSeq = 0;
        try (PreparedStatement pending = connection.prepareStatement(
                "SELECT word, seq, present FROM search_pending ORDER BY word, seq FETCH FIRST ? ROWS ONLY")) {
            pending.setInt(1, most);
            try (ResultSet rows = pending.executeQuery()) {
                while (rows.next()) {
                    lastWord = rows.getString(1);
                    lastSeq = rows.getLong(2);
                    if (rows.getBoolean(3)) {
                        changes.add(lastSeq, Set.of(lastWord));
                    } else {
                        changes.remove(lastSeq, Set.of(lastWord));
                    }
                    read++;
                }
            }
            if (read == 0) {
                return false;
            }
            writePostings(connection, changes.byWordAndBlock());
            // The rows read are the first in key order up to the last one: one range takes them out.
            try (PreparedStatement merged = connection.prepareStatement(
                    "DELETE FROM search_pending WHERE (word, seq) <= (?, ?)")) {
                merged.setString(1, lastWord);
                merged.setLong(2, lastSeq);
                merged.executeUpdate();
            }
            return read == most;
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** Rewrites each word's row of each block once with its changes. */
    private static void writePostings(Connection connection, Map<SearchIndexChanges.WordBlock, int[]> changes)
            throws SQLException, StoreException {
        Map<String, Optional<Long>> wordIds = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT seqs FROM search_posting WHERE word_block = ?");
             PreparedStatement merge = connection.prepareStatement(
                     "MERGE INTO search_posting (word_block, seqs) KEY (word_block) VALUES (?, ?)");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM search_posting WHERE word_block = ?")) {
            for (Map.Entry<SearchIndexChanges.WordBlock, int[]> change : changes.entrySet()) {
                String word = change.getKey().word();
                Optional<Long> wordId = wordIds.get(word);
                if (wordId == null) {
                    wordId = wordId(connection, word);
                    wordIds.put(word, wordId);
                }
                if (wordId.isEmpty() && !adds(change.getValue())) {
                    continue;
                }
                if (wordId.isEmpty()) {
                    wordId = Optional.of(addWord(connection, word));
                    wordIds.put(word, wordId);
                }
                long key = postingKey(wordId.get(), change.getKey().block());
                read.setLong(1, key);
                byte[] stored;
                try (ResultSet row = read.executeQuery()) {
                    stored = row.next() ? row.getBytes(1) : SeqBlock.EMPTY;
                }
                byte[] changed = SeqBlock.changed(stored, change.getValue());
                if (changed == stored) {
                    continue;
                }
                if (changed.length == 0) {
                    delete.setLong(1, key);
                    delete.executeUpdate();
                } else {
                    merge.setLong(1, key);
                    merge.setBytes(2, changed);
                    merge.executeUpdate();
                }
            }
        }
    }

    private static boolean adds(int[] changes) {
        for (int change : changes) {
            if (change >= 0) {
                return true;
            }
        }
        return false;
    }

    static long postingKey(long wordId, long block) throws StoreException {
        if (block >= 1L << BLOCK_BITS) {
            throw new StoreException("The search index has no room for annotation numbers this high.");
        }
        return wordId << BLOCK_BITS | block;
    }

    static Optional<Long> wordId(Connection connection, String word) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM search_word WHERE word = ?")) {
            statement.setString(1, word);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    static long addWord(Connection connection, String word) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO search_word (word) VALUES (?)", new String[] {"ID"})) {
            statement.setString(1, word);
            statement.executeUpdate();
            try (ResultSet key = statement.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }
}
