package org.frameproof.domain;

import java.time.Instant;
import java.util.List;

/**
 * One finding on exact frames of one piece of footage. It carries the footage's SHA-256 so the
 * note proves which file it speaks of; observation (what is seen) and interpretation (what it
 * means) are kept apart.
 *
 * @param id a UUID, stable across exports and imports
 * @param region null when nothing is drawn
 */
public record Annotation(String id, long footageId, String footageSha256, FrameSpan span, String observation,
                         String interpretation, Confidence confidence, List<String> tags, Region region,
                         Finding finding, String author, Role role, Instant createdAt, Instant modifiedAt) {
    public Annotation {
        tags = List.copyOf(tags);
    }

    public AnnotationKind kind() {
        return finding.kind();
    }
}
