package org.frameproof.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.h2.api.Trigger;

/**
 * Refuses every update and delete of the audit log's rows, but one: filling in the MAC of an
 * entry written before entries were authenticated (its {@code entry_mac} NULL, nothing else changed).
 */
public final class AppendOnlyTrigger implements Trigger {
    private int macColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, "ENTRY_MAC")) {
            if (columns.next()) {
                macColumn = columns.getInt("ORDINAL_POSITION") - 1;
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!fillsInMissingMac(oldRow, newRow)) {
            throw new SQLException("The audit log is append-only: its entries cannot be changed or deleted.");
        }
    }

    private boolean fillsInMissingMac(Object[] oldRow, Object[] newRow) {
        if (macColumn < 0 || oldRow == null || newRow == null || oldRow[macColumn] != null || newRow[macColumn] == null) {
            return false;
        }
        Object[] unchanged = newRow.clone();
        unchanged[macColumn] = null;
        return Arrays.deepEquals(oldRow, unchanged);
    }
}
