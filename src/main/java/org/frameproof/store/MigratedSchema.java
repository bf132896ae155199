package org.frameproof.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Every schema object our migrations create, at every schema version, as {@link SchemaObject#shape},
 * and every data type H2 registers for them: what a Frameproof database may hold. Read from
 * {@value #RESOURCE} beside the migrations, which {@code MigratedSchemaTest} builds by migrating a
 * throwaway store one version at a time and holds equal to the migrations, so that the list is
 * never a hand-kept copy of them and costs nothing to build at run time.
 */
record MigratedSchema(Set<String> shapes, Set<String> dataTypes) {
    static final String RESOURCE = "migrated-schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MigratedSchema shipped;

    static synchronized MigratedSchema get() throws StoreException {
        if (shipped == null) {
            shipped = read(RESOURCE);
        }
        return shipped;
    }

    /** The list in the resource {@code name} beside this class. */
    static MigratedSchema read(String name) throws StoreException {
        try (InputStream in = MigratedSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("it is missing from this build");
            }
            JsonNode root = JSON.readTree(in);
            return new MigratedSchema(strings(root, "shapes"), strings(root, "dataTypes"));
        } catch (IOException e) {
            throw new StoreException("Frameproof's list of what a database may hold (" + name + ") could not be read: "
                    + StoreException.firstLine(e) + "; no database was opened. Reinstall Frameproof.", e);
        }
    }

    private static Set<String> strings(JsonNode root, String field) throws IOException {
        JsonNode array = root == null ? null : root.path(field);
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IOException("it has no list of " + field);
        }
        Set<String> values = new HashSet<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new IOException("its " + field + " hold something other than text");
            }
            values.add(value.textValue());
        }
        return Set.copyOf(values);
    }
}
