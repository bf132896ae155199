package org.frameproof.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.frameproof.domain.UserFacingException;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in the data folder, encrypted with {@code CIPHER=AES} under a random
 * {@link StoreKey}. Opened with {@code WRITE_DELAY=0}, because with H2's default delay a crash
 * loses commits it has already acknowledged; with {@code TRACE_LEVEL_FILE=0}, because H2's trace
 * file would hold SQL and values in plain text; never with AUTO_SERVER, which would open a network
 * port. One connection, used by one thread at a time through {@link #transaction}.
 *
 * <p>With {@code MAX_COMPACT_TIME=0}, because H2 otherwise compacts the file when its last
 * connection closes, rewriting chunks with no retention time, and a SIGKILL in that moment lost
 * commits acknowledged earlier (reproduced with plain H2: {@code bench/H2Kill.java close}). The
 * price: nothing compacts the file (with {@code WRITE_DELAY=0} there is no background writer), so
 * it grows faster.
 *
 * <p>With {@code REUSE_SPACE=FALSE}, because H2 2.5.252 writing new chunks into the space of old
 * ones lost acknowledged commits: a SIGKILL while commits were being written made the next open
 * reject the killed session's chunks ({@code bench/H2Kill.java write}). Appending only costs disk
 * space until the file is compacted ({@link Compaction}, {@code frameproof compact}).
 *
 * <p>The kill tests and their counts: docs/decisions/0004-h2-durability-and-encryption-settings.md.
 *
 * <p>With {@code QUERY_CACHE_SIZE=64}, because a bundle's merge runs a dozen different statements
 * for each piece of work, and with H2's default of 8 each was parsed again every time
 * (docs/decisions/0009-measurements-behind-tuned-constants.md, bench/results/merge.md).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static final String FILE_NAME = "frameproof";
    private static final String FIXED_OPTIONS = ";CIPHER=AES;WRITE_DELAY=0;MAX_COMPACT_TIME=0;REUSE_SPACE=FALSE;CACHE_SIZE=262144;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0";
    /**
     * For a file being built from scratch that is thrown away if anything goes wrong (compaction):
     * H2's own space reuse and compaction keep it dense, which appending every commit would not.
     */
    private static final String SCRATCH_OPTIONS = ";CIPHER=AES;RETENTION_TIME=0;TRACE_LEVEL_FILE=0";
    /**
     * The only class H2 may load by name: the audit log's trigger. H2 reads {@code h2.allowedClasses}
     * once, when its classes initialise, so it is set here, before this class touches H2; a store
     * is never opened when H2 started with another list (see {@link #checkAllowedClasses}).
     */
    static final String ALLOWED_CLASSES = AppendOnlyTrigger.class.getName();

    static {
        System.setProperty("h2.allowedClasses", ALLOWED_CLASSES);
    }

    /** Work done inside one transaction: all of it is committed, or none. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws UserFacingException;
    }

    /**
     * Hears how each outermost transaction ended, still holding the connection: for keeping a
     * record outside the database (the key file's chain head) in step with what was committed.
     */
    public interface TransactionListener {
        /** After the commit; a failure here is reported, but what was committed stays committed. */
        void committed() throws UserFacingException;

        void rolledBack();

        /** Before the database closes: what was kept back for writing later is written now. */
        default void closing() throws StoreException {
        }
    }

    private static final TransactionListener NO_LISTENER = new TransactionListener() {
        @Override
        public void committed() {
        }

        @Override
        public void rolledBack() {
        }
    };

    private final Connection connection;
    private final DataFolderLock lock;
    private final ReentrantLock inUse = new ReentrantLock();
    private TransactionListener listener = NO_LISTENER;

    private Database(Connection connection, DataFolderLock lock) {
        this.connection = connection;
        this.lock = lock;
    }

    /** Opens (creating when new) the encrypted database in {@code dataFolder} and brings its schema up to date. */
    public static Database open(Path dataFolder, StoreKey key) throws StoreException {
        checkAllowedClasses();
        Path base = checkedLocation(dataFolder).resolve(FILE_NAME);
        JdbcDataSource dataSource = dataSource(base, key);
        DataFolderLock lock = DataFolderLock.acquire(base.getParent());
        Compaction.removeLeftovers(base.getParent());
        Connection connection = null;
        try {
            SchemaGuard.check(file(base), key);
            // Our connection first, Flyway's beside it. Were Flyway's the only one, closing it would
            // close the database (H2 compacts the file then) and ours would open it a second time.
            connection = dataSource.getConnection();
            migrations(dataSource).load().migrate();
            PrivateFiles.restrictAll(base.getParent());
            return new Database(connection, lock);
        } catch (SQLException | org.flywaydb.core.api.FlywayException e) {
            closeQuietly(connection);
            lock.release();
            throw StoreException.cannotOpen(dataFolder, e);
        } catch (StoreException e) {
            closeQuietly(connection);
            lock.release();
            throw e;
        } catch (IOException e) {
            closeQuietly(connection);
            lock.release();
            throw new StoreException("Could not make the data folder " + dataFolder + " readable by you alone: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses to go on when H2 was started before {@link #ALLOWED_CLASSES} was set (some code used
     * H2 before this class), because a trigger, function or setting in a file could then name any
     * class on the class path.
     */
    static void checkAllowedClasses() throws StoreException {
        if (!ALLOWED_CLASSES.equals(SysProperties.ALLOWED_CLASSES)) {
            throw new StoreException("The database engine was started without Frameproof's class allow-list (h2.allowedClasses is '"
                    + SysProperties.ALLOWED_CLASSES + "'); no store is opened. Start Frameproof again.");
        }
    }

    /** Our migrations on {@code dataSource}, as every store is brought up to date and {@link MigratedSchema}'s list is built. */
    static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:org/frameproof/store/migration")
                .javaMigrations(new SearchPostingsMigration());
    }

    /** The file H2 keeps the database {@code base} (a path without extension) in. */
    static Path file(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /** The database file {@code base} (without its extension) opened as this class opens it, under {@code key}. */
    static JdbcDataSource dataSource(Path base, StoreKey key) {
        return dataSource(base, key, FIXED_OPTIONS);
    }

    private static JdbcDataSource dataSource(Path base, StoreKey key, String options) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + base + options);
        dataSource.setUser("frameproof");
        dataSource.setPasswordChars(key.h2Password());
        return dataSource;
    }

    /**
     * A connection of its own to {@code base}, for {@link Compaction}; the caller holds the lock.
     * The file is checked as {@link #open} checks it.
     */
    static Connection connect(Path base, StoreKey key) throws SQLException, StoreException {
        checkAllowedClasses();
        SchemaGuard.check(file(base), key);
        return dataSource(base, key).getConnection();
    }

    /** A new scratch file {@code base} under {@code key}, for {@link Compaction} to build and then swap in. */
    static Connection connectScratch(Path base, StoreKey key) throws SQLException {
        return dataSource(base, key, SCRATCH_OPTIONS).getConnection();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Opening failed already; that failure is the one to report.
                LOG.debug("Closing a connection after a failed open failed too", e);
            }
        }
    }

    /** Whether {@code dataFolder} already holds a database file. */
    public static boolean existsIn(Path dataFolder) {
        return Files.exists(dataFolder.resolve(FILE_NAME + ".mv.db"));
    }

    /**
     * Refuses folder names that H2 would read as URL settings: the JDBC URL must never carry
     * anything a user typed beyond a plain path.
     */
    static Path checkedLocation(Path dataFolder) throws StoreException {
        Path absolute = dataFolder.toAbsolutePath().normalize();
        String text = absolute.toString();
        if (text.contains(";") || text.contains("=") || text.contains("\n") || text.contains("'")) {
            throw new StoreException("The data folder name may not contain ';', '=', quotes or line breaks: " + text);
        }
        return absolute;
    }

    /**
     * Runs {@code work} in one transaction on this thread: committed durably when it returns,
     * rolled back when it throws. Nested calls join the outer transaction.
     */
    public <T> T transaction(Work<T> work) throws UserFacingException {
        inUse.lock();
        try {
            if (inUse.getHoldCount() > 1) {
                return work.run();
            }
            boolean committed = false;
            try {
                connection.setAutoCommit(false);
                T result = work.run();
                connection.commit();
                committed = true;
                listener.committed();
                return result;
            } catch (SQLException e) {
                throw StoreException.cannotSave(e);
            } finally {
                if (!committed) {
                    rollbackQuietly();
                    listener.rolledBack();
                }
                restoreAutoCommit();
            }
        } finally {
            inUse.unlock();
        }
    }

    /**
     * Runs {@code work} in a transaction that is always rolled back: nothing it writes stays (an
     * identity number it drew stays drawn). For going through code once before it is needed.
     */
    public void rehearse(Work<?> work) throws UserFacingException {
        inUse.lock();
        try {
            if (inUse.getHoldCount() > 1) {
                throw new IllegalStateException("A rehearsal cannot join a transaction: it would roll it back");
            }
            try {
                connection.setAutoCommit(false);
                try {
                    work.run();
                } finally {
                    undoRehearsal();
                    listener.rolledBack();
                }
            } catch (SQLException e) {
                throw StoreException.cannotSave(e);
            }
        } finally {
            inUse.unlock();
        }
    }

    private void undoRehearsal() throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // Auto-commit switched back on would commit what the rehearsal wrote; closing discards it.
            closeQuietly(connection);
            throw e;
        }
        connection.setAutoCommit(true);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The transaction failed already; the database discards it on the next open if not now.
            LOG.warn("Rolling back a failed transaction failed", e);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // A broken connection is reported by the next statement.
            LOG.warn("The connection could not be set back to auto-commit", e);
        }
    }

    /**
     * Writes a consistent copy of the database (still encrypted with the same key) into the zip
     * file {@code target}, with H2's {@code BACKUP TO}.
     */
    public void backupTo(Path target) throws UserFacingException {
        String location = checkedLocation(target).toString();
        transaction(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + location + "'");
                return null;
            } catch (SQLException e) {
                throw new StoreException("Could not back up the database to " + target + ": " + StoreException.firstLine(e), e);
            }
        });
    }

    /** Sets the one listener told of each transaction's end. */
    public void listen(TransactionListener transactionListener) {
        this.listener = transactionListener;
    }

    /** The connection, for repositories of this package inside {@link #transaction}, and for tests. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws StoreException {
        inUse.lock();
        try {
            closeListenerThenConnection();
        } finally {
            lock.release();
            inUse.unlock();
        }
    }

    private void closeListenerThenConnection() throws StoreException {
        try {
            listener.closing();
        } finally {
            closeConnection();
        }
    }

    private void closeConnection() throws StoreException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the database cleanly: " + e.getMessage(), e);
        }
    }
}
