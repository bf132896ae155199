package org.frameproof.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Region;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.store.AnnotationRepository;
import org.frameproof.store.Database;
import org.frameproof.store.FootageRepository;
import org.frameproof.store.SearchIndex;
import org.frameproof.store.SearchIndexChanges;

/**
 * Annotations of footage: create, edit, retime, draw a region, delete, medical review, list,
 * search, import. The UI and the command line both come here.
 *
 * <p>Every change is an {@link AnnotationCommand} applied through this session's
 * {@link #history()}: saved durably in one transaction together with its audit entry before the
 * method returns (there is no Save button), and undoable. Frames are checked against the
 * footage's frame index, and each annotation stores its frames' own timestamps and the footage's
 * SHA-256. Text is kept exactly as typed, NFC-normalised, in any script.
 *
 * <p>Permissions: any reviewer records any kind; only a {@link Role#MEDICAL_EXPERT} confirms or
 * rejects an injury, and an injury that carries a medical review can be changed or deleted only
 * by a medical expert (so a confirmation never vouches for text it did not see).
 *
 * <p>Reads for lists and search are planned by {@link SearchPlanner}; saves leave their search
 * words pending for {@link SearchIndexMerger}; frame indexes come through {@link FrameIndexCache};
 * {@link CreateRehearsal} warms the create path up.
 */
public final class AnnotationService {

    private final Database database;
    private final AnnotationRepository annotations;
    private final SearchIndex searchIndex;
    private final FootageRepository footage;
    private final AuditLog audit;
    private final FrameIndexCache indexes;
    private final Reviewer reviewer;
    private final Clock clock;
    private final UndoHistory history;
    private final SearchIndexMerger merger;
    private final SearchPlanner planner;
    private final CreateRehearsal rehearsal;

    AnnotationService(Database database, AuditLog audit, FrameIndexCache indexes, Reviewer reviewer, Clock clock) {
        this.database = database;
        this.annotations = new AnnotationRepository(database);
        this.searchIndex = new SearchIndex(database);
        this.footage = new FootageRepository(database);
        this.audit = audit;
        this.indexes = indexes;
        this.reviewer = reviewer;
        this.clock = clock;
        this.history = new UndoHistory(this::write);
        this.merger = new SearchIndexMerger(database, searchIndex);
        this.planner = new SearchPlanner(database, annotations, searchIndex);
        this.rehearsal = new CreateRehearsal(database, (item, content) -> creation(item, 0, 0, content),
                create -> writeRevisions(create, create.action()));
    }

    /**
     * Creates an annotation on frames {@code startFrame..endFrame} (equal for a point) of a
     * footage item, by this store's reviewer.
     *
     * @throws UserFacingException when the footage does not exist, a frame is outside the
     *     footage, or a field is invalid (the message says which)
     */
    public Annotation create(long footageId, int startFrame, int endFrame, AnnotationContent content)
            throws UserFacingException {
        AnnotationCommand create = creation(requireFootage(footageId), startFrame, endFrame, content);
        history.apply(create);
        return create.revisions().get(0).after();
    }

    /**
     * Goes through a create of an empty annotation of each kind on a footage item without
     * keeping one, so that the first real create is quick (see {@link CreateRehearsal}). Nothing
     * is written.
     */
    public void rehearseCreate(long footageId) throws UserFacingException {
        rehearsal.rehearse(requireFootage(footageId));
    }

    /** The command that creates an annotation by this store's reviewer, after the checks of a create. */
    private AnnotationCommand creation(Footage item, int startFrame, int endFrame, AnnotationContent content)
            throws UserFacingException {
        FrameSpan span = span(item, startFrame, endFrame);
        AnnotationContent clean = clean(content, item, null, null);
        Annotation created = new Annotation(UUID.randomUUID().toString(), item.id(), item.sha256(), span,
                clean.observation(), clean.interpretation(), clean.confidence(), clean.tags(), clean.region(),
                clean.finding(), reviewer.name(), reviewer.role(), now(), null);
        return new AnnotationCommand("annotation.create", "new " + describe(created),
                List.of(new AnnotationCommand.Revision(null, created)));
    }

    /**
     * Replaces the form's fields (not the frames, the kind or the medical review). An edit that
     * changes nothing saves nothing.
     *
     * @throws UserFacingException when the kind would change, a field is invalid, or the
     *     annotation is a reviewed injury and the reviewer is not a medical expert
     */
    public Annotation edit(String id, AnnotationContent content) throws UserFacingException {
        Annotation before = require(id);
        if (content.kind() != before.kind()) {
            throw new UserFacingException("Annotation " + id + " is " + article(before) + "; its kind cannot change"
                    + " (delete it and create " + content.kind().code() + " instead).");
        }
        requireMayChange(before);
        AnnotationContent clean = clean(content, requireFootage(before.footageId()), reviewOf(before), before.region());
        return change("annotation.edit", "edit of ", before, new Annotation(before.id(), before.footageId(),
                before.footageSha256(), before.span(), clean.observation(), clean.interpretation(), clean.confidence(),
                clean.tags(), clean.region(), clean.finding(), before.author(), before.role(), before.createdAt(), now(),
                before.imported()));
    }

