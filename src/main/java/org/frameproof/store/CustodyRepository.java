package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.CustodyEvent;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;

/** The chain of custody of each footage item, as rows of {@code custody_event}. */
public final class CustodyRepository {
    private final Database database;

    public CustodyRepository(Database database) {
        this.database = database;
    }

    public CustodyEvent insert(long footageId, Instant at, Reviewer reviewer, String kind, String details) throws StoreException {
        try (PreparedStatement statement = Sql.insert(database,
                "INSERT INTO custody_event (footage_id, occurred_at, actor, role, kind, details) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, footageId);
            Sql.setInstant(statement, 2, at);
            statement.setString(3, reviewer.name());
            statement.setString(4, reviewer.role().name());
            statement.setString(5, kind);
            statement.setString(6, details);
            statement.executeUpdate();
            return new CustodyEvent(Sql.generatedId(statement), footageId, at, reviewer, kind, details);
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    public List<CustodyEvent> listByFootage(long footageId) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT id, footage_id, occurred_at, actor, role, kind, details FROM custody_event WHERE footage_id = ? ORDER BY id")) {
            statement.setLong(1, footageId);
            try (ResultSet rows = statement.executeQuery()) {
                List<CustodyEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new CustodyEvent(rows.getLong(1), rows.getLong(2), Sql.instant(rows, 3),
                            new Reviewer(rows.getString(4), Role.valueOf(rows.getString(5))), rows.getString(6), rows.getString(7)));
                }
                return events;
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the chain of custody", e);
        }
    }
}
