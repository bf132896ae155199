package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The terms of the annotation forms' lists, as rows of {@code vocabulary_term}. */
public final class VocabularyRepository {
    private final Database database;

    public VocabularyRepository(Database database) {
        this.database = database;
    }

    /** The seeded defaults in order, then (when {@code caseId} is given) the case's own terms in order. */
    public List<String> terms(String vocabulary, Long caseId) throws StoreException {
        String sql = "SELECT term FROM vocabulary_term WHERE vocabulary = ? AND (case_id IS NULL"
                + (caseId == null ? ")" : " OR case_id = ?)") + " ORDER BY case_id NULLS FIRST, position, id";
        try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
            statement.setString(1, vocabulary);
            if (caseId != null) {
                statement.setLong(2, caseId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> terms = new ArrayList<>();
                while (rows.next()) {
                    terms.add(rows.getString(1));
                }
                return terms;
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the list " + vocabulary, e);
        }
    }

    /** Appends {@code term} to the case's own terms of the list; returns the new row's id. */
    public long add(String vocabulary, long caseId, String term) throws StoreException {
        try (PreparedStatement statement = Sql.insert(database, "INSERT INTO vocabulary_term (vocabulary, case_id, term,"
                + " position) VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM vocabulary_term"
                + " WHERE vocabulary = ? AND case_id = ?))")) {
            statement.setString(1, vocabulary);
            statement.setObject(2, caseId, Types.BIGINT);
            statement.setString(3, term);
            statement.setString(4, vocabulary);
            statement.setLong(5, caseId);
            statement.executeUpdate();
            return Sql.generatedId(statement);
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }
}
