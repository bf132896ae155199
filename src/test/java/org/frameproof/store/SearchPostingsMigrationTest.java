package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.BitSet;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchPostingsMigrationTest {
    @TempDir Path dataFolder;

    @Test
    void aStoreOfSchemaThreeFindsTheSameAnnotationsAfterItsIndexIsConverted() throws Exception {
        StoreKey key = DatabaseTest.randomKey();
        JdbcDataSource version3 = Database.dataSource(dataFolder.resolve(Database.FILE_NAME), key);
        Flyway.configure().dataSource(version3).locations("classpath:org/frameproof/store/migration").target("3")
                .load().migrate();
        try (Connection connection = version3.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET REFERENTIAL_INTEGRITY FALSE");
            addVersion3Annotation(connection, "a", "soldier", "armband");
            addVersion3Annotation(connection, "b", "soldier");
            // 1 100 annotations with one word: more than a list holds, so the block becomes a bitmap.
            for (int i = 0; i < 1_100; i++) {
                addVersion3Annotation(connection, "common-" + i, "common");
            }
            sql.execute("ALTER TABLE annotation ALTER COLUMN seq RESTART WITH 40000");
            addVersion3Annotation(connection, "c", "soldier", "checkpoint");
        }

        try (Database database = Database.open(dataFolder, key)) {
            AnnotationRepository annotations = new AnnotationRepository(database);
            SearchIndex index = new SearchIndex(database);
            assertArrayEquals(new int[] {1, 2, 40_000}, index.seqsWithPrefix("sold", Integer.MAX_VALUE, null).stream().toArray());
            assertArrayEquals(LongStream.rangeClosed(3, 1_102).mapToInt(seq -> (int) seq).toArray(),
                    index.seqsWithPrefix("comm", Integer.MAX_VALUE, null).stream().toArray());
            assertArrayEquals(new int[] {40_000}, index.seqsWithPrefix("check", Integer.MAX_VALUE, null).stream().toArray());
            try (Statement sql = database.connection().createStatement();
                 ResultSet table = sql.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ANNOTATION_WORD'")) {
                table.next();
                assertEquals(0, table.getInt(1), "the old index is gone");
            }
            // A deletion takes out the words the converted row says it was indexed under.
            SearchIndexChanges changes = new SearchIndexChanges();
            annotations.markDeleted("a", Instant.now(), changes);
            index.apply(changes);
            BitSet armband = index.seqsWithPrefix("armband", Integer.MAX_VALUE, null);
            assertFalse(armband.get(1), armband.toString());
            assertArrayEquals(new int[] {2, 40_000}, index.seqsWithPrefix("soldier", Integer.MAX_VALUE, null).stream().toArray());
        }
    }

    /** An annotation row and its search words as schema version 3 kept them. */
    private static void addVersion3Annotation(Connection connection, String id, String... words) throws Exception {
        try (PreparedStatement row = connection.prepareStatement("INSERT INTO annotation (id, footage_id, footage_sha256,"
                + " kind, start_frame, end_frame, start_pts_ms, end_pts_ms, observation, tags, author, role, created_at)"
                + " VALUES (?, 1, ?, 'NOTE', 0, 0, 0, 0, ?, '', 'Tester', 'RESEARCHER', CURRENT_TIMESTAMP)")) {
            row.setString(1, id);
            row.setString(2, "0".repeat(64));
            row.setString(3, String.join(" ", words));
            row.executeUpdate();
        }
        try (PreparedStatement word = connection.prepareStatement(
                "INSERT INTO annotation_word (word, seq) SELECT ?, seq FROM annotation WHERE id = ?")) {
            for (String text : words) {
                word.setString(1, text);
                word.setString(2, id);
                word.executeUpdate();
            }
        }
    }
}
