package org.frameproof.domain;

import java.util.Locale;

/** The four kinds of finding a reviewer records; each has its own form. */
public enum AnnotationKind {
    INJURY, LOCATION, UNIFORM, NOTE;

    /** The kind's name on the command line and in exports: injury, location, uniform, note. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind's name for people, as forms, reports and subtitles head a finding: "Uniform and linkage". */
    public String label() {
        return switch (this) {
            case INJURY -> "Injury";
            case LOCATION -> "Location";
            case UNIFORM -> "Uniform and linkage";
            case NOTE -> "Note";
        };
    }

    public static AnnotationKind parse(String text) throws UserFacingException {
        for (AnnotationKind kind : values()) {
            if (kind.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return kind;
            }
        }
        throw new UserFacingException("'" + text + "' is not a kind of annotation: use injury, location, uniform or note.");
    }
}
