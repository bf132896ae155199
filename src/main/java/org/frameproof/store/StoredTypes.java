package org.frameproof.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.db.RowDataType;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.VersionedValueType;
import org.h2.mvstore.type.BasicDataType;

/**
 * Reads the class names in an MVStore's type registry (map {@code _}) without loading a class.
 * H2's own reader ({@code org.h2.mvstore.type.MetaType}) initialises and instantiates whatever
 * class an entry names, so the names are read here first, in the format MetaType writes: the
 * name, then the saved state of the three data types that have one.
 */
final class StoredTypes extends BasicDataType<List<String>> {
    static final String REGISTRY = "_";
    private static final String ROW_TYPE = RowDataType.Factory.class.getName();
    private static final String VALUE_TYPE = ValueDataType.Factory.class.getName();
    private static final String VERSIONED_TYPE = VersionedValueType.Factory.class.getName();

    @Override
    public List<String> read(ByteBuffer buffer) {
        List<String> names = new ArrayList<>();
        readType(buffer, names);
        return names;
    }

    private static void readType(ByteBuffer buffer, List<String> names) {
        String name = DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
        names.add(name);
        if (name.equals(ROW_TYPE)) {
            DataUtils.readVarInt(buffer);
            skipIntArray(buffer);
            skipIntArray(buffer);
            buffer.get();
        } else if (name.equals(VALUE_TYPE)) {
            skipIntArray(buffer);
            DataUtils.readVarInt(buffer);
            skipIntArray(buffer);
            buffer.get();
        } else if (name.equals(VERSIONED_TYPE)) {
            readType(buffer, names);
        }
    }

    /** An int array as RowDataType and ValueDataType save it: its length plus one (0 for none), then the ints. */
    private static void skipIntArray(ByteBuffer buffer) {
        for (int count = DataUtils.readVarInt(buffer) - 1; count > 0; count--) {
            DataUtils.readVarInt(buffer);
        }
    }

    @Override
    public int getMemory(List<String> names) {
        return 64 * names.size();
    }

    @Override
    public void write(WriteBuffer buffer, List<String> names) {
        throw new UnsupportedOperationException("The type registry is only read, from a store opened read-only");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String>[] createStorage(int size) {
        return new List[size];
    }
}
