package org.frameproof.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** Refuses every update and delete of the audit log's rows. */
public final class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The audit log is append-only: its entries cannot be changed or deleted.");
    }
}
