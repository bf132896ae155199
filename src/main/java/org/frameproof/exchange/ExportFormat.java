package org.frameproof.exchange;

import java.util.Locale;
import org.frameproof.domain.UserFacingException;

/** The formats of {@code frameproof export --format}. */
public enum ExportFormat {
    PDF("PDF evidence report"),
    CSV("CSV"),
    JSON("JSON"),
    W3C("W3C Web Annotation"),
    EAF("ELAN"),
    VTT("WebVTT"),
    SRT("SRT"),
    STILLS("Stills");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    /** The format's name on the command line: pdf, csv, json, w3c, eaf, vtt, srt, stills. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format's name for people. */
    public String label() {
        return label;
    }

    public static ExportFormat parse(String text) throws UserFacingException {
        for (ExportFormat format : values()) {
            if (format.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return format;
            }
        }
        throw new UserFacingException("'" + text + "' is not an export format: use pdf, csv, json, w3c, eaf, vtt, srt or stills.");
    }
}
