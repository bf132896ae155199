package org.frameproof.exchange;

import java.time.Instant;

/**
 * Who exports, when, with which version, and what to do with stills of footage flagged graphic.
 *
 * @param appVersion the application's version, printed in reports and W3C generators
 * @param exportedBy the reviewer who exports
 * @param generatedAt when the export was made (UTC)
 * @param auditHead the store's audit chain head when the export was made ({@code N:HEX}), which
 *     every format that has room for it prints, so that a reader can later check the chain still
 *     holds it; null when there is no store behind the export
 * @param demo whether the export comes from the demo case's store: every format then says
 *     {@value #DEMO_NOTICE} where a reader sees it, so made-up findings are never taken for real ones
 */
public record ExportOptions(String appVersion, String exportedBy, Instant generatedAt, GraphicStills graphicStills,
                            String auditHead, boolean demo) {
    /** What an export of the demo store says of itself. */
    public static final String DEMO_NOTICE = "DEMO: made-up footage and findings from Frameproof's demo case, not evidence";

    public ExportOptions(String appVersion, String exportedBy, Instant generatedAt, GraphicStills graphicStills) {
        this(appVersion, exportedBy, generatedAt, graphicStills, null, false);
    }

    public ExportOptions(String appVersion, String exportedBy, Instant generatedAt, GraphicStills graphicStills,
                         String auditHead) {
        this(appVersion, exportedBy, generatedAt, graphicStills, auditHead, false);
    }

    /** {@link #DEMO_NOTICE} for an export of the demo store, else null. */
    public String demoNotice() {
        return demo ? DEMO_NOTICE : null;
    }

    /** "Audit chain head N:HEX", or null without a head. */
    public String auditHeadLine() {
        return auditHead == null ? null : "Audit chain head " + auditHead;
    }

    /** What the PDF report does with stills of footage flagged graphic. */
    public enum GraphicStills {
        /** Print them as they are. */
        INCLUDE,
        /** Print them blurred beyond recognition; the frame number and region still show. */
        BLUR,
        /** Leave them out and say so where they would be. */
        OMIT
    }
}
