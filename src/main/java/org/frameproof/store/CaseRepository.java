package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.frameproof.domain.Case;

/** Cases as rows of {@code investigation_case}. */
public final class CaseRepository {
    private static final String COLUMNS = "SELECT id, title, description, created_by, created_at FROM investigation_case";

    private final Database database;

    public CaseRepository(Database database) {
        this.database = database;
    }

    public List<Case> listByTitle() throws StoreException {
        return query(COLUMNS + " ORDER BY title", null);
    }

    public Optional<Case> findByTitle(String title) throws StoreException {
        return query(COLUMNS + " WHERE title = ?", title).stream().findFirst();
    }

    public Case insert(String title, String description, String createdBy, Instant createdAt) throws StoreException {
        try (PreparedStatement statement = Sql.insert(database,
                "INSERT INTO investigation_case (title, description, created_by, created_at) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, title);
            statement.setString(2, description);
            statement.setString(3, createdBy);
            Sql.setInstant(statement, 4, createdAt);
            statement.executeUpdate();
            return new Case(Sql.generatedId(statement), title, description, createdBy, createdAt);
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    private List<Case> query(String sql, String title) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
            if (title != null) {
                statement.setString(1, title);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Case> cases = new ArrayList<>();
                while (rows.next()) {
                    cases.add(new Case(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            Sql.instant(rows, 5)));
                }
                return cases;
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the list of cases", e);
        }
    }
}