    /** Moves the annotation to frames {@code startFrame..endFrame} (the timeline's edge drag). */
    public Annotation retime(String id, int startFrame, int endFrame) throws UserFacingException {
        Annotation before = require(id);
        requireMayChange(before);
        FrameSpan span = span(requireFootage(before.footageId()), startFrame, endFrame);
        return change("annotation.retime", "new frames of ", before, new Annotation(before.id(), before.footageId(),
                before.footageSha256(), span, before.observation(), before.interpretation(), before.confidence(),
                before.tags(), before.region(), before.finding(), before.author(), before.role(), before.createdAt(), now(),
                before.imported()));
    }

    /** Sets the drawn region (in displayed-frame pixels), or clears it with null. */
    public Annotation setRegion(String id, Region region) throws UserFacingException {
        return edit(id, AnnotationContent.of(require(id)).withRegion(region));
    }

    /**
     * Deletes an annotation: it no longer lists, and its row and every earlier state stay in the
     * store and the audit log; undo brings it back.
     */
    public void delete(String id) throws UserFacingException {
        Annotation before = require(id);
        requireMayChange(before);
        history.apply(new AnnotationCommand("annotation.delete", "deletion of " + describe(before),
                List.of(new AnnotationCommand.Revision(before, null))));
    }

    /**
     * A medical expert confirms or rejects an injury; the review carries their name and the UTC
     * time. Anyone else is refused with a clear message, and nothing changes.
     */
    public Annotation review(String id, Finding.MedicalReview.Verdict verdict, String comment)
            throws UserFacingException {
        String verb = verdict == Finding.MedicalReview.Verdict.CONFIRMED ? "confirm" : "reject";
        Annotation before = requireInjuryForReview(id, verb);
        Finding.MedicalReview review = new Finding.MedicalReview(verdict, reviewer.name(), now(),
                CleanContent.field(comment, "The comment"));
        return change("annotation." + verb, verb + "ation of ", before, withReview(before, review));
    }

    /** A medical expert withdraws the review, so the injury is unreviewed again. */
    public Annotation clearReview(String id) throws UserFacingException {
        Annotation before = requireInjuryForReview(id, "clear the review of");
        if (reviewOf(before) == null) {
            return before;
        }
        return change("annotation.unreview", "withdrawn review of ", before, withReview(before, null));
    }

    /**
     * Adds annotations read from a file (Frameproof JSON, W3C Web Annotations, ELAN notes) to a
     * footage item, in one command. Each must name the footage's SHA-256; frames are checked and
     * their timestamps taken from this footage's index. Each is marked imported (by this store's
     * reviewer, from this file, now): author, role and times stay as the file claims them, and a
     * medical review in the file is kept only as a claim, so an imported injury is unreviewed here.
     * Ids are derived from the file's SHA-256 and each annotation's position in it, so a file
     * imported again adds nothing (nor does one whose annotations were imported and then deleted).
     *
     * @param fileName the file's name, as the import mark shows it
     * @param fileSha256 the SHA-256 of the bytes the annotations were read from
     */
    public AnnotationImport importInto(long footageId, String fileName, String fileSha256, List<Annotation> incoming)
            throws UserFacingException {
        Footage item = requireFootage(footageId);
        Instant importedAt = now();
        List<AnnotationCommand.Revision> revisions = new ArrayList<>();
        int alreadyImported = 0;
        for (int position = 0; position < incoming.size(); position++) {
            Annotation annotation = incoming.get(position);
            if (!annotation.footageSha256().equalsIgnoreCase(item.sha256())) {
                throw new UserFacingException("The annotation " + annotation.id() + " is of the file with SHA-256 "
                        + annotation.footageSha256() + ", and footage " + footageId + " is " + item.sha256()
                        + "; nothing was imported.");
            }
            String id = AnnotationImport.stableId(fileSha256, footageId, position);
            if (database.transaction(() -> annotations.exists(id))) {
                alreadyImported++;
                continue;
            }
            FrameSpan span = span(item, annotation.span().startFrame(), annotation.span().endFrame());
            AnnotationContent clean = clean(AnnotationContent.of(annotation), item, null, null);
            Annotation.Imported mark = new Annotation.Imported(reviewer.name(), fileName, fileSha256, importedAt,
                    claimedReview(reviewOf(annotation)));
            revisions.add(new AnnotationCommand.Revision(null, new Annotation(id, footageId, item.sha256(), span,
                    clean.observation(), clean.interpretation(), clean.confidence(), clean.tags(), clean.region(),
                    clean.finding(), CleanContent.name(annotation.author(), "The author"), annotation.role(),
                    annotation.createdAt(), annotation.modifiedAt(), mark)));
        }
        if (!revisions.isEmpty()) {
            history.apply(new AnnotationCommand("annotation.import", "import of " + revisions.size() + " annotations from "
                    + fileName, revisions));
        }
        return new AnnotationImport(revisions.stream().map(AnnotationCommand.Revision::after).toList(), alreadyImported);
    }

