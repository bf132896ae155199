package org.frameproof.domain;

/** The person working at this workstation; every change is recorded with their name and role. */
public record Reviewer(String name, Role role) {
    public Reviewer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A reviewer needs a name");
        }
        name = name.strip();
    }

    /** A reviewer as someone typed them: a blank name is refused in words the reviewer reads. */
    public static Reviewer typed(String name, Role role) throws UserFacingException {
        try {
            return new Reviewer(name, role);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("A reviewer needs a name.", e);
        }
    }

    /** Whether {@code other} names this reviewer: case and surrounding blanks do not make another person. */
    public boolean isNamed(String other) {
        return sameName(name, other);
    }

    /** How reviewers' names compare, in the key file's slots as in the store. */
    public static boolean sameName(String one, String other) {
        return one.strip().toLowerCase(java.util.Locale.ROOT).equals(other.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
