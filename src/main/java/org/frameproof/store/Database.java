package org.frameproof.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 database in the data folder. Opened with {@code WRITE_DELAY=0}, because with
 * H2's default delay a crash loses commits it has already acknowledged; never with AUTO_SERVER,
 * which would open a network port.
 */
public final class Database implements AutoCloseable {
    static final String FILE_NAME = "frameproof";
    private static final String FIXED_OPTIONS = ";WRITE_DELAY=0";

    private final JdbcDataSource dataSource;
    private final Connection connection;
    private final DataFolderLock lock;

    private Database(JdbcDataSource dataSource, Connection connection, DataFolderLock lock) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.lock = lock;
    }

    /** Opens (creating when new) the database in {@code dataFolder} and brings its schema up to date. */
    public static Database open(Path dataFolder) throws StoreException {
        Path base = checkedLocation(dataFolder).resolve(FILE_NAME);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + base + FIXED_OPTIONS);
        dataSource.setUser("frameproof");
        dataSource.setPassword("");
        DataFolderLock lock = DataFolderLock.acquire(base.getParent());
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:org/frameproof/store/migration")
                    .load()
                    .migrate();
            return new Database(dataSource, dataSource.getConnection(), lock);
        } catch (SQLException | org.flywaydb.core.api.FlywayException e) {
            lock.release();
            throw StoreException.cannotOpen(dataFolder, e);
        }
    }

    /**
     * Refuses folder names that H2 would read as URL settings: the JDBC URL must never carry
     * anything a user typed beyond a plain path.
     */
    static Path checkedLocation(Path dataFolder) throws StoreException {
        Path absolute = dataFolder.toAbsolutePath().normalize();
        String text = absolute.toString();
        if (text.contains(";") || text.contains("=") || text.contains("\n")) {
            throw new StoreException("The data folder name may not contain ';', '=' or line breaks: " + text);
        }
        return absolute;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws StoreException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the database cleanly: " + e.getMessage(), e);
        } finally {
            lock.release();
        }
    }

    JdbcDataSource dataSource() {
        return dataSource;
    }
}
