package org.frameproof.domain;

import java.util.Locale;

/**
 * Where a finding stands in review: draft, then submitted, then confirmed or rejected by another
 * reviewer of the right role, then sealed (read-only until unsealed with a reason).
 */
public enum ReviewState {
    DRAFT("draft"),
    SUBMITTED("submitted"),
    CONFIRMED("confirmed"),
    REJECTED("rejected"),
    SEALED("sealed");

    private final String label;

    ReviewState(String label) {
        this.label = label;
    }

    /** How the state is written for people, on the command line and in the audit record ("submitted"). */
    public String label() {
        return label;
    }

    /** Reads a state as typed, in any case: "draft", "Submitted", ... */
    public static ReviewState parse(String text) throws UserFacingException {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ReviewState state : values()) {
            if (state.label.equals(wanted)) {
                return state;
            }
        }
        throw new UserFacingException("'" + text + "' is not a review state: use draft, submitted, confirmed, rejected"
                + " or sealed.");
    }
}
