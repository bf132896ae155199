package org.frameproof.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search index: for each word, the sequence numbers of the live annotations with that word.
 * {@code search_word} numbers the words; {@code search_posting} holds a row per word and block of
 * annotations ({@link SeqBlock}) under one number, the word's number and the block side by side,
 * which H2 keeps in key order: a word's rows lie together in the file, so a word that is in a
 * hundred thousand annotations is a few pages to read, not one page per row.
 */
public final class SearchIndex {
    /** Bits of a posting key for the block; the word's number is above them. */
    static final int BLOCK_BITS = 24;
    /** Sorts after every character a word may hold: {@code prefix + this} bounds the words starting with the prefix. */
    private static final char PAST_EVERY_CHARACTER = '\uFFFF';

    private final Database database;

    public SearchIndex(Database database) {
        this.database = database;
    }

    /**
     * Sequence numbers of live annotations with a word that starts with {@code prefix}, the words
     * read in order until {@code enough} numbers are found ({@link Integer#MAX_VALUE}: all);
     * blocks without a number in {@code within} are passed over (null: none are).
     */
    public BitSet seqsWithPrefix(String prefix, int enough, BitSet within) throws StoreException {
        BitSet found = new BitSet();
        Connection connection = database.connection();
        try (PreparedStatement words = connection.prepareStatement(
                "SELECT id FROM search_word WHERE word >= ? AND word < ? ORDER BY word");
             PreparedStatement postings = connection.prepareStatement(
                     "SELECT word_block, seqs FROM search_posting WHERE word_block >= ? AND word_block < ?")) {
            words.setString(1, prefix);
            words.setString(2, prefix + PAST_EVERY_CHARACTER);
            List<Long> wordIds = new ArrayList<>();
            try (ResultSet rows = words.executeQuery()) {
                while (rows.next()) {
                    wordIds.add(rows.getLong(1));
                }
            }
            int count = 0;
            for (long wordId : wordIds) {
                postings.setLong(1, wordId << BLOCK_BITS);
                postings.setLong(2, wordId + 1 << BLOCK_BITS);
                try (ResultSet rows = postings.executeQuery()) {
                    while (rows.next()) {
                        long block = rows.getLong(1) & (1L << BLOCK_BITS) - 1;
                        if (within == null || overlaps(within, block)) {
                            count += SeqBlock.addTo(found, block, rows.getBytes(2));
                        }
                    }
                }
                if (count >= enough) {
                    break;
                }
            }
            return found;
        } catch (SQLException e) {
            throw StoreException.cannotRead("the search index", e);
        } catch (ArithmeticException e) {
            throw new StoreException("The search index counts past what a search can hold (2 147 483 647 annotations).");
        }
    }

    private static boolean overlaps(BitSet seqs, long block) {
        int first = seqs.nextSetBit(Math.toIntExact(block * SeqBlock.SIZE));
        return first >= 0 && first < (block + 1) * SeqBlock.SIZE;
    }

    /** Writes the index changes of a transaction's writes: each word's row of each block once. */
    public void apply(SearchIndexChanges changes) throws StoreException {
        Connection connection = database.connection();
        Map<String, Optional<Long>> wordIds = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT seqs FROM search_posting WHERE word_block = ?");
             PreparedStatement merge = connection.prepareStatement(
                     "MERGE INTO search_posting (word_block, seqs) KEY (word_block) VALUES (?, ?)");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM search_posting WHERE word_block = ?")) {
            for (Map.Entry<SearchIndexChanges.WordBlock, int[]> change : changes.byWordAndBlock().entrySet()) {
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
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
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
