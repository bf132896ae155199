package org.frameproof.evidence;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.frameproof.domain.Coordinates;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Region;
import org.frameproof.domain.UserFacingException;

/**
 * Checks and cleans what a reviewer typed before it is saved: text NFC-normalised (so the same
 * words typed on two keyboards are the same text) and stripped, empty fields null, list terms
 * without control characters or duplicates, numbers in range, the region on the frame.
 */
final class CleanContent {
    static final int LONGEST_TEXT = 100_000;
    static final int LONGEST_FIELD = 4_000;
    static final int LONGEST_TERM = 190;
    static final int MOST_TERMS = 100;
    /** As long as a reviewer's or expert's name is kept. */
    static final int LONGEST_NAME = 200;

    private CleanContent() {
    }

    /**
     * @param frameWidth the footage's displayed width in pixels (0 when unknown: the region is then not bounded)
     * @param kept the region the annotation already has (null for a new one): kept as it is, even if an
     *     earlier version stored it in fractions of a pixel
     */
    static AnnotationContent of(AnnotationContent content, int frameWidth, int frameHeight, Region kept)
            throws UserFacingException {
        String observation = text(content.observation(), "The observation", LONGEST_TEXT);
        return new AnnotationContent(observation == null ? "" : observation,
                text(content.interpretation(), "The interpretation", LONGEST_TEXT), content.confidence(),
                terms(content.tags(), "tag"),
                content.region() != null && content.region().equals(kept) ? kept : region(content.region(), frameWidth, frameHeight),
                finding(content.finding()));
    }

    private static Finding finding(Finding finding) throws UserFacingException {
        if (finding instanceof Finding.Injury injury) {
            if (injury.count() != null && injury.count() < 0) {
                throw new UserFacingException("The number of injuries must be 0 or more, not " + injury.count() + ".");
            }
            return new Finding.Injury(field(injury.bodyRegion(), "The body region"), field(injury.injuryType(), "The injury type"),
                    injury.count(), field(injury.timing(), "The timing"), field(injury.consistentWith(), "'Consistent with'"));
        }
        if (finding instanceof Finding.Location location) {
            Double latitude = location.latitude();
            Double longitude = location.longitude();
            if ((latitude == null) != (longitude == null)) {
                throw new UserFacingException("Give both latitude and longitude, or neither.");
            }
            if (latitude != null && (!Double.isFinite(latitude) || Math.abs(latitude) > 90)) {
                throw new UserFacingException("The latitude must be between -90 and 90 degrees, not " + latitude + ".");
            }
            if (longitude != null && (!Double.isFinite(longitude) || Math.abs(longitude) > 180)) {
                throw new UserFacingException("The longitude must be between -180 and 180 degrees, not " + longitude + ".");
            }
            // Rounded here too, so that no entry point (a form, a command, an imported file) keeps more decimals.
            return new Finding.Location(field(location.placeName(), "The place name"),
                    latitude == null ? null : Coordinates.rounded(latitude),
                    longitude == null ? null : Coordinates.rounded(longitude),
                    field(location.precision(), "The precision"), field(location.method(), "The method"),
                    terms(location.landmarks(), "landmark"));
        }
        if (finding instanceof Finding.Uniform uniform) {
            if (field(uniform.claimedForce(), "The claimed force") != null
                    && field(uniform.claimBasis(), "The basis of the claim") == null) {
                throw new UserFacingException("Say on what basis the force is claimed (insignia, speech, "
                        + "vehicle markings…): a force is never recorded as a bare label.");
            }
            return new Finding.Uniform(field(uniform.camouflage(), "The camouflage"), field(uniform.insignia(), "The insignia"),
                    field(uniform.armband(), "The armband"), field(uniform.armbandColour(), "The armband colour"),
                    field(uniform.headgear(), "The headgear"), field(uniform.weapons(), "The weapons"),
                    field(uniform.vehicles(), "The vehicles"), field(uniform.claimedForce(), "The claimed force"),
                    field(uniform.claimBasis(), "The basis of the claim"));
        }
        Finding.Note note = (Finding.Note) finding;
        return new Finding.Note(field(note.category(), "The category"));
    }

    /**
     * A region is whole pixels of the displayed frame, at least one wide and high, inside it: what
     * the report prints and crops is then exactly what was given (a fraction where pixels were meant
     * once became a 0 x 0 region printed as 1 x 1).
     */
    private static Region region(Region region, int frameWidth, int frameHeight) throws UserFacingException {
        if (region == null) {
            return null;
        }
        boolean known = frameWidth > 0 && frameHeight > 0;
        boolean whole = isWhole(region.x()) && isWhole(region.y()) && isWhole(region.width()) && isWhole(region.height());
        boolean inside = region.x() >= 0 && region.y() >= 0 && (!known
                || region.x() + region.width() <= frameWidth && region.y() + region.height() <= frameHeight);
        if (whole && inside && region.width() >= 1 && region.height() >= 1) {
            return region;
        }
        throw new UserFacingException("The region " + number(region.x()) + "," + number(region.y()) + ","
                + number(region.width()) + "," + number(region.height()) + " is refused: a region is x,y,w,h in whole"
                + " pixels of the frame as displayed, w and h at least 1, inside the frame"
                + (known ? " (" + frameWidth + "x" + frameHeight + " pixels: x+w at most " + frameWidth
                        + ", y+h at most " + frameHeight + ")" : "") + ".");
    }

    private static boolean isWhole(double value) {
        return Double.isFinite(value) && value == Math.rint(value);
    }

    /** A number as it was given: whole ones without a decimal point. */
    private static String number(double value) {
        return isWhole(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String field(String value, String name) throws UserFacingException {
        return text(value, name, LONGEST_FIELD);
    }

    /** A person's name (an author, an expert) from a file: NFC, stripped, present and not too long. */
    static String name(String value, String name) throws UserFacingException {
        String clean = text(value, name, LONGEST_NAME);
        if (clean == null) {
            throw new UserFacingException(name + " is missing.");
        }
        return clean;
    }

    /** NFC, stripped; null when empty. */
    static String text(String value, String name, int longest) throws UserFacingException {
        if (value == null) {
            return null;
        }
        String clean = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (clean.length() > longest) {
            throw new UserFacingException(name + " is too long: " + clean.length() + " characters, at most " + longest + ".");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** List terms: NFC, control characters as spaces, stripped, empty ones and repeats dropped. */
    static List<String> terms(List<String> values, String name) throws UserFacingException {
        Set<String> clean = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            StringBuilder visible = new StringBuilder();
            Normalizer.normalize(value, Normalizer.Form.NFC).codePoints()
                    .map(codePoint -> Character.isISOControl(codePoint) ? ' ' : codePoint)
                    .forEach(visible::appendCodePoint);
            String term = visible.toString().strip();
            if (term.length() > LONGEST_TERM) {
                throw new UserFacingException("The " + name + " '" + term.substring(0, 30) + "…' is too long: at most "
                        + LONGEST_TERM + " characters.");
            }
            if (!term.isEmpty()) {
                clean.add(term);
            }
        }
        if (clean.size() > MOST_TERMS) {
            throw new UserFacingException("At most " + MOST_TERMS + " " + name + "s per annotation, not " + clean.size() + ".");
        }
        return new ArrayList<>(clean);
    }
}
