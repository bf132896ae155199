package org.frameproof.domain;

/**
 * What footage was verified on: how its source, its date and its place were established (each in
 * the reviewer's words, e.g. "original uploader's channel, confirmed by message", "shadows and the
 * first post, 2024-05-01", "geolocated to the north checkpoint").
 */
public record VerificationBasis(String source, String date, String place) {
    /** "source: …; date: …; place: …". */
    public String describe() {
        return "source: " + source + "; date: " + date + "; place: " + place;
    }
}
