package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Bundles received, and the signed work they brought that is kept without being applied. */
public final class BundleRepository {
    private final Database database;

    public BundleRepository(Database database) {
        this.database = database;
    }

    /** A bundle imported: its id, its file's SHA-256, its author's fingerprint, by whom and when, and its audit entry. */
    public record Receipt(String bundleId, String fileSha256, String author, String receivedBy, Instant receivedAt,
                          long auditSequence) {
    }

    /** A piece of received work kept apart: why, what it is about, the work line as carried, and its signature. */
    public record KeptWork(long id, String bundleId, String standing, String entityType, String entityId, String work,
                           String signer, String signature, String resolvedBy, Instant resolvedAt) {
    }

    public Optional<Receipt> receipt(String bundleId) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement("SELECT bundle_id, file_sha256, author,"
                + " received_by, received_at, audit_sequence FROM bundle_receipt WHERE bundle_id = ?")) {
            statement.setString(1, bundleId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Receipt(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), Sql.instant(row, 5), row.getLong(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the bundles received", e);
        }
    }

    public void insert(Receipt receipt) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement("INSERT INTO bundle_receipt (bundle_id,"
                + " file_sha256, author, received_by, received_at, audit_sequence) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, receipt.bundleId());
            statement.setString(2, receipt.fileSha256());
            statement.setString(3, receipt.author());
            statement.setString(4, receipt.receivedBy());
            Sql.setInstant(statement, 5, receipt.receivedAt());
            statement.setLong(6, receipt.auditSequence());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** Whether work with this signature is kept already: in the audit log's signatures or among the received work. */
    public boolean knows(String signature) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT 1 FROM work_signature WHERE signature = ? UNION ALL SELECT 1 FROM received_work WHERE signature = ?")) {
            statement.setString(1, signature);
            statement.setString(2, signature);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the signatures", e);
        }
    }

    public void keep(KeptWork work) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement("INSERT INTO received_work (bundle_id,"
                + " standing, entity_type, entity_id, work, signer, signature) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, work.bundleId());
            statement.setString(2, work.standing());
            statement.setString(3, work.entityType());
            statement.setString(4, work.entityId());
            statement.setString(5, work.work());
            statement.setString(6, work.signer());
            statement.setString(7, work.signature());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** The work kept about {@code entityType} {@code entityId}, oldest first. */
    public List<KeptWork> keptAbout(String entityType, String entityId) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement("SELECT id, bundle_id, standing,"
                + " entity_type, entity_id, work, signer, signature, resolved_by, resolved_at FROM received_work"
                + " WHERE entity_type = ? AND entity_id = ? ORDER BY id")) {
            statement.setString(1, entityType);
            statement.setString(2, entityId);
            try (ResultSet rows = statement.executeQuery()) {
                List<KeptWork> kept = new ArrayList<>();
                while (rows.next()) {
                    kept.add(new KeptWork(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                            Sql.instant(rows, 10)));
                }
                return kept;
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the work received", e);
        }
    }

    /** The ids of every {@code entityType} with work of {@code standing} kept and not yet resolved. */
    public Set<String> unresolvedEntities(String entityType, String standing) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement("SELECT DISTINCT entity_id FROM"
                + " received_work WHERE entity_type = ? AND standing = ? AND resolved_at IS NULL")) {
            statement.setString(1, entityType);
            statement.setString(2, standing);
            try (ResultSet rows = statement.executeQuery()) {
                Set<String> ids = new HashSet<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the work received", e);
        }
    }

    /** Marks the kept work {@code id} resolved by {@code reviewer} at {@code at}. */
    public void resolve(long id, String reviewer, Instant at) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "UPDATE received_work SET resolved_by = ?, resolved_at = ? WHERE id = ?")) {
            statement.setString(1, reviewer);
            Sql.setInstant(statement, 2, at);
            statement.setLong(3, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }
}
