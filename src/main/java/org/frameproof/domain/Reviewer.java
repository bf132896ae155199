package org.frameproof.domain;

/** The person working at this workstation; every change is recorded with their name and role. */
public record Reviewer(String name, Role role) {
    public Reviewer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A reviewer needs a name");
        }
        name = name.strip();
    }
}
