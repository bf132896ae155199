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
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewRules;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.ReviewStatus;
import org.frameproof.domain.Reviewer;
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
 * <p>Permissions: any reviewer records any kind. Findings move through review states (draft,
 * submitted, confirmed or rejected, sealed), each step checked by {@link ReviewRules} and saved
 * as its own signed audit entry: a medical expert confirms injuries, a second researcher every
 * other kind, nobody their own; a sealed finding is read-only; a change to a reviewed finding
 * sends it back to draft, so a confirmation never vouches for text it did not see. These steps
 * are decisions, not edits: undo does not take them back (withdrawing a review and unsealing do).
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
    private final Signer signer;
    private final Clock clock;
    private final UndoHistory history;
    private final SearchIndexMerger merger;
    private final SearchPlanner planner;
    private final CreateRehearsal rehearsal;
    private final WorkSignatures signatures;

    /** @param signer names the unlocking reviewer's fingerprint in the reviews they make */
    AnnotationService(Database database, AuditLog audit, FrameIndexCache indexes, Reviewer reviewer, Signer signer,
                      Clock clock) {
        this.database = database;
        this.annotations = new AnnotationRepository(database);
        this.searchIndex = new SearchIndex(database);
        this.footage = new FootageRepository(database);
        this.audit = audit;
        this.indexes = indexes;
        this.reviewer = reviewer;
        this.signer = signer;
        this.clock = clock;
        this.history = new UndoHistory(this::write);
        this.merger = new SearchIndexMerger(database, searchIndex);
        this.signatures = new WorkSignatures(database);
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
        AnnotationContent clean = clean(content, item, null);
        Annotation created = new Annotation(UUID.randomUUID().toString(), item.id(), item.sha256(), span,
                clean.observation(), clean.interpretation(), clean.confidence(), clean.tags(), clean.region(),
                clean.finding(), reviewer.name(), reviewer.role(), now(), null, null, ReviewStatus.DRAFT);
        return new AnnotationCommand("annotation.create", "new " + describe(created),
                List.of(new AnnotationCommand.Revision(null, created)));
    }

    /**
     * Replaces the form's fields (not the frames, the kind or the review). An edit that changes
     * nothing saves nothing; one of a confirmed or rejected finding sends it back to draft.
     *
     * @throws UserFacingException when the kind would change, a field is invalid, or
     *     {@link ReviewRules#whyNotChange} refuses (sealed, reviewed, or another's text)
     */
    public Annotation edit(String id, AnnotationContent content) throws UserFacingException {
        Annotation before = require(id);
        if (content.kind() != before.kind()) {
            throw new UserFacingException("Annotation " + id + " is " + article(before) + "; its kind cannot change"
                    + " (delete it and create " + content.kind().code() + " instead).");
        }
        AnnotationContent clean = clean(content, requireFootage(before.footageId()), before.region());
        requireMayChange(before, !Objects.equals(clean.observation(), before.observation())
                || !Objects.equals(clean.interpretation(), before.interpretation()));
        return change("annotation.edit", "edit of ", before, new Annotation(before.id(), before.footageId(),
                before.footageSha256(), before.span(), clean.observation(), clean.interpretation(), clean.confidence(),
                clean.tags(), clean.region(), clean.finding(), before.author(), before.role(), before.createdAt(), now(),
                before.imported(), statusAfterChange(before)));
    }

    /** Moves the annotation to frames {@code startFrame..endFrame} (the timeline's edge drag). */
    public Annotation retime(String id, int startFrame, int endFrame) throws UserFacingException {
        Annotation before = require(id);
        requireMayChange(before, false);
        FrameSpan span = span(requireFootage(before.footageId()), startFrame, endFrame);
        return change("annotation.retime", "new frames of ", before, new Annotation(before.id(), before.footageId(),
                before.footageSha256(), span, before.observation(), before.interpretation(), before.confidence(),
                before.tags(), before.region(), before.finding(), before.author(), before.role(), before.createdAt(), now(),
                before.imported(), statusAfterChange(before)));
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
        requireMayChange(before, false);
        history.apply(new AnnotationCommand("annotation.delete", "deletion of " + describe(before),
                List.of(new AnnotationCommand.Revision(before, null))));
    }

    /** The one who answers for a draft submits it for review ({@code annotation.submit}). */
    public Annotation submit(String id) throws UserFacingException {
        Annotation before = require(id);
        refuse(ReviewRules.whyNotSubmit(before, reviewer));
        return decide("annotation.submit", "submission of ", before, ReviewStatus.SUBMITTED);
    }

    /**
     * Confirms or rejects a submitted finding ({@code annotation.confirm}, {@code annotation.reject}):
     * a medical expert an injury, a researcher any other kind, never one's own; a rejection needs a
     * comment. The review carries the reviewer's name, fingerprint, the UTC time and the comment.
     * Anyone else is refused with a clear message, and nothing changes.
     */
    public Annotation review(String id, Review.Verdict verdict, String comment) throws UserFacingException {
        Annotation before = require(id);
        String clean = CleanContent.field(comment, "The comment");
        refuse(ReviewRules.whyNotReview(before, reviewer, verdict, clean));
        Review review = new Review(verdict, reviewer.name(), signer.fingerprint(), now(), clean);
        String verb = verdict == Review.Verdict.CONFIRMED ? "confirm" : "reject";
        return decide("annotation." + verb, verb + "ation of ", before, ReviewStatus.reviewed(review));
    }

    /** The reviewer who confirmed or rejected a finding withdraws that review: it is submitted again. */
    public Annotation clearReview(String id) throws UserFacingException {
        Annotation before = require(id);
        refuse(ReviewRules.whyNotWithdraw(before, reviewer));
        return decide("annotation.unreview", "withdrawn review of ", before, ReviewStatus.SUBMITTED);
    }

    /** Seals a confirmed or rejected finding: read-only until unsealed ({@code annotation.seal}). */
    public Annotation seal(String id) throws UserFacingException {
        Annotation before = require(id);
        refuse(ReviewRules.whyNotSeal(before, reviewer));
        return decide("annotation.seal", "sealing of ", before, new ReviewStatus(ReviewState.SEALED, before.review(), null));
    }

    /**
     * Unseals a finding, back to the state it was sealed in (confirmed or rejected), with the
     * reason recorded in it ({@code annotation.unseal}).
     */
    public Annotation unseal(String id, String reason) throws UserFacingException {
        Annotation before = require(id);
        String clean = CleanContent.field(reason, "The reason");
        refuse(ReviewRules.whyNotUnseal(before, reviewer, clean));
        ReviewStatus reviewed = ReviewStatus.reviewed(before.review());
        return decide("annotation.unseal", "unsealing of ", before, new ReviewStatus(reviewed.state(), before.review(), clean));
    }

    /** The findings of {@code query} that wait for this store's reviewer: submitted, not theirs, of a kind their role reviews. */
    public List<Annotation> waitingForMe(AnnotationQuery query) throws UserFacingException {
        return list(query.waitingFor(reviewer));
    }

    /** Whether {@code finding} waits for this store's reviewer (see {@link ReviewRules#waitsFor}). */
    public boolean waitsForMe(Annotation finding) {
        return ReviewRules.waitsFor(finding, reviewer);
    }

    /**
     * Who signed a finding's latest revision, and the signature of its review with whether it
     * counts here: what the inspector shows.
     */
    public Signatures signatures(Annotation finding) throws UserFacingException {
        return new Signatures(signatures.ofLatest("annotation", finding.id()),
                Optional.ofNullable(signatures.reviewsOf(List.of(finding)).get(finding.id())));
    }

    /** The signature of a finding's latest revision (empty when nothing recorded it) and its review's weight (empty without one). */
    public record Signatures(Optional<WorkSignatures.Status> latest, Optional<WorkSignatures.ReviewWeight> review) {
    }

    /** The reviewer every action of this service is recorded as: the screens ask {@link ReviewRules} in their name. */
    public Reviewer reviewer() {
        return reviewer;
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
            AnnotationContent clean = clean(AnnotationContent.of(annotation), item, null);
            Annotation.Imported mark = new Annotation.Imported(reviewer.name(), fileName, fileSha256, importedAt,
                    claimedReview(annotation.review()));
            revisions.add(new AnnotationCommand.Revision(null, new Annotation(id, footageId, item.sha256(), span,
                    clean.observation(), clean.interpretation(), clean.confidence(), clean.tags(), clean.region(),
                    clean.finding(), CleanContent.name(annotation.author(), "The author"), annotation.role(),
                    annotation.createdAt(), annotation.modifiedAt(), mark, ReviewStatus.DRAFT)));
        }
        if (!revisions.isEmpty()) {
            history.apply(new AnnotationCommand("annotation.import", "import of " + revisions.size() + " annotations from "
                    + fileName, revisions));
        }
        return new AnnotationImport(revisions.stream().map(AnnotationCommand.Revision::after).toList(), alreadyImported);
    }

    /** A review as a file claims it, with its texts checked like a form's. */
    private static Review claimedReview(Review review) throws UserFacingException {
        return review == null ? null : Review.claimed(review.verdict(),
                CleanContent.name(review.reviewer(), "The claimed expert's name"), review.reviewedAt(),
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
     * deleted at {@code at}), inside the caller's transaction, its search words' changes going to
     * {@code index}; the caller appends the revision's own audit entry, and records the index
     * changes of all it wrote with {@link #indexReceived} (once: one by one, each would count the
     * pending changes again).
     */
    void writeReceived(String id, Annotation after, Instant at, SearchIndexChanges index) throws UserFacingException {
        if (after == null) {
            annotations.markDeleted(id, at, index);
        } else {
            annotations.write(after, searchWords(after), index);
        }
    }

    /**
     * Records the search index changes of the revisions {@link #writeReceived} wrote, in the same transaction.
     *
     * @return whether the search index's pending changes should be merged once committed ({@link #indexSaved})
     */
    boolean indexReceived(SearchIndexChanges index) throws UserFacingException {
        return searchIndex.apply(index);
    }

    /** After a commit of received revisions: merges the search index's pending changes if {@link #indexReceived} said so. */
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

    /**
     * Saves a step of review: one revision that changes only the status, recorded under
     * {@code action} and kept out of the undo history (a decision is taken back by its own step).
     */
    private Annotation decide(String action, String what, Annotation before, ReviewStatus status) throws UserFacingException {
        Annotation after = before.withStatus(status, now());
        history.record(new AnnotationCommand(action, what + describe(before),
                List.of(new AnnotationCommand.Revision(before, after))));
        return after;
    }

    private static void refuse(Optional<String> refusal) throws UserFacingException {
        if (refusal.isPresent()) {
            throw new UserFacingException(refusal.get());
        }
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

    private void requireMayChange(Annotation annotation, boolean authorsText) throws UserFacingException {
        refuse(ReviewRules.whyNotChange(annotation, reviewer, authorsText));
    }

    /** A change to a confirmed or rejected finding sends it back to draft: the review was of what it said before. */
    private static ReviewStatus statusAfterChange(Annotation before) {
        return before.status().isReviewed() ? ReviewStatus.DRAFT : before.status();
    }

    private AnnotationContent clean(AnnotationContent content, Footage item, Region kept) throws UserFacingException {
        MediaFacts facts = item.mediaFacts(); // without them, the region's bounds check is skipped
        return CleanContent.of(content, facts == null ? 0 : facts.width(), facts == null ? 0 : facts.height(), kept);
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
        return ReviewRules.article(annotation.kind());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
