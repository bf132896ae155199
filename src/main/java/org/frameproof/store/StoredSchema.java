package org.frameproof.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.h2.value.VersionedValue;

/**
 * The schema objects a database file holds, read from its storage without opening it as a
 * database. Opening runs the stored DDL (a stored trigger is compiled and run at that moment), so
 * a file from elsewhere must be judged from these rows first: H2 keeps every object as a row of its
 * meta table (map {@code table.0}: id, head, type, SQL). Rows of unfinished transactions are read
 * as well, in both their committed and their pending state.
 */
final class StoredSchema {
    private static final String META_TABLE = "table.0";
    private static final int TYPE_COLUMN = 2;
    private static final int SQL_COLUMN = 3;

    private StoredSchema() {
    }

    /** The schema objects of the {@code .mv.db} file {@code file}, encrypted under {@code key}. */
    static List<SchemaObject> read(Path file, StoreKey key) throws StoreException {
        try (MVStore storage = new MVStore.Builder().fileName(file.toString()).encryptionKey(encryptionKey(key))
                .readOnly().open()) {
            List<SchemaObject> objects = new ArrayList<>();
            if (!storage.hasMap(META_TABLE)) {
                return objects;
            }
            MVMap<Long, VersionedValue<Row>> meta = new TransactionStore(storage, new ValueDataType())
                    .openMap(META_TABLE, null, null);
            for (VersionedValue<Row> value : meta.values()) {
                add(objects, value.getCurrentValue());
                add(objects, value.getCommittedValue());
            }
            return objects;
        } catch (MVStoreException | IllegalStateException | ClassCastException e) {
            throw StoreException.cannotOpen(file.getParent(), e);
        }
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
    private static char[] encryptionKey(StoreKey key) {
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
