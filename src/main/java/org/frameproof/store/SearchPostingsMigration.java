package org.frameproof.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 4: the search index moves from a row per word and annotation
 * ({@code annotation_word}) to numbered words and a row per word and block of annotations
 * ({@link SearchIndex}), and each annotation keeps the words it is indexed under. Stores of
 * earlier versions are converted from their own index rows, so no annotation text is read again.
 */
final class SearchPostingsMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "search postings";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException, StoreException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE annotation ADD COLUMN search_words VARCHAR(1000000) DEFAULT '' NOT NULL");
            sql.execute("CREATE TABLE search_word (word VARCHAR(" + AnnotationRepository.LONGEST_WORD
                    + ") PRIMARY KEY, id BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL)");
            // word_block: the word's id shifted left by SearchIndex.BLOCK_BITS, plus the block.
            sql.execute("CREATE TABLE search_posting (word_block BIGINT PRIMARY KEY, seqs VARBINARY("
                    + SeqBlock.SIZE / 8 + ") NOT NULL)");
            sql.execute("CREATE TABLE search_pending (word VARCHAR(" + AnnotationRepository.LONGEST_WORD
                    + ") NOT NULL, seq BIGINT NOT NULL, present BOOLEAN NOT NULL, PRIMARY KEY (word, seq))");
            convertPostings(connection);
            convertWordLists(connection);
            sql.execute("DROP TABLE annotation_word");
        }
    }

    /** One search_posting row per word and block, from the old rows in (word, seq) order. */
    private static void convertPostings(Connection connection) throws SQLException, StoreException {
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT word, seq FROM annotation_word ORDER BY word, seq");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO search_posting (word_block, seqs) VALUES (?, ?)")) {
            Batch batch = new Batch(insert);
            String word = null;
            long wordId = -1;
            long block = -1;
            int[] offsets = new int[SeqBlock.SIZE];
            int count = 0;
            while (rows.next()) {
                String rowWord = rows.getString(1);
                long seq = rows.getLong(2);
                if (count > 0 && (!rowWord.equals(word) || SeqBlock.blockOf(seq) != block)) {
                    insertBlock(insert, batch, wordId, block, Arrays.copyOf(offsets, count));
                    count = 0;
                }
                if (!rowWord.equals(word)) {
                    wordId = SearchIndex.addWord(connection, rowWord);
                }
                word = rowWord;
                block = SeqBlock.blockOf(seq);
                offsets[count++] = SeqBlock.offsetOf(seq);
            }
            if (count > 0) {
                insertBlock(insert, batch, wordId, block, Arrays.copyOf(offsets, count));
            }
            batch.finish();
        }
    }

    private static void insertBlock(PreparedStatement insert, Batch batch, long wordId, long block, int[] offsets)
            throws SQLException, StoreException {
        insert.setLong(1, SearchIndex.postingKey(wordId, block));
        insert.setBytes(2, SeqBlock.of(offsets));
        batch.add();
    }

    /** Each annotation's search_words, from the old rows in (seq, word) order. */
    private static void convertWordLists(Connection connection) throws SQLException {
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT seq, word FROM annotation_word ORDER BY seq, word");
             PreparedStatement update = connection.prepareStatement("UPDATE annotation SET search_words = ? WHERE seq = ?")) {
            Batch batch = new Batch(update);
            long seq = -1;
            StringBuilder words = new StringBuilder();
            while (rows.next()) {
                if (rows.getLong(1) != seq && !words.isEmpty()) {
                    setWords(update, batch, seq, words);
                }
                seq = rows.getLong(1);
                words.append(words.isEmpty() ? "" : AnnotationRepository.WORD_SEPARATOR).append(rows.getString(2));
            }
            if (!words.isEmpty()) {
                setWords(update, batch, seq, words);
            }
            batch.finish();
        }
    }

    private static void setWords(PreparedStatement update, Batch batch, long seq, StringBuilder words) throws SQLException {
        update.setString(1, words.toString());
        update.setLong(2, seq);
        batch.add();
        words.setLength(0);
    }

    /** Sends a statement's batch every few thousand rows: a big store's rows would not fit in memory as one. */
    private static final class Batch {
        private final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending == 5_000) {
                finish();
            }
        }

        void finish() throws SQLException {
            statement.executeBatch();
            pending = 0;
        }
    }
}
