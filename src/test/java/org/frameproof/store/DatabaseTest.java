package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir Path dataFolder;

    @Test
    void createsTheDatabaseFileWithDurableCommits() throws Exception {
        try (Database database = Database.open(dataFolder);
             Statement statement = database.connection().createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertTrue(row.next());
            assertEquals("0", row.getString(1));
        }
        assertTrue(Files.exists(dataFolder.resolve("frameproof.mv.db")));
    }

    @Test
    void migrationsCreateAnEmptyCaseTable() throws Exception {
        try (Database database = Database.open(dataFolder)) {
            assertEquals(0, new CaseRepository(database).listByTitle().size());
        }
    }

    @Test
    void aSecondOpenOfTheSameFolderGetsAClearMessage() throws Exception {
        try (Database first = Database.open(dataFolder)) {
            StoreException refused = assertThrows(StoreException.class, () -> Database.open(dataFolder));
            assertTrue(refused.getMessage().startsWith("Another Frameproof is already working on"), refused.getMessage());
        }
    }

    @Test
    void folderNamesThatH2WouldReadAsSettingsAreRefused(@TempDir Path parent) {
        StoreException refused = assertThrows(StoreException.class,
                () -> Database.open(parent.resolve("x;INIT=RUNSCRIPT FROM 'evil.sql'")));
        assertTrue(refused.getMessage().contains("may not contain"), refused.getMessage());
    }
}