    /** A review as a file claims it, with its texts checked like a form's. */
    private static Finding.MedicalReview claimedReview(Finding.MedicalReview review) throws UserFacingException {
        return review == null ? null : new Finding.MedicalReview(review.verdict(),
                CleanContent.name(review.expertName(), "The claimed expert's name"), review.reviewedAt(),
                CleanContent.field(review.comment(), "The claimed review's comment"));
    }

    /** The annotation with this id, or a message saying there is none (deleted ones are none). */
    public Annotation require(String id) throws UserFacingException {
        return find(id).orElseThrow(() -> new UserFacingException("There is no annotation " + id + "."));
    }

    /** The annotation with this id, unless it does not exist or was deleted. */
    public Optional<Annotation> find(String id) throws UserFacingException {
        return database.transaction(() -> annotations.findLive(id == null ? "" : id.strip()));
    }

    /** The annotations the query selects (the first ones only, when it has a limit), by footage then frame (start, end), then id. */
    public List<Annotation> list(AnnotationQuery query) throws UserFacingException {
        return planner.list(query);
    }

    /**
     * Full text across all cases over observation, interpretation, tags and place names:
     * case-insensitive in every script (Armenian, Cyrillic, Azerbaijani Latin, Arabic), accents
     * ignored, each word matching the start of a word; all words must match. Ordered by case,
     * footage and frame.
     *
     * @param limit the most hits to return
     */
    public List<SearchHit> search(String text, int limit) throws UserFacingException {
        return planner.search(text, limit);
    }

    /** The frame index of a footage item (cached), e.g. to turn an ELAN file's times into frames. */
    public FrameIndex frameIndex(long footageId) throws UserFacingException {
        return indexes.of(requireFootage(footageId));
    }

    /** This session's undo and redo. */
    public UndoHistory history() {
        return history;
    }

    /**
     * Saves a command: for each revision, checks the stored state is still its {@code before},
     * writes its {@code after} (or marks it deleted) with its search words, and appends the audit
     * entry, all in one transaction.
     */
    private void write(AnnotationCommand command, String auditAction) throws UserFacingException {
        merger.saved(database.transaction(() -> writeRevisions(command, auditAction)));
    }

    /**
     * The body of {@link #write}, inside the caller's transaction.
     *
     * @return whether the search index's pending changes should now be merged
     */
    private boolean writeRevisions(AnnotationCommand command, String auditAction) throws UserFacingException {
        SearchIndexChanges index = new SearchIndexChanges();
        for (AnnotationCommand.Revision revision : command.revisions()) {
            Annotation stored = annotations.findLive(revision.id()).orElse(null);
            if (!Objects.equals(stored, revision.before())) {
                throw new UserFacingException("Annotation " + revision.id() + " was changed since; "
                        + command.description() + " was not applied.");
            }
            Annotation after = revision.after();
            if (after == null) {
                annotations.markDeleted(revision.id(), now(), index);
            } else {
                annotations.write(after, searchWords(after), index);
            }
            audit.record(auditAction, "annotation", revision.id(), AuditedRecords.of(revision.before()), AuditedRecords.of(after));
        }
        return searchIndex.apply(index);
    }

    /**
     * Writes a revision received in a bundle as the live state of {@code id} ({@code after} null:
     * deleted at {@code at}), with its search words, inside the caller's transaction; the caller
     * appends the revision's own audit entry.
     *
     * @return whether the search index's pending changes should be merged once committed ({@link #indexSaved})
     */
    boolean writeReceived(String id, Annotation after, Instant at) throws UserFacingException {
        SearchIndexChanges index = new SearchIndexChanges();
        if (after == null) {
            annotations.markDeleted(id, at, index);
        } else {
            annotations.write(after, searchWords(after), index);
        }
        return searchIndex.apply(index);
    }

