package org.frameproof.domain;

import java.util.Locale;

/** What a reviewer is allowed to do; recorded with every change they make. */
public enum Role {
    RESEARCHER("researcher"),
    MEDICAL_EXPERT("medical expert"),
    FIELD_STAFF("field staff");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** How people write the role: "medical expert", "medical_expert" and "MEDICAL-EXPERT" all count. */
    public static Role parse(String text) throws UserFacingException {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(key)) {
                return role;
            }
        }
        throw new UserFacingException("Unknown role '" + text + "': use researcher, medical expert or field staff.");
    }

    public String label() {
        return label;
    }
}
