package org.frameproof.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the database file with only its live pages. The file only ever grows (H2 appends every
 * commit: see {@link Database}), so a long-used store carries every earlier version of its pages.
 * The live rows are scripted (encrypted with a one-time password) into a new file under the same
 * key, every table is compared row by row with the old one, and the new file replaces the old in
 * one atomic rename. Until that rename the old file is the store, untouched; a crash before it
 * leaves temporary files that the next open removes.
 */
public final class Compaction {
    private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);

    static final String NEW_FILE = Database.FILE_NAME + "-compacting";
    static final String SCRIPT_FILE = Database.FILE_NAME + "-compacting.sql.zip";

    /** What a compaction did: file sizes in bytes, and the tables and rows found equal. */
    public record Result(long bytesBefore, long bytesAfter, int tables, long rows) {
    }

    private Compaction() {
    }

    /**
     * Compacts the database in {@code dataFolder}, which no one may have open (the data folder's
     * lock is held throughout). {@code phase} hears what is being done, for long stores.
     */
    public static Result run(Path dataFolder, StoreKey key, Consumer<String> phase) throws StoreException {
        Path folder = Database.checkedLocation(dataFolder);
        Path current = folder.resolve(Database.FILE_NAME + ".mv.db");
        Path rewritten = folder.resolve(NEW_FILE + ".mv.db");
        Path script = folder.resolve(SCRIPT_FILE);
        if (!Files.exists(current)) {
            throw new StoreException("There is no Frameproof store in " + dataFolder + " yet.");
        }
        DataFolderLock lock = DataFolderLock.acquire(folder);
        try {
            removeLeftovers(folder);
            long before = Files.size(current);
            // The script holds the rows in the clear but for this password, which lives only in memory.
            String scriptPassword = HexFormat.of().formatHex(randomBytes());
            List<String> tables;
            long rows = 0;
            try (Connection old = Database.connect(folder.resolve(Database.FILE_NAME), key);
                 Connection fresh = Database.connectScratch(folder.resolve(NEW_FILE), key)) {
                phase.accept("Writing the live rows out");
                try (Statement sql = old.createStatement()) {
                    sql.execute("SCRIPT TO '" + script + "' COMPRESSION DEFLATE CIPHER AES PASSWORD '" + scriptPassword + "'");
                }
                phase.accept("Reading them into a new file");
                // Statement by statement (one transaction would hold an undo entry per row); a failure
                // leaves only the scratch file, which is thrown away.
                try (Statement sql = fresh.createStatement()) {
                    sql.execute("RUNSCRIPT FROM '" + script + "' COMPRESSION DEFLATE CIPHER AES PASSWORD '" + scriptPassword + "'");
                }
                phase.accept("Comparing every table, row by row");
                tables = tables(old);
                for (String table : tables) {
                    rows += compare(old, fresh, table);
                }
                if (!tables.equals(tables(fresh))) {
                    throw new StoreException("The compacted copy lacks tables of the store; the store was not changed.");
                }
                phase.accept("Packing the new file");
                try (Statement sql = fresh.createStatement()) {
                    sql.execute("SHUTDOWN COMPACT");
                }
            }
            try (FileChannel file = FileChannel.open(rewritten, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            phase.accept("Replacing the file");
            Files.move(rewritten, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.forceDirectory(folder);
            return new Result(before, Files.size(current), tables.size(), rows);
        } catch (SQLException e) {
            throw new StoreException("Could not compact the store: " + StoreException.firstLine(e)
                    + " The store was not changed.", e);
        } catch (IOException e) {
            throw new StoreException("Could not compact the store: " + e.getMessage() + " The store was not changed.", e);
        } finally {
            removeLeftovers(folder);
            lock.release();
        }
    }

    /** Removes what a compaction that did not finish left behind; the store itself is untouched. */
    static void removeLeftovers(Path folder) {
        // H2 packs a file through NAME.tempFile and NAME.newFile.
        for (String name : List.of(NEW_FILE + ".mv.db", NEW_FILE + ".mv.db.tempFile", NEW_FILE + ".mv.db.newFile",
                NEW_FILE + ".trace.db", SCRIPT_FILE)) {
            try {
                Files.deleteIfExists(folder.resolve(name));
            } catch (IOException e) {
                // Tried again on the next open; never read as the store.
                LOG.warn("A file left by an unfinished compaction could not be removed", e);
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Reads both copies of a table in primary-key order and compares every value; returns the rows. */
    private static long compare(Connection old, Connection fresh, String table) throws SQLException, StoreException {
        String order = String.join(", ", primaryKey(old, table));
        String query = "SELECT * FROM \"" + table + "\"" + (order.isEmpty() ? "" : " ORDER BY " + order);
        long count = 0;
        try (Statement oldSql = old.createStatement(); Statement freshSql = fresh.createStatement();
             ResultSet a = oldSql.executeQuery(query); ResultSet b = freshSql.executeQuery(query)) {
            int columns = a.getMetaData().getColumnCount();
            while (a.next()) {
                if (!b.next()) {
                    throw differs(table, count);
                }
                for (int column = 1; column <= columns; column++) {
                    if (!Objects.deepEquals(value(a, column), value(b, column))) {
                        throw differs(table, count);
                    }
                }
                count++;
            }
            if (b.next()) {
                throw differs(table, count);
            }
        }
        return count;
    }

    private static Object value(ResultSet row, int column) throws SQLException {
        Object value = row.getObject(column);
        return value instanceof Object[] array ? Arrays.asList(array) : value;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var sql = connection.prepareStatement("SELECT k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
                + " WHERE c.TABLE_SCHEMA = 'PUBLIC' AND c.TABLE_NAME = ? AND c.CONSTRAINT_TYPE = 'PRIMARY KEY'"
                + " ORDER BY k.ORDINAL_POSITION")) {
            sql.setString(1, table);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    columns.add("\"" + rows.getString(1) + "\"");
                }
            }
        }
        if (columns.isEmpty()) {
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT * FROM \"" + table + "\" WHERE 1 = 0")) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    columns.add(Integer.toString(column));
                }
            }
        }
        return columns;
    }

    private static StoreException differs(String table, long row) {
        return new StoreException("The compacted copy of table " + table + " differs from the store at row " + (row + 1)
                + "; the store was not changed.");
    }
}
