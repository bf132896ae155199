package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir Path dataFolder;

    static StoreKey randomKey() {
        byte[] bytes = new byte[StoreKey.BYTES];
        new SecureRandom().nextBytes(bytes);
        return new StoreKey(bytes);
    }

    @Test
    void createsAnEncryptedDatabaseFileWithDurableCommitsAndNoTraceFile() throws Exception {
        try (Database database = Database.open(dataFolder, randomKey());
             Statement statement = database.connection().createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertTrue(row.next());
                assertEquals("0", row.getString(1));
            }
            statement.execute("SELECT * FROM nonexistent_table_to_provoke_a_trace_entry");
        } catch (java.sql.SQLException expected) {
            // The failed statement is the point: H2 would have traced it to a plain-text file.
        }
        assertTrue(Files.exists(dataFolder.resolve("frameproof.mv.db")));
        assertTrue(Files.notExists(dataFolder.resolve("frameproof.trace.db")));
    }

    @Test
    void anotherKeyCannotOpenIt() throws Exception {
        try (Database database = Database.open(dataFolder, randomKey())) {
            assertEquals(0, new CaseRepository(database).listByTitle().size());
        }
        StoreException refused = assertThrows(StoreException.class, () -> Database.open(dataFolder, randomKey()));
        assertTrue(refused.getMessage().contains("does not match its key file"), refused.getMessage());
    }

    @Test
    void aSecondOpenOfTheSameFolderGetsAClearMessage() throws Exception {
        StoreKey key = randomKey();
        try (Database first = Database.open(dataFolder, key)) {
            StoreException refused = assertThrows(StoreException.class, () -> Database.open(dataFolder, key));
            assertTrue(refused.getMessage().startsWith("Another Frameproof is already working on"), refused.getMessage());
        }
    }

    @Test
    void aSecondProcessOnTheSameFolderGetsAClearMessageToo() throws Exception {
        StoreKey key = randomKey();
        try (Database first = Database.open(dataFolder, key)) {
            var result = org.frameproof.testing.ChildJvm.run(OpenInChild.class, java.util.Map.of(),
                    dataFolder.toString(), java.util.HexFormat.of().formatHex(key.bytes()));
            assertTrue(result.stdout().startsWith("Another Frameproof is already working on"), result.stdout() + result.stderr());
        }
    }

    /** Tries to open the folder from a second JVM and prints what it was told. */
    public static final class OpenInChild {
        public static void main(String[] args) {
            try (Database database = Database.open(Path.of(args[0]), new StoreKey(java.util.HexFormat.of().parseHex(args[1])))) {
                System.out.println("opened");
            } catch (StoreException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    @Test
    void folderNamesThatH2WouldReadAsSettingsAreRefused(@TempDir Path parent) {
        StoreException refused = assertThrows(StoreException.class,
                () -> Database.open(parent.resolve("x;INIT=RUNSCRIPT FROM 'evil.sql'"), randomKey()));
        assertTrue(refused.getMessage().contains("may not contain"), refused.getMessage());
    }

    @Test
    void entriesOfSchemaFourGetTheirSealAfterTheUpgradeInTheSameSession() throws Exception {
        StoreKey key = randomKey();
        org.h2.jdbcx.JdbcDataSource version4 = Database.dataSource(dataFolder.resolve(Database.FILE_NAME), key);
        org.flywaydb.core.Flyway.configure().dataSource(version4).locations("classpath:org/frameproof/store/migration")
                .javaMigrations(new SearchPostingsMigration()).target("4").load().migrate();
        try (Connection connection = version4.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO audit_log VALUES (1, CURRENT_TIMESTAMP, 'a', 'RESEARCHER', 'x', 'y', '1', NULL, NULL,"
                    + " REPEAT('0', 64), REPEAT('1', 64))");
        }
        try (Database database = Database.open(dataFolder, key); Statement statement = database.connection().createStatement()) {
            statement.execute("UPDATE audit_log SET entry_mac = REPEAT('2', 64) WHERE sequence = 1");
            assertThrows(java.sql.SQLException.class, () -> statement.execute("UPDATE audit_log SET actor = 'b'"));
        }
    }

    @Test
    void theAuditTableRefusesUpdatesAndDeletes() throws Exception {
        try (Database database = Database.open(dataFolder, randomKey());
             Statement statement = database.connection().createStatement()) {
            statement.execute("INSERT INTO audit_log VALUES (1, CURRENT_TIMESTAMP, 'a', 'RESEARCHER', 'x', 'y', '1', NULL, NULL,"
                    + " REPEAT('0', 64), REPEAT('1', 64), NULL)");
            var update = assertThrows(java.sql.SQLException.class, () -> statement.execute("UPDATE audit_log SET actor = 'b'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            // The one update allowed: an unsealed entry gets its seal, once, with nothing else changed.
            assertThrows(java.sql.SQLException.class,
                    () -> statement.execute("UPDATE audit_log SET entry_mac = REPEAT('2', 64), actor = 'b'"));
            statement.execute("UPDATE audit_log SET entry_mac = REPEAT('2', 64)");
            assertThrows(java.sql.SQLException.class, () -> statement.execute("UPDATE audit_log SET entry_mac = REPEAT('3', 64)"));
            assertThrows(java.sql.SQLException.class, () -> statement.execute("DELETE FROM audit_log"));
        }
    }
}
