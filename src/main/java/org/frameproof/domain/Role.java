package org.frameproof.domain;

/** What a reviewer is, which decides what they may do: only a medical expert confirms injuries. */
public enum Role {
    RESEARCHER("researcher"),
    MEDICAL_EXPERT("medical expert"),
    FIELD_STAFF("field staff");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** How the role is written for people and on the command line ("medical expert"). */
    public String label() {
        return label;
    }

    /** Reads a role as typed: "medical expert", "medical_expert", "medical-expert", any case. */
    public static Role parse(String text) throws UserFacingException {
        String wanted = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ');
        for (Role role : values()) {
            if (role.label.equals(wanted)) {
                return role;
            }
        }
        throw new UserFacingException("'" + text + "' is not a role: use researcher, medical expert or field staff.");
    }
}
