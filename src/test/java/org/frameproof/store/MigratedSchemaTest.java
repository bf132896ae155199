package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped list of what a database may hold is the one our migrations build: a throwaway store
 * is migrated one version at a time and each step is read the way {@link SchemaGuard} reads a store.
 */
class MigratedSchemaTest {
    private static final Path SHIPPED = Path.of("src/main/resources/org/frameproof/store", MigratedSchema.RESOURCE);
    private static final Path BUILT = Path.of("target", MigratedSchema.RESOURCE);
    @TempDir Path work;

    @Test
    void theShippedListIsTheOneTheMigrationsBuild() throws Exception {
        MigratedSchema built = build(work);
        String builtJson = json(built);
        if (!builtJson.equals(shippedJson())) {
            Files.createDirectories(BUILT.getParent());
            Files.writeString(BUILT, builtJson);
            fail("The migrations build a different list of what a database may hold: copy " + BUILT + " over " + SHIPPED + ".");
        }
        assertEquals(built, MigratedSchema.get());
    }

    @Test
    void aMissingListIsAStoreException() {
        StoreException refused = assertThrows(StoreException.class, () -> MigratedSchema.read("no-such-schema.json"));
        assertTrue(refused.getMessage().contains("(no-such-schema.json) could not be read: it is missing from this build"), refused.getMessage());
    }

    @Test
    void anUnreadableListIsAStoreException() {
        StoreException refused = assertThrows(StoreException.class, () -> MigratedSchema.read("unreadable-schema.json"));
        assertTrue(refused.getMessage().contains("(unreadable-schema.json) could not be read: its shapes hold something other than text"),
                refused.getMessage());
    }

    private static String shippedJson() throws Exception {
        try (InputStream in = MigratedSchema.class.getResourceAsStream(MigratedSchema.RESOURCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sorted and one entry a line, so that a change to the migrations shows as a readable diff. */
    private static String json(MigratedSchema schema) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("shapes", schema.shapes().stream().sorted().toList());
        fields.put("dataTypes", schema.dataTypes().stream().sorted().toList());
        DefaultIndenter lines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(lines).withArrayIndenter(lines);
        return new ObjectMapper().writer(printer).writeValueAsString(fields) + "\n";
    }

    static MigratedSchema build(Path folder) throws Exception {
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
        }
    }

    private static void add(StoredSchema step, Set<String> shapes, Set<String> dataTypes) {
        // Users, roles, grants and comments are never compared, and a user's shape holds a random salt.
        step.objects().stream().filter(object -> !object.holdsNothingToRun()).forEach(object -> shapes.add(object.shape()));
        dataTypes.addAll(step.dataTypes());
    }
}
