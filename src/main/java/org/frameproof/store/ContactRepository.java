package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Role;

/** People of other stores this store accepted, each in the role this store accepts them in. */
public final class ContactRepository {
    private final Database database;

    public ContactRepository(Database database) {
        this.database = database;
    }

    /** A contact's row: their signed public identity's canonical JSON, its fingerprint, and the acceptance. */
    public record Row(String identity, String fingerprint, Role acceptedRole, String acceptedBy, Instant acceptedAt) {
    }

    /** Every contact, in the order they were accepted. */
    public List<Row> list() throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT identity, fingerprint, accepted_role, accepted_by, accepted_at FROM contact ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            List<Row> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new Row(rows.getString(1), rows.getString(2), Role.valueOf(rows.getString(3)), rows.getString(4),
                        Sql.instant(rows, 5)));
            }
            return all;
        } catch (SQLException e) {
            throw StoreException.cannotRead("the contacts", e);
        }
    }

    public void insert(Row contact) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "INSERT INTO contact (identity, fingerprint, accepted_role, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, contact.identity());
            statement.setString(2, contact.fingerprint());
            statement.setString(3, contact.acceptedRole().name());
            statement.setString(4, contact.acceptedBy());
            Sql.setInstant(statement, 5, contact.acceptedAt());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }
}
