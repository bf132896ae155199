package org.frameproof.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.type.StringDataType;
import org.h2.result.Row;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.h2.value.VersionedValue;

/**
 * The schema objects a database file holds, read from its storage without opening it as a
 * database. Opening runs the stored DDL (a stored trigger is compiled and run at that moment), so
 * a file from elsewhere must be judged from these rows first: H2 keeps every object as a row of its
 * meta table (map {@code table.0}: id, head, type, SQL). Rows of unfinished transactions are read
 * as well, in both their committed and their pending state. The classes of the file's data types
 * are read first, by name only ({@link StoredTypes}).
 */
record StoredSchema(Set<String> dataTypes, List<SchemaObject> objects) {
    private static final String META_TABLE = "table.0";
    private static final int TYPE_COLUMN = 2;
    private static final int SQL_COLUMN = 3;

    /**
     * The data types and schema objects of the {@code .mv.db} file {@code file}, encrypted under
     * {@code key}. Its schema is read only when every data type it registers is {@code known}: else
     * it is refused before H2 loads any class it names.
     */
    static StoredSchema read(Path file, StoreKey key, Predicate<String> known) throws StoreException {
        char[] encryptionKey = encryptionKey(key);
        try {
            Set<String> dataTypes = new TreeSet<>();
            try (MVStore storage = open(file, encryptionKey)) {
                if (storage.hasMap(StoredTypes.REGISTRY)) {
                    storage.openMap(StoredTypes.REGISTRY, new MVMap.Builder<String, List<String>>()
                            .keyType(StringDataType.INSTANCE).valueType(new StoredTypes())).values().forEach(dataTypes::addAll);
                }
            }
            for (String dataType : dataTypes) {
                if (!known.test(dataType)) {
                    throw new ForeignSchemaException(file, "data type", dataType);
                }
            }
            List<SchemaObject> objects = new ArrayList<>();
            try (MVStore storage = open(file, encryptionKey)) {
                if (storage.hasMap(META_TABLE)) {
                    MVMap<Long, VersionedValue<Row>> meta = new TransactionStore(storage, new ValueDataType())
                            .openMap(META_TABLE, null, null);
                    for (VersionedValue<Row> value : meta.values()) {
                        add(objects, value.getCurrentValue());
                        add(objects, value.getCommittedValue());
                    }
                }
            }
            return new StoredSchema(dataTypes, objects);
        } catch (MVStoreException | IllegalStateException | IllegalArgumentException | ClassCastException
                 | java.nio.BufferUnderflowException e) {
            throw StoreException.cannotOpen(file.getParent(), e);
        } finally {
            Arrays.fill(encryptionKey, '\0');
        }
    }

    private static MVStore open(Path file, char[] encryptionKey) {
        // The builder keeps the array it is given and H2 clears it after use: each open gets its own copy.
        return new MVStore.Builder().fileName(file.toString()).encryptionKey(encryptionKey.clone()).readOnly().open();
    }

    private static void add(List<SchemaObject> objects, Row row) {
        if (row != null) {
            objects.add(new SchemaObject(row.getValue(TYPE_COLUMN).getInt(), row.getValue(SQL_COLUMN).getString()));
        }
    }

    /**
     * The MVStore key H2 itself uses for a {@code CIPHER=AES} file: the file password's bytes
     * (org.h2.engine.ConnectionInfo), turned back into characters as org.h2.mvstore.db.Store does.
     */
    static char[] encryptionKey(StoreKey key) {
        char[] password = key.h2Password();
        int space = 0;
        while (password[space] != ' ') {
            space++;
        }
        char[] filePassword = Arrays.copyOf(password, space);
        Arrays.fill(password, '\0');
        byte[] bytes = FilePathEncrypt.getPasswordBytes(filePassword);
        Arrays.fill(filePassword, '\0');
        char[] encryptionKey = new char[bytes.length / 2];
        for (int i = 0; i < encryptionKey.length; i++) {
            encryptionKey[i] = (char) (((bytes[2 * i] & 255) << 16) | (bytes[2 * i + 1] & 255));
        }
        Arrays.fill(bytes, (byte) 0);
        return encryptionKey;
    }
}
