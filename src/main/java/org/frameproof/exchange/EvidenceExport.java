package org.frameproof.exchange;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.UserFacingException;

/**
 * Everything an export is made from: a case (or one footage item of it), its footage and its
 * annotations, and the audit trail. Annotations come out ordered by footage, then by frame.
 *
 * @param signatures who signed each annotation and its review, by annotation id (only the report
 *     prints them; empty for the other formats)
 */
public record EvidenceExport(ExportedCase caseInfo, List<ExportedFootage> footage, List<Annotation> annotations,
        AuditSummary audit, Map<String, FindingSignatures> signatures) {

    /** An export without signatures: every format but the report. */
    public EvidenceExport(ExportedCase caseInfo, List<ExportedFootage> footage, List<Annotation> annotations,
                          AuditSummary audit) {
        this(caseInfo, footage, annotations, audit, Map.of());
    }

    public EvidenceExport {
        signatures = Map.copyOf(signatures);
        footage = List.copyOf(footage);
        Map<Long, Integer> order = new HashMap<>();
        for (ExportedFootage item : footage) {
            order.put(item.id(), order.size());
        }
        for (Annotation annotation : annotations) {
            if (!order.containsKey(annotation.footageId())) {
                throw new IllegalArgumentException("Annotation " + annotation.id() + " names footage "
                        + annotation.footageId() + ", which is not in the export");
            }
        }
        annotations = annotations.stream()
                .sorted(Comparator.<Annotation>comparingInt(a -> order.get(a.footageId()))
                        .thenComparingInt(a -> a.span().startFrame())
                        .thenComparingInt(a -> a.span().endFrame())
                        .thenComparing(Annotation::id))
                .toList();
    }

    /** The footage item an annotation names. */
    public ExportedFootage footageOf(Annotation annotation) {
        return footage.stream().filter(item -> item.id() == annotation.footageId()).findFirst().orElseThrow();
    }

    /** The only footage item, for formats that follow one video (ELAN, WebVTT, SRT). */
    ExportedFootage singleFootage(ExportFormat format) throws UserFacingException {
        if (footage.size() != 1) {
            throw new UserFacingException(format.label() + " follows one video, and this export holds "
                    + footage.size() + " footage items: export one footage item at a time (--footage ID).");
        }
        return footage.get(0);
    }
}
