package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.MetaType;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A database file that carries anything our migrations did not create is refused before H2 opens it. */
class SchemaGuardTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    @TempDir Path work;

    private Path newStore() throws Exception {
        Path dataFolder = work.resolve("data");
        try (StoreKey key = new KeyFile(dataFolder, Clock.systemUTC()).create("Ana Schema", PASSPHRASE).key()) {
            Database.open(dataFolder, key).close();
        }
        return dataFolder;
    }

    private static StoreException refusedOpening(Path dataFolder) throws Exception {
        try (StoreKey key = new KeyFile(dataFolder, Clock.systemUTC()).unlock(PASSPHRASE)) {
            return assertThrows(StoreException.class, () -> Database.open(dataFolder, key).close());
        }
    }

    @Test
    void aJavaSourceTriggerIsRefusedBeforeItsCodeRuns() throws Exception {
        Path dataFolder = newStore();
        Path marker = work.resolve("marker");
        HostileDatabase.run(dataFolder, PASSPHRASE, HostileDatabase.sourceTrigger(marker));
        assertTrue(Files.exists(marker), "the planted code runs whenever H2 loads the trigger");
        Files.delete(marker);

        StoreException refused = refusedOpening(dataFolder);

        assertEquals("The database file " + dataFolder.toAbsolutePath().resolve("frameproof.mv.db") + " carries a trigger"
                + " that Frameproof did not create (PLANTED_TRIGGER); it was not opened.", refused.getMessage());
        assertFalse(Files.exists(marker), "no code of the file ran");
    }

    @Test
    void aDataTypeNamingAClassOnTheClassPathIsRefusedBeforeH2InstantiatesIt() throws Exception {
        Path dataFolder = newStore();
        Path marker = work.resolve("marker");
        System.setProperty(PlantedType.MARKER, marker.toString());
        try (StoreKey key = new KeyFile(dataFolder, Clock.systemUTC()).unlock(PASSPHRASE);
             MVStore storage = new MVStore.Builder().fileName(dataFolder.resolve("frameproof.mv.db").toString())
                     .encryptionKey(StoredSchema.encryptionKey(key)).open()) {
            storage.openMap("_", new MVMap.Builder<String, DataType<?>>().keyType(StringDataType.INSTANCE)
                    .valueType(new MetaType<>(null, null))).put("planted", new PlantedType());
            storage.commit();
        }
        Files.delete(marker);

        StoreException refused = refusedOpening(dataFolder);

        assertTrue(refused.getMessage().endsWith(" carries a data type that Frameproof did not create ("
                + PlantedType.class.getName() + "); it was not opened."), refused.getMessage());
        assertFalse(Files.exists(marker), "the class the file names was never instantiated");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE ALIAS planted AS $$String run() { return \"x\"; }$$ | function | PLANTED",
        "CREATE FORCE ALIAS planted FOR 'java.lang.System.getProperty' | function | PLANTED",
        "CREATE CONSTANT planted VALUE 5 | constant | PLANTED",
        "CREATE DOMAIN planted AS INT DEFAULT 3 | domain | PLANTED",
        "CREATE VIEW planted AS SELECT * FROM reviewer | view | PLANTED",
        "CREATE TRIGGER planted AFTER INSERT ON investigation_case CALL 'org.frameproof.store.AppendOnlyTrigger' | trigger | PLANTED",
        "ALTER TABLE reviewer ALTER COLUMN name SET DEFAULT FILE_READ('/etc/hostname') | table | REVIEWER",
        "ALTER TABLE reviewer ADD CONSTRAINT planted CHECK (LENGTH(name) > 0) | constraint | PLANTED",
    })
    void everyOtherObjectThatCouldRunOrEvaluateSomethingIsRefused(String statement, String kind, String name) throws Exception {
        Path dataFolder = newStore();
        HostileDatabase.run(dataFolder, PASSPHRASE, statement);

        StoreException refused = refusedOpening(dataFolder);

        assertTrue(refused.getMessage().contains(" carries a " + kind + " that Frameproof did not create (" + name + ")"),
                refused.getMessage());
    }

    @Test
    void aStoreWhoseIdentitiesMovedOnStillOpens() throws Exception {
        Path dataFolder = newStore();
        HostileDatabase.run(dataFolder, PASSPHRASE, "ALTER TABLE reviewer ALTER COLUMN id RESTART WITH 4000");
        open(dataFolder);
    }

    private static void open(Path dataFolder) throws Exception {
        try (StoreKey key = new KeyFile(dataFolder, Clock.systemUTC()).unlock(PASSPHRASE)) {
            Database.open(dataFolder, key).close();
        }
    }

    @Test
    void aStoreWhoseTablesH2AnalysedStillOpens() throws Exception {
        Path dataFolder = newStore();
        // What H2 does by itself once a table has had a couple of thousand rows changed: each column's selectivity is kept.
        HostileDatabase.run(dataFolder, PASSPHRASE, "ANALYZE");
        open(dataFolder);
    }

    @Test
    void h2LoadsNoClassByNameButTheAuditTrigger() throws Exception {
        try (Database database = Database.open(work.resolve("data"), DatabaseTest.randomKey());
             Statement sql = database.connection().createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> sql.execute("CREATE ALIAS planted FOR 'java.lang.System.getProperty'"));
            assertTrue(refused.getMessage().contains("Access to the class \"java.lang.System\" is denied"), refused.getMessage());
        }
    }
}
