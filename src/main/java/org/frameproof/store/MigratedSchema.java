package org.frameproof.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Every schema object our migrations create, at every schema version, as {@link SchemaObject#shape},
 * and every data type H2 registers for them: what a Frameproof database may hold. Built once per
 * run by migrating a throwaway store one version at a time and reading each step the way
 * {@link SchemaGuard} reads a store, so that the list follows the migrations and is never a
 * hand-kept copy of them.
 */
record MigratedSchema(Set<String> shapes, Set<String> dataTypes) {
    private static MigratedSchema built;

    static synchronized MigratedSchema get() throws StoreException {
        if (built == null) {
            built = build();
        }
        return built;
    }

    private static MigratedSchema build() throws StoreException {
        Path folder;
        try {
            folder = Files.createTempDirectory("frameproof-schema");
        } catch (IOException e) {
            throw new StoreException("Could not make a temporary folder to check the database against: " + e.getMessage(), e);
        }
        byte[] random = new byte[StoreKey.BYTES];
        new SecureRandom().nextBytes(random);
        try (StoreKey key = new StoreKey(random)) {
            Path base = folder.resolve(Database.FILE_NAME);
            JdbcDataSource dataSource = Database.dataSource(base, key);
            Set<String> shapes = new HashSet<>();
            Set<String> dataTypes = new HashSet<>();
            for (MigrationInfo step : Database.migrations(dataSource).load().info().pending()) {
                Database.migrations(dataSource).target(step.getVersion()).load().migrate();
                add(StoredSchema.read(Database.file(base), key, ours -> true), shapes, dataTypes);
            }
            // A compacted store is written with the scratch options, which H2 keeps as settings.
            Database.connectScratch(base, key).close();
            add(StoredSchema.read(Database.file(base), key, ours -> true), shapes, dataTypes);
            return new MigratedSchema(Set.copyOf(shapes), Set.copyOf(dataTypes));
        } catch (org.flywaydb.core.api.FlywayException | java.sql.SQLException e) {
            throw new StoreException("Could not build the schema to check the database against: " + StoreException.firstLine(e), e);
        } finally {
            deleteTree(folder);
        }
    }

    private static void add(StoredSchema step, Set<String> shapes, Set<String> dataTypes) {
        step.objects().forEach(object -> shapes.add(object.shape()));
        dataTypes.addAll(step.dataTypes());
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A throwaway store under a random key in the temporary folder holds nothing of anyone's.
        }
    }
}
