package org.frameproof.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.h2.api.Trigger;

/**
 * Refuses every update and delete of the audit log's rows, but one: filling in the seal of an
 * entry written before entries were sealed ({@code entry_mac}, the table's last column since
 * migration 5 added it, going from NULL to a value with nothing else changed). Told by position,
 * not by name: a database that gains the column by migration keeps the trigger it loaded before.
 */
public final class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!fillsInMissingSeal(oldRow, newRow)) {
            throw new SQLException("The audit log is append-only: its entries cannot be changed or deleted.");
        }
    }

    private static boolean fillsInMissingSeal(Object[] oldRow, Object[] newRow) {
        if (oldRow == null || newRow == null) {
            return false;
        }
        int seal = oldRow.length - 1;
        if (oldRow[seal] != null || newRow[seal] == null) {
            return false;
        }
        Object[] unchanged = newRow.clone();
        unchanged[seal] = null;
        return Arrays.deepEquals(oldRow, unchanged);
    }
}
