package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Case;

/** Cases as rows of {@code investigation_case}. */
public final class CaseRepository {
    private final Database database;

    public CaseRepository(Database database) {
        this.database = database;
    }

    public List<Case> listByTitle() throws StoreException {
        String sql = "SELECT id, title, description, created_by, created_at FROM investigation_case ORDER BY title";
        try (PreparedStatement statement = database.connection().prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<Case> cases = new ArrayList<>();
            while (rows.next()) {
                cases.add(new Case(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getObject(5, OffsetDateTime.class).toInstant()));
            }
            return cases;
        } catch (SQLException e) {
            throw new StoreException("Could not read the list of cases: " + e.getMessage(), e);
        }
    }
}