    /** After a commit of received revisions: merges the search index's pending changes if {@link #writeReceived} said so. */
    void indexSaved(boolean merge) {
        merger.saved(merge);
    }

    /** Stops merging the search index (a step under way finishes; the rest stays pending): before the store closes. */
    void close() {
        merger.close();
    }

    private Annotation change(String action, String what, Annotation before, Annotation after) throws UserFacingException {
        if (sameContent(before, after)) {
            return before;
        }
        history.apply(new AnnotationCommand(action, what + describe(before),
                List.of(new AnnotationCommand.Revision(before, after))));
        return after;
    }

    private static boolean sameContent(Annotation a, Annotation b) {
        return a.span().equals(b.span()) && Objects.equals(a.observation(), b.observation())
                && Objects.equals(a.interpretation(), b.interpretation()) && a.confidence() == b.confidence()
                && a.tags().equals(b.tags()) && Objects.equals(a.region(), b.region()) && a.finding().equals(b.finding());
    }

    private static Set<String> searchWords(Annotation annotation) {
        List<String> texts = new ArrayList<>(annotation.tags());
        texts.add(annotation.observation());
        texts.add(annotation.interpretation());
        if (annotation.finding() instanceof Finding.Location location) {
            texts.add(location.placeName());
        }
        return SearchText.words(texts);
    }

    private Annotation requireInjuryForReview(String id, String verb) throws UserFacingException {
        Annotation annotation = require(id);
        if (reviewer.role() != Role.MEDICAL_EXPERT) {
            throw new UserFacingException("Only a medical expert can " + verb + " an injury; " + reviewer.name()
                    + " works here as " + reviewer.role().label() + ".");
        }
        if (!(annotation.finding() instanceof Finding.Injury)) {
            throw new UserFacingException("Annotation " + id + " is " + article(annotation)
                    + "; only injuries are confirmed or rejected.");
        }
        return annotation;
    }

    private void requireMayChange(Annotation annotation) throws UserFacingException {
        Finding.MedicalReview review = reviewOf(annotation);
        if (review != null && reviewer.role() != Role.MEDICAL_EXPERT) {
            throw new UserFacingException("This injury was " + review.verdict().name().toLowerCase(java.util.Locale.ROOT)
                    + " by " + review.expertName() + "; only a medical expert can change or delete it now.");
        }
    }

    private static Finding.MedicalReview reviewOf(Annotation annotation) {
        return annotation.finding() instanceof Finding.Injury injury ? injury.review() : null;
    }

    private Annotation withReview(Annotation before, Finding.MedicalReview review) {
        Finding.Injury injury = (Finding.Injury) before.finding();
        return new Annotation(before.id(), before.footageId(), before.footageSha256(), before.span(),
                before.observation(), before.interpretation(), before.confidence(), before.tags(), before.region(),
                new Finding.Injury(injury.bodyRegion(), injury.injuryType(), injury.count(), injury.timing(),
                        injury.consistentWith(), review),
                before.author(), before.role(), before.createdAt(), now(), before.imported());
    }

    private AnnotationContent clean(AnnotationContent content, Footage item, Finding.MedicalReview review, Region kept)
            throws UserFacingException {
        MediaFacts facts = item.mediaFacts(); // without them, the region's bounds check is skipped
        return CleanContent.of(content, facts == null ? 0 : facts.width(), facts == null ? 0 : facts.height(), review,
                kept);
    }

    private FrameSpan span(Footage item, int startFrame, int endFrame) throws UserFacingException {
        FrameIndex index = indexes.of(item);
        if (startFrame < 0 || endFrame > index.lastFrame()) {
            throw new UserFacingException("Footage " + item.id() + " has frames 0 to " + index.lastFrame()
                    + "; frame " + (startFrame < 0 ? startFrame : endFrame) + " is not one of them.");
        }
        if (endFrame < startFrame) {
            throw new UserFacingException("The out frame (" + endFrame + ") is before the in frame (" + startFrame + ").");
        }
        return FrameSpan.of(index, startFrame, endFrame);
    }

    private Footage requireFootage(long footageId) throws UserFacingException {
        return database.transaction(() -> footage.findById(footageId)
                .orElseThrow(() -> new UserFacingException("There is no footage item " + footageId + ".")));
    }

    private static String describe(Annotation annotation) {
        FrameSpan span = annotation.span();
        return annotation.kind().code() + (span.isPoint() ? " at frame " + span.startFrame()
                : " at frames " + span.startFrame() + "-" + span.endFrame());
    }

    private static String article(Annotation annotation) {
        return annotation.kind() == AnnotationKind.INJURY ? "an injury" : "a " + annotation.kind().code();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
