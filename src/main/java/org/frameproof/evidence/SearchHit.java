package org.frameproof.evidence;

import org.frameproof.domain.Annotation;

/**
 * One annotation found by {@link AnnotationService#search}, with where it lives, so a result list
 * can name it and open its footage at its frame.
 */
public record SearchHit(Annotation annotation, long caseId, String caseTitle, String footageName) {
}
