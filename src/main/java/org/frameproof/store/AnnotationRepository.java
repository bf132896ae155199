package org.frameproof.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Role;

/**
 * Annotations as rows of {@code annotation} (one row per annotation, its current state). Each row
 * keeps the words it is indexed under in {@code search_words}, so a change takes out of the
 * {@link SearchIndex} exactly what was put in. Rows are never deleted: a deletion sets
 * {@code deleted_at} and takes the annotation out of the index.
 */
public final class AnnotationRepository {
    /** Joins list fields; the service keeps it out of every term. */
    public static final char SEPARATOR = '\u001f';
    /** Longest stored search word; longer words are cut (a prefix search still finds them). */
    public static final int LONGEST_WORD = 100;
    /** Between the words in {@code search_words}; words are letters and digits only. */
    static final String WORD_SEPARATOR = " ";

    private static final String FIELDS = "a.id, a.footage_id, a.footage_sha256, a.kind, a.start_frame, a.end_frame,"
            + " a.start_pts_ms, a.end_pts_ms, a.observation, a.interpretation, a.confidence, a.tags, a.region_shape,"
            + " a.region_x, a.region_y, a.region_width, a.region_height, a.body_region, a.injury_type, a.injury_count,"
            + " a.timing, a.consistent_with, a.review_status, a.review_expert, a.reviewed_at, a.review_comment,"
            + " a.place_name, a.latitude, a.longitude, a.precision_class, a.method, a.landmarks, a.camouflage,"
            + " a.insignia, a.armband, a.armband_colour, a.headgear, a.weapons, a.vehicles, a.claimed_force,"
            + " a.claim_basis, a.category, a.author, a.role, a.created_at, a.modified_at, a.imported_by,"
            + " a.import_file_name, a.import_file_sha256, a.imported_at, a.claimed_review_status,"
            + " a.claimed_review_expert, a.claimed_reviewed_at, a.claimed_review_comment, a.review_state,"
            + " a.reviewer_fingerprint, a.unseal_reason";
    private static final String WRITTEN = FIELDS.replace("a.", "").replace("id, footage_id", "footage_id");
    private static final int WRITTEN_COUNT = WRITTEN.split(",").length;
    private static final String ORDER = " ORDER BY a.footage_id, a.start_frame, a.end_frame, a.id";

    private final Database database;

    public AnnotationRepository(Database database) {
        this.database = database;
    }

