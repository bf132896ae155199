package org.frameproof.exchange;

import java.time.Instant;

/**
 * Who exports, when, with which version, and what to do with stills of footage flagged graphic.
 *
 * @param appVersion the application's version, printed in reports and W3C generators
 * @param exportedBy the reviewer who exports
 * @param generatedAt when the export was made (UTC)
 */
public record ExportOptions(String appVersion, String exportedBy, Instant generatedAt, GraphicStills graphicStills) {

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
