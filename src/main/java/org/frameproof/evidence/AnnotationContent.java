package org.frameproof.evidence;

import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FindingDraft;
import org.frameproof.domain.Region;

/**
 * What a reviewer writes into an annotation's form: everything but its frames, identity, author
 * and times. The service validates and cleans it (text NFC-normalised and stripped, empty
 * interpretation becomes null, tags without duplicates).
 *
 * @param observation what is seen; may be empty while a form is being filled in
 * @param interpretation what it means, or null
 * @param confidence null when not stated
 * @param region null when nothing is drawn
 * @param finding the kind's own fields; an injury's medical review here is ignored by
 *     {@link AnnotationService#edit} (only {@link AnnotationService#review} changes it)
 */
public record AnnotationContent(String observation, String interpretation, Confidence confidence, List<String> tags,
        Region region, Finding finding) {

    public AnnotationContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (finding == null) {
            throw new IllegalArgumentException("An annotation needs a finding of its kind");
        }
    }

    /** An empty form of {@code kind}: what keys 1-4 create before the reviewer types. */
    public static AnnotationContent empty(AnnotationKind kind) {
        return new AnnotationContent("", null, null, List.of(), null, FindingDraft.empty(kind));
    }

    /** The form as an annotation has it now. */
    public static AnnotationContent of(Annotation annotation) {
        return new AnnotationContent(annotation.observation(), annotation.interpretation(), annotation.confidence(),
                annotation.tags(), annotation.region(), annotation.finding());
    }

    public AnnotationKind kind() {
        return finding.kind();
    }

    public AnnotationContent withObservation(String text) {
        return new AnnotationContent(text, interpretation, confidence, tags, region, finding);
    }

    public AnnotationContent withRegion(Region drawn) {
        return new AnnotationContent(observation, interpretation, confidence, tags, drawn, finding);
    }

    public AnnotationContent withFinding(Finding replacement) {
        return new AnnotationContent(observation, interpretation, confidence, tags, region, replacement);
    }
}
