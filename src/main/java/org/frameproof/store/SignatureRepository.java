package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The signatures of signed work, each kept beside the audit entry that records the work. */
public final class SignatureRepository {
    private final Database database;

    public SignatureRepository(Database database) {
        this.database = database;
    }

    /** One signature: the signer's fingerprint (hex SHA-256) and the Ed25519 signature (Base64). */
    public record Row(long auditSequence, String signer, String signature) {
    }

    public void insert(Row row) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "INSERT INTO work_signature (audit_sequence, signer, signature) VALUES (?, ?, ?)")) {
            statement.setLong(1, row.auditSequence());
            statement.setString(2, row.signer());
            statement.setString(3, row.signature());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** The signature kept for the audit entry {@code auditSequence}, if any. */
    public Optional<Row> of(long auditSequence) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT audit_sequence, signer, signature FROM work_signature WHERE audit_sequence = ?")) {
            statement.setLong(1, auditSequence);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Row(rows.getLong(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the signatures", e);
        }
    }

    /** The sequence of the first audit entry a signature is kept for: work recorded before it predates signatures. */
    public Optional<Long> first() throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT MIN(audit_sequence) FROM work_signature");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            long first = rows.getLong(1);
            return rows.wasNull() ? Optional.empty() : Optional.of(first);
        } catch (SQLException e) {
            throw StoreException.cannotRead("the signatures", e);
        }
    }

    /** Every signature, by the sequence of its audit entry. */
    public Map<Long, Row> all() throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT audit_sequence, signer, signature FROM work_signature ORDER BY audit_sequence");
             ResultSet rows = statement.executeQuery()) {
            Map<Long, Row> all = new LinkedHashMap<>();
            while (rows.next()) {
                all.put(rows.getLong(1), new Row(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
            return all;
        } catch (SQLException e) {
            throw StoreException.cannotRead("the signatures", e);
        }
    }
}
