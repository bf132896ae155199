package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;

/**
 * The audit log's rows. Only appends: the table's trigger refuses updates and deletes, except
 * filling in the seal of an entry written before entries were sealed.
 */
public final class AuditRepository {
    private static final String COLUMNS = "SELECT sequence, occurred_at, actor, role, action, entity_type, entity_id,"
            + " before_json, after_json, previous_hash, entry_hash, entry_mac FROM audit_log";

    /** Receives the entries one at a time, so a million of them never sit in memory together. */
    @FunctionalInterface
    public interface EntryVisitor {
        /** Returns false to stop. */
        boolean visit(AuditEntry entry) throws UserFacingException;
    }

    private final Database database;

    public AuditRepository(Database database) {
        this.database = database;
    }

    public Optional<AuditEntry> last() throws StoreException {
        return first(COLUMNS + " ORDER BY sequence DESC FETCH FIRST ROW ONLY");
    }

    /** The entry with this sequence number. */
    public Optional<AuditEntry> at(long sequence) throws StoreException {
        return first(COLUMNS + " WHERE sequence = ?", sequence);
    }

    /** The newest entry about one record (a footage id, an annotation id ...), which holds its last recorded state. */
    public Optional<AuditEntry> lastAbout(String entityType, String entityId) throws StoreException {
        return first(COLUMNS + " WHERE entity_type = ? AND entity_id = ? ORDER BY sequence DESC FETCH FIRST ROW ONLY",
                entityType, entityId);
    }

    /** The newest entry about one record with one of these actions (e.g. the one that recorded a finding's review). */
    public Optional<AuditEntry> lastAbout(String entityType, String entityId, List<String> actions) throws StoreException {
        Object[] parameters = new Object[2 + actions.size()];
        parameters[0] = entityType;
        parameters[1] = entityId;
        for (int i = 0; i < actions.size(); i++) {
            parameters[2 + i] = actions.get(i);
        }
        return first(COLUMNS + " WHERE entity_type = ? AND entity_id = ? AND action IN ("
                + String.join(", ", java.util.Collections.nCopies(actions.size(), "?"))
                + ") ORDER BY sequence DESC FETCH FIRST ROW ONLY", parameters);
    }

    /** The newest entry with this action. */
    public Optional<AuditEntry> lastWithAction(String action) throws StoreException {
        return first(COLUMNS + " WHERE action = ? ORDER BY sequence DESC FETCH FIRST ROW ONLY", action);
    }

    /** Whether any entry carries a seal: the chain has been sealed since it was written (or begun sealed). */
    public boolean anySealed() throws StoreException {
        return first(COLUMNS + " WHERE entry_mac IS NOT NULL FETCH FIRST ROW ONLY").isPresent();
    }

    /** Gives an entry written before entries were sealed its seal (the only update the trigger allows). */
    public void seal(long sequence, String mac) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "UPDATE audit_log SET entry_mac = ? WHERE sequence = ? AND entry_mac IS NULL")) {
            statement.setString(1, mac);
            statement.setLong(2, sequence);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    private Optional<AuditEntry> first(String sql, Object... parameters) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the audit log", e);
        }
    }

    public void append(AuditEntry entry) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "INSERT INTO audit_log (sequence, occurred_at, actor, role, action, entity_type, entity_id,"
                        + " before_json, after_json, previous_hash, entry_hash, entry_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, entry.sequence());
            Sql.setInstant(statement, 2, entry.occurredAt());
            statement.setString(3, entry.actor());
            statement.setString(4, entry.role().name());
            statement.setString(5, entry.action());
            statement.setString(6, entry.entityType());
            statement.setString(7, entry.entityId());
            statement.setString(8, entry.beforeJson());
            statement.setString(9, entry.afterJson());
            statement.setString(10, entry.previousHash());
            statement.setString(11, entry.entryHash());
            statement.setString(12, entry.entryMac());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** Visits every entry in order of sequence, the order the chain was written in. */
    public void forEachInOrder(EntryVisitor visitor) throws UserFacingException {
        try (PreparedStatement statement = database.connection().prepareStatement(COLUMNS + " ORDER BY sequence")) {
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!visitor.visit(entry(rows))) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the audit log", e);
        }
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong(1), Sql.instant(row, 2), row.getString(3), Role.valueOf(row.getString(4)),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11), row.getString(12));
    }
}
