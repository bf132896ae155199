package org.frameproof.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;

/**
 * What an insider with the passphrase can do to a store's database with H2 itself: unwrap the
 * store key from the key file and run any SQL on the file, outside Frameproof.
 */
public final class HostileDatabase {
    private HostileDatabase() {
    }

    /** A Java-source trigger whose code writes {@code marker} whenever H2 loads it (at every open). */
    public static String sourceTrigger(Path marker) {
        return "CREATE TRIGGER planted_trigger BEFORE INSERT ON reviewer AS $$org.h2.api.Trigger create() throws Exception {"
                + writes(marker) + " return (connection, oldRow, newRow) -> { }; }$$";
    }

    /** A Java-source function that writes {@code marker}, and a check that calls it for every custody event added. */
    public static String[] sourceFunction(Path marker) {
        return new String[] {
            "CREATE ALIAS planted_function AS $$String run() throws Exception {" + writes(marker) + " return \"x\"; }$$",
            "ALTER TABLE custody_event ADD CONSTRAINT planted_check CHECK (planted_function() IS NOT NULL)"};
    }

    private static String writes(Path marker) {
        return " java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker.toAbsolutePath() + "\"), \"ran\");";
    }

    /** Runs {@code statements} on the database in {@code dataFolder}, as its passphrase holder could. */
    public static void run(Path dataFolder, char[] passphrase, String... statements) throws Exception {
        try (StoreKey key = new KeyFile(dataFolder, Clock.systemUTC()).unlock(passphrase);
             Connection connection = Database.dataSource(dataFolder.resolve(Database.FILE_NAME), key).getConnection();
             Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }
}
