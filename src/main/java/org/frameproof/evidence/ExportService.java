package org.frameproof.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.CustodyEvent;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.exchange.AuditSummary;
import org.frameproof.exchange.EvidenceExport;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.ExportOptions;
import org.frameproof.exchange.ExportResult;
import org.frameproof.exchange.ExportedCase;
import org.frameproof.exchange.ExportedFootage;
import org.frameproof.exchange.FindingSignatures;
import org.frameproof.exchange.Exporter;
import org.frameproof.exchange.FrameSource;
import org.frameproof.store.Database;

/**
 * Exports a case or one footage item from the store: gathers its records into an
 * {@link EvidenceExport}, has the {@link Exporter} write it (whole or not at all), and records
 * the export, with its SHA-256, in the audit log. The frames for reports and stills come from the
 * caller's {@link FrameSource} (the app's FFmpeg decoder), so this package stays free of media.
 */
public final class ExportService {
    /** For footage whose stored facts cannot be read: its times and size export as zero. */
    private static final MediaFacts UNKNOWN_FACTS = new MediaFacts(0, 0, 0, 0, 0, 0, false, null, null, 0, null,
            Map.of(), Map.of(), false);
    private static final Map<String, String> MIME_TYPES = Map.of("mp4", "video/mp4", "m4v", "video/mp4",
            "mov", "video/quicktime", "webm", "video/webm", "mkv", "video/x-matroska", "ts", "video/mp2t",
            "avi", "video/x-msvideo", "3gp", "video/3gpp");

    private final Database database;
    private final CaseService cases;
    private final FootageService footage;
    private final AnnotationService annotations;
    private final AuditLog audit;
    private final Vault vault;
    private final Reviewer reviewer;
    private final ImportStamp stamp;
    private final Clock clock;
    private final ExportRecheck recheck;
    private final DemoMarker demo;

    ExportService(Database database, CaseService cases, FootageService footage, AnnotationService annotations,
                  AuditLog audit, Vault vault, Reviewer reviewer, ImportStamp stamp, Clock clock, DemoMarker demo) {
        this.database = database;
        this.cases = cases;
        this.footage = footage;
        this.annotations = annotations;
        this.audit = audit;
        this.vault = vault;
        this.reviewer = reviewer;
        this.stamp = stamp;
        this.clock = clock;
        this.recheck = new ExportRecheck(footage);
        this.demo = demo;
    }

    /** What to export: a whole case, or one footage item (with its case). */
    public record Scope(String caseTitle, Long footageId) {
        public static Scope ofCase(String title) {
            return new Scope(title, null);
        }

        public static Scope ofFootage(long id) {
            return new Scope(null, id);
        }
    }

    /** An export in place and the audit entry that records it. */
    public record Recorded(ExportResult result, long auditEntry) {
    }

    /**
     * Re-hashes every footage item of the scope, then writes the export with each item's check
     * and records it in the audit log ({@code export}, with format, path, SHA-256, size and what
     * it holds).
     *
     * @param includeFailed whether items whose vault copy fails its re-check are exported anyway,
     *     marked FAILED; otherwise such an item stops the export before anything is written
     * @throws UserFacingException when an item fails its re-check (see {@code includeFailed}), the
     *     case or footage does not exist, the destination cannot be written or the format does
     *     not fit (nothing is left behind)
     * @throws java.util.concurrent.CancellationException when the monitor cancelled (nothing is left behind)
     */
    public Recorded export(Scope scope, ExportFormat format, Path out, FrameSource frames,
            ExportOptions.GraphicStills graphicStills, boolean includeFailed, ExportMonitor monitor)
            throws UserFacingException {
        EvidenceExport gathered = gather(scope, includeFailed, monitor);
        EvidenceExport input = format == ExportFormat.PDF ? withSignatures(gathered) : gathered;
        ExportResult result = new Exporter(frames).export(format, input, out, options(graphicStills), monitor);
        AuditRecord.Builder record = describe(result, format.code(), input.caseInfo().title())
                .number("annotations", input.annotations().size())
                .numbers("footage", input.footage().stream().map(ExportedFootage::id).toList());
        List<Long> failed = input.footage().stream().filter(ExportedFootage::failedCheck).map(ExportedFootage::id).toList();
        if (!failed.isEmpty()) {
            record.numbers("failedFootage", failed);
        }
        return new Recorded(result, audited(result, record.build()));
    }

    /**
     * Re-hashes the footage item, then writes one frame of it as a still ({@code out} PNG at full
     * resolution, with {@code out.json} and {@code out.sha256} beside it) and records it in the
     * audit log ({@code export}, format {@code still}, with the frame and the PNG's SHA-256).
     *
     * @throws UserFacingException when the vault copy fails its re-check, the footage or frame
     *     does not exist, or the destination cannot be written (nothing is left behind)
     */
    public Recorded exportFrame(long footageId, int frame, Path out, FrameSource frames) throws UserFacingException {
        Footage item = footage.require(footageId);
        FrameIndex index = annotations.frameIndex(footageId);
        if (frame < 0 || frame > index.lastFrame()) {
            throw new UserFacingException(item.originalName() + " has frames 0 to " + index.lastFrame() + ", not " + frame + ".");
        }
        List<Annotation> onFrame = annotations.list(AnnotationQuery.footage(footageId)).stream()
                .filter(annotation -> annotation.span().startFrame() <= frame && frame <= annotation.span().endFrame())
                .toList();
        Case investigation = caseOf(item);
        FootageService.Check check = recheck.checkAll(List.of(item), false, ExportMonitor.NONE).get(0);
        ExportResult result = new Exporter(frames).exportFrame(exported(check), FrameSpan.of(index, frame, frame), onFrame,
                out, options(ExportOptions.GraphicStills.INCLUDE));
        AuditRecord record = describe(result, "still", investigation.title())
                .number("frame", frame)
                .number("annotations", onFrame.size())
                .numbers("footage", List.of(footageId))
                .build();
        return new Recorded(result, audited(result, record));
    }

