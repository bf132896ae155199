package org.frameproof.evidence;

import java.util.List;
import org.frameproof.domain.Case;
import org.frameproof.store.CaseRepository;
import org.frameproof.domain.UserFacingException;

/** What a reviewer can do with cases; the UI and the command line both come here. */
public final class CaseService {
    private final CaseRepository cases;

    public CaseService(CaseRepository cases) {
        this.cases = cases;
    }

    public List<Case> listCases() throws UserFacingException {
        return cases.listByTitle();
    }
}