    /** Whether a row with this id exists, deleted or not. */
    public boolean exists(String id) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement("SELECT 1 FROM annotation WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the annotation " + id, e);
        }
    }

    /** The annotation unless it does not exist or was deleted. */
    public Optional<Annotation> findLive(String id) throws StoreException {
        return query("SELECT " + FIELDS + " FROM annotation a WHERE a.id = ? AND a.deleted_at IS NULL", List.of(id))
                .stream().findFirst();
    }

    /**
     * Writes {@code annotation} as the live state of its id (inserting it, or replacing the row
     * and clearing a deletion), with its search words; the index changes go to {@code index}.
     */
    public void write(Annotation annotation, Set<String> words, SearchIndexChanges index) throws StoreException {
        Set<String> indexed = stored(words);
        try {
            Optional<Indexed> existing = indexed(annotation.id());
            if (existing.isPresent()) {
                long seq = existing.get().seq();
                Set<String> before = existing.get().words();
                String assignments = Arrays.stream(WRITTEN.split(",")).map(column -> column.strip() + " = ?")
                        .reduce((a, b) -> a + ", " + b).orElseThrow();
                try (PreparedStatement statement = database.connection().prepareStatement(
                        "UPDATE annotation SET " + assignments + ", search_words = ?, deleted_at = NULL WHERE seq = ?")) {
                    bind(statement, annotation);
                    statement.setString(WRITTEN_COUNT + 1, String.join(WORD_SEPARATOR, indexed));
                    statement.setLong(WRITTEN_COUNT + 2, seq);
                    statement.executeUpdate();
                }
                index.replace(seq, before, indexed);
            } else {
                try (PreparedStatement statement = database.connection().prepareStatement("INSERT INTO annotation (" + WRITTEN
                        + ", id, search_words) VALUES (" + "?, ".repeat(WRITTEN_COUNT + 1) + "?)")) {
                    bind(statement, annotation);
                    statement.setString(WRITTEN_COUNT + 1, annotation.id());
                    statement.setString(WRITTEN_COUNT + 2, String.join(WORD_SEPARATOR, indexed));
                    statement.executeUpdate();
                }
                index.add(indexed(annotation.id()).orElseThrow().seq(), indexed);
            }
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /** Marks the annotation deleted at {@code at}; its row stays, its search words go (to {@code index}). */
    public void markDeleted(String id, Instant at, SearchIndexChanges index) throws StoreException {
        try {
            Indexed stored = indexed(id).orElseThrow(() -> new StoreException("There is no annotation " + id + "."));
            long seq = stored.seq();
            index.remove(seq, stored.words());
            try (PreparedStatement statement = database.connection().prepareStatement(
                    "UPDATE annotation SET deleted_at = ?, search_words = '' WHERE seq = ?")) {
                Sql.setInstant(statement, 1, at);
                statement.setLong(2, seq);
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw StoreException.cannotSave(e);
        }
    }

    /**
     * Live annotations of one footage item or of every footage item of a case, narrowed by the
     * filters (null or empty: no filter), by footage then frame.
     *
     * @param states only findings in these review states (empty: all)
     * @param notAnsweredBy leave out the findings this reviewer answers for (made, or imported), or null
     * @param limit the most rows to read, the first in that order, or null for all
     */
    public List<Annotation> list(Long footageId, Long caseId, Set<AnnotationKind> kinds, String author, String tag,
            Set<Confidence> confidences, Set<ReviewState> states, String notAnsweredBy, Integer limit)
            throws StoreException {
        StringBuilder sql = new StringBuilder("SELECT ").append(FIELDS).append(" FROM annotation a");
        List<Object> parameters = new ArrayList<>();
        if (footageId != null) {
            // The index in the list's order, so a limited read stops after its rows: left to itself, H2
            // takes the footage_id index and reads and sorts all the footage's rows (see
            // docs/decisions/0009-measurements-behind-tuned-constants.md).
            sql.append(" USE INDEX (annotation_by_footage_frame) WHERE a.footage_id = ?");
            parameters.add(footageId);
        } else {
            // A case's rows are all read and sorted (a limited read goes item by item: walking that
            // index with footage_id IN (the case's items) returns wrong rows in H2 2.5 once the limit changes).
            sql.append(" JOIN footage f ON f.id = a.footage_id WHERE f.case_id = ?");
            parameters.add(caseId);
        }
        sql.append(" AND a.deleted_at IS NULL");
        if (!kinds.isEmpty()) {
            sql.append(" AND a.kind IN (").append(marks(kinds.size())).append(')');
            kinds.forEach(kind -> parameters.add(kind.name()));
        }
        if (author != null) {
            sql.append(" AND a.author = ?");
            parameters.add(author);
        }
        if (tag != null) {
            sql.append(" AND a.tags LIKE ? ESCAPE '\\'");
            parameters.add("%" + SEPARATOR + likeEscaped(tag) + SEPARATOR + "%");
        }
        if (!confidences.isEmpty()) {
            sql.append(" AND a.confidence IN (").append(marks(confidences.size())).append(')');
            confidences.forEach(confidence -> parameters.add(confidence.name()));
        }
        if (!states.isEmpty()) {
            sql.append(" AND a.review_state IN (").append(marks(states.size())).append(')');
            states.forEach(state -> parameters.add(state.name()));
        }
        if (notAnsweredBy != null) {
            // Names compare as Reviewer.sameName does: case and surrounding blanks make no other person.
            sql.append(" AND LOWER(TRIM(COALESCE(a.imported_by, a.author))) <> ?");
            parameters.add(notAnsweredBy.strip().toLowerCase(java.util.Locale.ROOT));
        }
        sql.append(ORDER);
        if (limit != null) {
            sql.append(" FETCH FIRST ? ROWS ONLY");
            parameters.add(limit);
        }
        return query(sql.toString(), parameters);
    }

    /** The live annotations with these sequence numbers, by footage then frame. */
    public List<Annotation> bySeqs(Collection<Long> seqs) throws StoreException {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return query("SELECT " + FIELDS + " FROM annotation a WHERE a.seq IN (" + marks(seqs.size())
                + ") AND a.deleted_at IS NULL" + ORDER, new ArrayList<>(seqs));
    }

    /** An annotation's sequence number and the words it is indexed under now (none once deleted). */
    private record Indexed(long seq, Set<String> words) {
    }

    private Optional<Indexed> indexed(String id) throws SQLException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT seq, search_words FROM annotation WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String joined = row.getString(2);
                return Optional.of(new Indexed(row.getLong(1),
                        joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(WORD_SEPARATOR)))));
            }
        }
    }

    /** The search words as stored: each cut to {@link #LONGEST_WORD}. */
    private static Set<String> stored(Set<String> words) {
        Set<String> stored = new LinkedHashSet<>();
        for (String word : words) {
            stored.add(word.length() > LONGEST_WORD ? word.substring(0, LONGEST_WORD) : word);
        }
        return stored;
    }

    private static void bind(PreparedStatement statement, Annotation annotation) throws SQLException {
        FrameSpan span = annotation.span();
        Region region = annotation.region();
        statement.setLong(1, annotation.footageId());
        statement.setString(2, annotation.footageSha256());
        statement.setString(3, annotation.kind().name());
        statement.setInt(4, span.startFrame());
        statement.setInt(5, span.endFrame());
        statement.setDouble(6, span.startPtsMs());
        statement.setDouble(7, span.endPtsMs());
        statement.setString(8, annotation.observation());
        statement.setString(9, annotation.interpretation());
        statement.setString(10, annotation.confidence() == null ? null : annotation.confidence().name());
        statement.setString(11, annotation.tags().isEmpty() ? "" : SEPARATOR + join(annotation.tags()) + SEPARATOR);
        statement.setString(12, region == null ? null : region.shape().name());
        setDouble(statement, 13, region == null ? null : region.x());
        setDouble(statement, 14, region == null ? null : region.y());
        setDouble(statement, 15, region == null ? null : region.width());
        setDouble(statement, 16, region == null ? null : region.height());
        for (int column = 17; column <= 41; column++) {
            statement.setNull(column, Types.VARCHAR);
        }
        Finding finding = annotation.finding();
        if (finding instanceof Finding.Injury injury) {
            statement.setString(17, injury.bodyRegion());
            statement.setString(18, injury.injuryType());
            statement.setObject(19, injury.count(), Types.INTEGER);
            statement.setString(20, injury.timing());
            statement.setString(21, injury.consistentWith());
        } else if (finding instanceof Finding.Location location) {
            statement.setString(26, location.placeName());
            setDouble(statement, 27, location.latitude());
            setDouble(statement, 28, location.longitude());
            statement.setString(29, location.precision());
            statement.setString(30, location.method());
            statement.setString(31, join(location.landmarks()));
        } else if (finding instanceof Finding.Uniform uniform) {
            statement.setString(32, uniform.camouflage());
            statement.setString(33, uniform.insignia());
            statement.setString(34, uniform.armband());
            statement.setString(35, uniform.armbandColour());
            statement.setString(36, uniform.headgear());
            statement.setString(37, uniform.weapons());
            statement.setString(38, uniform.vehicles());
            statement.setString(39, uniform.claimedForce());
            statement.setString(40, uniform.claimBasis());
        } else if (finding instanceof Finding.Note note) {
            statement.setString(41, note.category());
        }
        statement.setString(42, annotation.author());
        statement.setString(43, annotation.role().name());
        Sql.setInstant(statement, 44, annotation.createdAt());
        Sql.setInstant(statement, 45, annotation.modifiedAt());
        bindImported(statement, annotation.imported());
        bindStatus(statement, annotation.status());
    }

    /** Columns 22-25 (the review) and 54-56: where the finding stands in review. */
    private static void bindStatus(PreparedStatement statement, ReviewStatus status) throws SQLException {
        Review review = status.review();
        statement.setString(22, review == null ? null : review.verdict().name());
        statement.setString(23, review == null ? null : review.reviewer());
        Sql.setInstant(statement, 24, review == null ? null : review.reviewedAt());
        statement.setString(25, review == null ? null : review.comment());
        statement.setString(54, status.state().name());
        statement.setString(55, review == null ? null : review.reviewerFingerprint());
        statement.setString(56, status.unsealReason());
    }

    /** Columns 46-53: where an imported annotation came from and the review its file claims. */
    private static void bindImported(PreparedStatement statement, Annotation.Imported imported) throws SQLException {
        Review claimed = imported == null ? null : imported.claimedReview();
        statement.setString(46, imported == null ? null : imported.importer());
        statement.setString(47, imported == null ? null : imported.fileName());
        statement.setString(48, imported == null ? null : imported.fileSha256());
        Sql.setInstant(statement, 49, imported == null ? null : imported.importedAt());
        statement.setString(50, claimed == null ? null : claimed.verdict().name());
        statement.setString(51, claimed == null ? null : claimed.reviewer());
        Sql.setInstant(statement, 52, claimed == null ? null : claimed.reviewedAt());
        statement.setString(53, claimed == null ? null : claimed.comment());
    }

    private List<Annotation> query(String sql, List<?> parameters) throws StoreException {
        try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                List<Annotation> annotations = new ArrayList<>();
                while (row.next()) {
                    annotations.add(read(row));
                }
                return annotations;
            }
        } catch (SQLException e) {
            throw StoreException.cannotRead("the annotations", e);
        }
    }

    private static Annotation read(ResultSet row) throws SQLException {
        String shape = row.getString(13);
        Region region = shape == null ? null : new Region(Region.Shape.valueOf(shape), row.getDouble(14),
                row.getDouble(15), row.getDouble(16), row.getDouble(17));
        String confidence = row.getString(11);
        AnnotationKind kind = AnnotationKind.valueOf(row.getString(4));
        Finding finding = switch (kind) {
            case INJURY -> new Finding.Injury(row.getString(18), row.getString(19), row.getObject(20, Integer.class),
                    row.getString(21), row.getString(22));
            case LOCATION -> new Finding.Location(row.getString(27), row.getObject(28, Double.class),
                    row.getObject(29, Double.class), row.getString(30), row.getString(31), split(row.getString(32)));
            case UNIFORM -> new Finding.Uniform(row.getString(33), row.getString(34), row.getString(35),
                    row.getString(36), row.getString(37), row.getString(38), row.getString(39), row.getString(40),
                    row.getString(41));
            case NOTE -> new Finding.Note(row.getString(42));
        };
        return new Annotation(row.getString(1), row.getLong(2), row.getString(3),
                new FrameSpan(row.getInt(5), row.getInt(6), row.getDouble(7), row.getDouble(8)),
                row.getString(9), row.getString(10), confidence == null ? null : Confidence.valueOf(confidence),
                split(row.getString(12)), region, finding, row.getString(43), Role.valueOf(row.getString(44)),
                Sql.instant(row, 45), Sql.instant(row, 46), imported(row), status(row));
    }

    private static ReviewStatus status(ResultSet row) throws SQLException {
        Review review = row.getString(23) == null ? null : review(row, 23, row.getString(56));
        return new ReviewStatus(ReviewState.valueOf(row.getString(55)), review, row.getString(57));
    }

    /** The review whose verdict is in column {@code column} and reviewer, time and comment in the next three. */
    private static Review review(ResultSet row, int column, String reviewerFingerprint) throws SQLException {
        return new Review(Review.Verdict.valueOf(row.getString(column)), row.getString(column + 1), reviewerFingerprint,
                Sql.instant(row, column + 2), row.getString(column + 3));
    }

    private static Annotation.Imported imported(ResultSet row) throws SQLException {
        String importer = row.getString(47);
        if (importer == null) {
            return null;
        }
        return new Annotation.Imported(importer, row.getString(48), row.getString(49), Sql.instant(row, 50),
                row.getString(51) == null ? null : review(row, 51, null));
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static String join(List<String> terms) {
        StringJoiner joined = new StringJoiner(String.valueOf(SEPARATOR));
        terms.forEach(joined::add);
        return joined.toString();
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        String inner = joined.charAt(0) == SEPARATOR ? joined.substring(1, joined.length() - 1) : joined;
        return List.of(inner.split(String.valueOf(SEPARATOR), -1));
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
