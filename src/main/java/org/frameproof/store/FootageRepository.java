package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FootageStatus;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.VerificationBasis;

/** Imported footage as rows of {@code footage}. Rows are never deleted. */
public final class FootageRepository {
    private static final String COLUMNS = "SELECT id, case_id, sha256, md5, size_bytes, original_name, original_path,"
            + " imported_by, imported_role, imported_at, machine, app_version, media_facts, source_url, platform, poster,"
            + " first_seen_at, first_seen_basis, graphic_violence, identifiable_people, status, status_reason,"
            + " duplicate_of, integrity, integrity_checked_at, basis_source, basis_date, basis_place FROM footage";

    private final Database database;

    public FootageRepository(Database database) {
        this.database = database;
    }

    /** Inserts {@code footage} (its id is ignored) and returns it with the id the database gave it. */
    public Footage insert(Footage footage) throws StoreException {
        try (PreparedStatement statement = Sql.insert(database, "INSERT INTO footage (case_id, sha256, md5, size_bytes,"
                + " original_name, original_path, imported_by, imported_role, imported_at, machine, app_version, media_facts,"
                + " source_url, platform, poster, first_seen_at, first_seen_basis, graphic_violence, identifiable_people,"
                + " status, status_reason, duplicate_of, integrity, integrity_checked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Provenance provenance = footage.provenance();
            statement.setLong(1, footage.caseId());
            statement.setString(2, footage.sha256());
            statement.setString(3, footage.md5());
            statement.setLong(4, footage.sizeBytes());
            statement.setString(5, footage.originalName());
            statement.setString(6, footage.originalPath());
            statement.setString(7, footage.importedBy().name());
            statement.setString(8, footage.importedBy().role().name());
            Sql.setInstant(statement, 9, footage.importedAt());
            statement.setString(10, footage.machine());
            statement.setString(11, footage.appVersion());
            statement.setString(12, footage.mediaFacts() == null ? null : StoredMediaFacts.write(footage.mediaFacts()));
            statement.setString(13, provenance.sourceUrl());
            statement.setString(14, provenance.platform());
            statement.setString(15, provenance.poster());
            Sql.setInstant(statement, 16, provenance.firstSeenAt());
            statement.setString(17, provenance.firstSeenBasis());
            statement.setBoolean(18, provenance.graphicViolence());
            statement.setBoolean(19, provenance.identifiablePeople());
            statement.setString(20, footage.status().name());
            statement.setString(21, footage.statusReason());
            if (footage.duplicateOf() == null) {
                statement.setNull(22, Types.BIGINT);
            } else {
                statement.setLong(22, footage.duplicateOf());
            }
            statement.setString(23, footage.integrity().name());
            Sql.setInstant(statement, 24, footage.integrityCheckedAt());
            statement.executeUpdate();
            long id = Sql.generatedId(statement);
            return new Footage(id, footage.caseId(), footage.sha256(), footage.md5(), footage.sizeBytes(),
                    footage.originalName(), footage.originalPath(), footage.importedBy(), footage.importedAt(),
                    footage.machine(), footage.appVersion(), footage.mediaFacts(), provenance, footage.status(),
                    footage.statusReason(), footage.duplicateOf(), footage.integrity(), footage.integrityCheckedAt(),
                    footage.basis());
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    public List<Footage> listByCase(long caseId) throws StoreException {
        return query(COLUMNS + " WHERE case_id = ? ORDER BY id", caseId);
    }

    public List<Footage> listAll() throws StoreException {
        return query(COLUMNS + " ORDER BY id", null);
    }

    public Optional<Footage> findById(long id) throws StoreException {
        return query(COLUMNS + " WHERE id = ?", id).stream().findFirst();
    }

    /** The first import of this content, which later imports of the same content link to. */
    public Optional<Footage> firstWithSha256(String sha256) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                COLUMNS + " WHERE sha256 = ? ORDER BY id FETCH FIRST ROW ONLY")) {
            statement.setString(1, sha256);
            return read(statement).stream().findFirst();
        } catch (SQLException e) {
            throw StoreException.cannotRead("the footage list", e);
        }
    }

    /** Sets the status and its reason, and the basis it was verified on unless {@code basis} is null. */
    public void updateStatus(long id, FootageStatus status, String reason, VerificationBasis basis) throws StoreException {
        if (basis == null) {
            update("UPDATE footage SET status = ?, status_reason = ? WHERE id = ?", id, status.name(), reason, null);
            return;
        }
        try (PreparedStatement statement = database.connection().prepareStatement("UPDATE footage SET status = ?,"
                + " status_reason = ?, basis_source = ?, basis_date = ?, basis_place = ? WHERE id = ?")) {
            statement.setString(1, status.name());
            statement.setString(2, reason);
            statement.setString(3, basis.source());
            statement.setString(4, basis.date());
            statement.setString(5, basis.place());
            statement.setLong(6, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    public void updateProvenance(long id, Provenance provenance) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement("UPDATE footage SET source_url = ?,"
                + " platform = ?, poster = ?, first_seen_at = ?, first_seen_basis = ?, graphic_violence = ?,"
                + " identifiable_people = ? WHERE id = ?")) {
            statement.setString(1, provenance.sourceUrl());
            statement.setString(2, provenance.platform());
            statement.setString(3, provenance.poster());
            Sql.setInstant(statement, 4, provenance.firstSeenAt());
            statement.setString(5, provenance.firstSeenBasis());
            statement.setBoolean(6, provenance.graphicViolence());
            statement.setBoolean(7, provenance.identifiablePeople());
            statement.setLong(8, id);
            if (statement.executeUpdate() != 1) {
                throw new StoreException("There is no footage item " + id + ".");
            }
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    public void updateIntegrity(long id, Integrity integrity, Instant checkedAt) throws StoreException {
        update("UPDATE footage SET integrity = ?, integrity_checked_at = ? WHERE id = ?", id, integrity.name(), null, checkedAt);
    }

    private void update(String sql, long id, String first, String secondText, Instant secondInstant) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
            statement.setString(1, first);
            if (secondText != null) {
                statement.setString(2, secondText);
            } else {
                Sql.setInstant(statement, 2, secondInstant);
            }
            statement.setLong(3, id);
            if (statement.executeUpdate() != 1) {
                throw new StoreException("There is no footage item " + id + ".");
            }
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    private List<Footage> query(String sql, Long parameter) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
            if (parameter != null) {
                statement.setLong(1, parameter);
            }
            return read(statement);
        } catch (SQLException e) {
            throw StoreException.cannotRead("the footage list", e);
        }
    }

    private static List<Footage> read(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            List<Footage> footage = new ArrayList<>();
            while (row.next()) {
                long duplicateOf = row.getLong(23);
                Long duplicate = row.wasNull() ? null : duplicateOf;
                footage.add(new Footage(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getLong(5),
                        row.getString(6), row.getString(7), new Reviewer(row.getString(8), Role.valueOf(row.getString(9))),
                        Sql.instant(row, 10), row.getString(11), row.getString(12), StoredMediaFacts.read(row.getString(13)),
                        new Provenance(row.getString(14), row.getString(15), row.getString(16), Sql.instant(row, 17),
                                row.getString(18), row.getBoolean(19), row.getBoolean(20)),
                        FootageStatus.valueOf(row.getString(21)), row.getString(22), duplicate,
                        Integrity.valueOf(row.getString(24)), Sql.instant(row, 25), row.getString(26) == null ? null
                        : new VerificationBasis(row.getString(26), row.getString(27), row.getString(28))));
            }
            return footage;
        }
    }
}
