package org.frameproof.evidence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.frameproof.domain.Case;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.store.CaseRepository;
import org.frameproof.store.Database;

/** What a reviewer can do with cases; the UI and the command line both come here. */
public final class CaseService {
    static final int LONGEST_TITLE = 500;

    private final Database database;
    private final CaseRepository cases;
    private final AuditLog audit;
    private final Reviewer reviewer;
    private final Clock clock;

    public CaseService(Database database, AuditLog audit, Reviewer reviewer, Clock clock) {
        this.database = database;
        this.cases = new CaseRepository(database);
        this.audit = audit;
        this.reviewer = reviewer;
        this.clock = clock;
    }

    public List<Case> listCases() throws UserFacingException {
        return database.transaction(cases::listByTitle);
    }

    /** Creates a case and its audit entry together. */
    public Case createCase(String title, String description) throws UserFacingException {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > LONGEST_TITLE) {
            throw new UserFacingException("A case needs a title of 1 to " + LONGEST_TITLE + " characters.");
        }
        return database.transaction(() -> {
            if (cases.findByTitle(cleanTitle).isPresent()) {
                throw new UserFacingException("A case named '" + cleanTitle + "' exists already.");
            }
            Case created = cases.insert(cleanTitle, description == null ? "" : description, reviewer.name(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            audit.record("case.create", "case", Long.toString(created.id()), null, AuditedRecords.of(created));
            return created;
        });
    }

    /** The case with this exact title, or a message naming the cases there are. */
    public Case require(String title) throws UserFacingException {
        return database.transaction(() -> cases.findByTitle(title).orElseThrow(() -> new UserFacingException(
                "There is no case named '" + title + "'. Create it with: frameproof cases create NAME")));
    }
}