    private ExportOptions options(ExportOptions.GraphicStills graphicStills) throws UserFacingException {
        return new ExportOptions(stamp.appVersion(), reviewer.name(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                graphicStills, audit.head().printed(), demo.present());
    }

    private static AuditRecord.Builder describe(ExportResult result, String format, String caseTitle) {
        return AuditRecord.builder()
                .text("format", format)
                .text("path", result.path().toAbsolutePath().toString())
                .text("sha256", result.sha256())
                .number("bytes", result.bytes())
                .number("files", result.files())
                .text("case", caseTitle);
    }

    private long audited(ExportResult result, AuditRecord record) throws UserFacingException {
        return database.transaction(() -> audit.record("export", "export", result.path().toAbsolutePath().toString(),
                null, record)).sequence();
    }

    private Case caseOf(Footage item) throws UserFacingException {
        return cases.listCases().stream().filter(c -> c.id() == item.caseId()).findFirst().orElseThrow();
    }

    /** {@code input} with who signed each annotation and its review, for the report. */
    private EvidenceExport withSignatures(EvidenceExport input) throws UserFacingException {
        WorkSignatures checks = new WorkSignatures(database);
        List<Annotation> all = input.annotations();
        Map<String, WorkSignatures.Status> latest = checks.ofLatest("annotation", all.stream().map(Annotation::id).toList());
        Map<String, WorkSignatures.ReviewWeight> reviews = checks.reviewsOf(all);
        Map<String, FindingSignatures> signatures = new HashMap<>();
        for (Annotation annotation : all) {
            WorkSignatures.ReviewWeight review = reviews.get(annotation.id());
            signatures.put(annotation.id(), new FindingSignatures(signer(latest.get(annotation.id())),
                    review == null ? null : signer(review.signature()), review != null && review.counts()));
        }
        return new EvidenceExport(input.caseInfo(), input.footage(), all, input.audit(), signatures);
    }

    private static FindingSignatures.Signer signer(WorkSignatures.Status status) {
        return status == null ? null : new FindingSignatures.Signer(status.signerName().orElse(null),
                status.signer().map(Fingerprint::digits).orElse(null), status.state().label());
    }

    /** The records of the scope as an export holds them, each footage item re-hashed now. */
    private EvidenceExport gather(Scope scope, boolean includeFailed, ExportMonitor monitor) throws UserFacingException {
        Case investigation;
        List<Footage> items;
        if (scope.footageId() != null) {
            Footage item = footage.require(scope.footageId());
            items = List.of(item);
            investigation = caseOf(item);
        } else {
            investigation = cases.require(scope.caseTitle());
            items = footage.list(investigation);
        }
        List<ExportedFootage> exported = new ArrayList<>();
        List<Annotation> annotated = new ArrayList<>();
        List<AuditSummary.Event> events = new ArrayList<>();
        for (FootageService.Check check : recheck.checkAll(items, includeFailed, monitor)) {
            Footage item = check.footage();
            exported.add(exported(check));
            annotated.addAll(annotations.list(AnnotationQuery.footage(item.id())));
            for (CustodyEvent event : footage.custody(item.id())) {
                events.add(new AuditSummary.Event(event.occurredAt(), event.reviewer().name(), event.kind(),
                        "footage " + item.id() + ": " + event.details()));
            }
        }
        AuditVerification chain = audit.verify();
        return new EvidenceExport(new ExportedCase(investigation.title(), investigation.description()), exported,
                annotated, new AuditSummary((int) chain.entriesChecked(), chain.intact(), chain.describe(), events));
    }

    private ExportedFootage exported(FootageService.Check check) {
        Footage item = check.footage();
        MediaFacts facts = item.mediaFacts() != null ? item.mediaFacts() : UNKNOWN_FACTS;
        Provenance provenance = item.provenance();
        return new ExportedFootage(item.id(), item.originalName(), item.sha256(), item.md5(), vault.encryptedFile(item.sha256()),
                mimeType(item.originalName()), facts.startTimeMs(), facts.durationMs(), facts.avgFrameRate(),
                facts.frameCount(), facts.width(), facts.height(), describe(provenance), item.importedAt(),
                item.importedBy().name(), item.flaggedGraphic(), ExportRecheck.verification(check));
    }

    private static String describe(Provenance provenance) {
        StringJoiner text = new StringJoiner("; ");
        if (provenance.sourceUrl() != null) {
            text.add("source " + provenance.sourceUrl());
        }
        if (provenance.platform() != null) {
            text.add("platform " + provenance.platform());
        }
        if (provenance.poster() != null) {
            text.add("posted by " + provenance.poster());
        }
        if (provenance.firstSeenAt() != null) {
            text.add("first seen " + provenance.firstSeenAt()
                    + (provenance.firstSeenBasis() == null ? "" : " (" + provenance.firstSeenBasis() + ")"));
        }
        return text.length() == 0 ? "not recorded" : text.toString();
    }

    private static String mimeType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MIME_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
