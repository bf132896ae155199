package org.frameproof.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * Refuses a database file that carries anything our migrations did not create, before H2 opens
 * it: opening replays the file's stored DDL, and H2 compiles and runs a stored Java-source trigger
 * right then, loads any class a trigger, function, aggregate or setting names, and evaluates
 * defaults, checks and views; even before that, H2's storage loads the class of every data type
 * the file registers. A file from a backup, or one an insider with the passphrase changed, is
 * checked here first (see docs/decisions/0001-no-code-from-database-files.md).
 */
final class SchemaGuard {
    private SchemaGuard() {
    }

    /** Checks the {@code .mv.db} file {@code file}, when there is one; a new store has nothing to check. */
    static void check(Path file, StoreKey key) throws StoreException {
        if (!Files.exists(file)) {
            return;
        }
        MigratedSchema ours = MigratedSchema.get();
        Optional<SchemaObject> foreign = StoredSchema.read(file, key, ours.dataTypes()::contains).objects().stream()
                .filter(object -> !object.holdsNothingToRun() && !ours.shapes().contains(object.shape()))
                // Name the code first: a table changed to call a planted function is the lesser news.
                .min(Comparator.comparing(object -> !object.isCode()));
        if (foreign.isPresent()) {
            throw new ForeignSchemaException(file, foreign.get().kind(), foreign.get().name());
        }
    }
}
