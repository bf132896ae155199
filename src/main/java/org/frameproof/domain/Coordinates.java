package org.frameproof.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latitude and longitude as reviewers type or paste them: decimal degrees ({@code 39.7586},
 * {@code -46.75}) or degrees, minutes and seconds ({@code 39°45'31"N}, {@code 46 44 56.0 E},
 * {@code 39°45.5'N}), kept to at most {@value #DECIMALS} decimals of a degree
 * ({@code docs/decisions/0014-coordinates-to-seven-decimals.md}).
 */
public final class Coordinates {
    /** Decimals of a degree kept: about a centimetre, finer than any place footage can show. */
    public static final int DECIMALS = 7;

    private static final Pattern DMS = Pattern.compile(
            "([-+]?\\d+(?:[.,]\\d+)?)\\s*[°º d:]?\\s*(?:(\\d+(?:[.,]\\d+)?)\\s*['′’m:]?\\s*)?(?:(\\d+(?:[.,]\\d+)?)\\s*(?:\"|″|''|’’|s)?\\s*)?([NSEWnsew])?");

    private Coordinates() {
    }

    /** Reads a latitude (-90..90; S is negative). */
    public static double latitude(String text) throws UserFacingException {
        return parse(text, "latitude", 90, "NS");
    }

    /** Reads a longitude (-180..180; W is negative). */
    public static double longitude(String text) throws UserFacingException {
        return parse(text, "longitude", 180, "EW");
    }

    private static double parse(String text, String what, double limit, String hemispheres) throws UserFacingException {
        String clean = text == null ? "" : text.strip();
        Matcher match = DMS.matcher(clean);
        if (clean.isEmpty() || !match.matches()) {
            throw new UserFacingException("'" + text + "' is not a " + what
                    + ": write decimal degrees (39.7586) or degrees, minutes and seconds (39°45'31\"N).");
        }
        double degrees = number(match.group(1));
        double minutes = match.group(2) == null ? 0 : number(match.group(2));
        double seconds = match.group(3) == null ? 0 : number(match.group(3));
        if (minutes >= 60 || seconds >= 60) {
            throw new UserFacingException("'" + text + "': minutes and seconds must be below 60.");
        }
        double value = Math.abs(degrees) + minutes / 60 + seconds / 3600;
        boolean negative = degrees < 0 || match.group(1).startsWith("-");
        String hemisphere = match.group(4) == null ? null : match.group(4).toUpperCase(Locale.ROOT);
        if (hemisphere != null) {
            if (hemispheres.indexOf(hemisphere.charAt(0)) < 0) {
                throw new UserFacingException("'" + text + "' is not a " + what + ": use " + hemispheres.charAt(0)
                        + " or " + hemispheres.charAt(1) + ".");
            }
            negative = negative || hemisphere.charAt(0) == hemispheres.charAt(1);
        }
        double signed = negative ? -value : value;
        if (Math.abs(signed) > limit) {
            throw new UserFacingException("A " + what + " lies between -" + (int) limit + " and " + (int) limit + " degrees, not " + text + ".");
        }
        return rounded(signed);
    }

    /**
     * The value to {@value #DECIMALS} decimals, halves away from zero: decimal degrees typed with no
     * more decimals stay exactly as typed; minutes and seconds, which no decimal ends, are cut there.
     */
    public static double rounded(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
