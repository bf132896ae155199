package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;

/**
 * The reviewers of this store, the first of whom created it, each with their public identity
 * (kept inside the encrypted database, never in the key file: a laptop's finder learns no names).
 */
public final class ReviewerRepository {
    private static final String COLUMNS = "SELECT name, role, created_at, identity, fingerprint FROM reviewer";

    private final Database database;

    public ReviewerRepository(Database database) {
        this.database = database;
    }

    /**
     * A reviewer's row: {@code identity} is their signed public identity's canonical JSON and
     * {@code fingerprint} its hex SHA-256, both null for the owner of a store made before identities
     * until their first unlock.
     */
    public record Row(Reviewer reviewer, Instant createdAt, String identity, String fingerprint) {
    }

    public Optional<Reviewer> owner() throws StoreException {
        return list().stream().findFirst().map(Row::reviewer);
    }

    /** Every reviewer, the store's creator first. */
    public List<Row> list() throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(COLUMNS + " ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            List<Row> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new Row(new Reviewer(rows.getString(1), Role.valueOf(rows.getString(2))), Sql.instant(rows, 3),
                        rows.getString(4), rows.getString(5)));
            }
            return all;
        } catch (SQLException e) {
            throw StoreException.cannotRead("the reviewers", e);
        }
    }

    public void insert(Reviewer reviewer, Instant createdAt, String identity, String fingerprint) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "INSERT INTO reviewer (name, role, created_at, identity, fingerprint) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, reviewer.name());
            statement.setString(2, reviewer.role().name());
            Sql.setInstant(statement, 3, createdAt);
            statement.setString(4, identity);
            statement.setString(5, fingerprint);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** Gives a reviewer made before identities their identity (once: a reviewer who has one keeps it). */
    public void setIdentity(String name, String identity, String fingerprint) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "UPDATE reviewer SET identity = ?, fingerprint = ? WHERE name = ? AND identity IS NULL")) {
            statement.setString(1, identity);
            statement.setString(2, fingerprint);
            statement.setString(3, name);
            if (statement.executeUpdate() != 1) {
                throw new StoreException("The reviewer has an identity already; it is never replaced.");
            }
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** For callers that only check the type: a missing owner is a damaged store. */
    public Reviewer requireOwner() throws UserFacingException {
        return owner().orElseThrow(() -> new StoreException("The store has no reviewer recorded; it was not set up completely."));
    }
}
