package org.frameproof.evidence;

import java.util.List;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;

/** The services of the open store that writing, checking and merging bundles work with. */
record BundleStores(Reviewer reviewer, AuditLog audit, CaseService cases, FootageService footage,
                    AnnotationService annotations, ReviewerService reviewers, ContactService contacts, Vault vault) {

    /** The footage a bundle of {@code scope} covers. */
    List<Footage> footageOf(BundleService.Scope scope) throws UserFacingException {
        if (scope.footageId() != null) {
            return List.of(footage.require(scope.footageId()));
        }
        return footage.list(cases.require(scope.caseTitle()));
    }
}
