package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;

/** The reviewer who owns this store (kept inside the encrypted database, never in the key file). */
public final class ReviewerRepository {
    private final Database database;

    public ReviewerRepository(Database database) {
        this.database = database;
    }

    public Optional<Reviewer> owner() throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT name, role FROM reviewer ORDER BY id FETCH FIRST ROW ONLY");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(new Reviewer(row.getString(1), Role.valueOf(row.getString(2)))) : Optional.empty();
        } catch (SQLException e) {
            throw StoreException.cannotRead("the reviewer", e);
        }
    }

    public void insert(Reviewer reviewer, Instant createdAt) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "INSERT INTO reviewer (name, role, created_at) VALUES (?, ?, ?)")) {
            statement.setString(1, reviewer.name());
            statement.setString(2, reviewer.role().name());
            Sql.setInstant(statement, 3, createdAt);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** For callers that only check the type: a missing owner is a damaged store. */
    public Reviewer requireOwner() throws UserFacingException {
        return owner().orElseThrow(() -> new StoreException("The store has no reviewer recorded; it was not set up completely."));
    }
}
