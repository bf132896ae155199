package org.frameproof.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of the audit chain as anyone can write it down: how many entries it has and the seal
 * (MAC) of the last one. Printed as {@code N:first-16-hex}; a later check says whether the chain
 * still holds entry N with a seal that starts so.
 *
 * @param hash the last entry's seal in full (64 hex digits), or only the digits written down
 */
public record ChainHead(long count, String hash) {
    /** Hex digits printed: 64 bits, enough that no forgery can be found to match by trying. */
    public static final int PRINTED_DIGITS = 16;
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{" + PRINTED_DIGITS + ",64})");

    /** {@code 1234:ab12cd34ef56ab12}. */
    public String printed() {
        return count + ":" + hash.substring(0, Math.min(PRINTED_DIGITS, hash.length()));
    }

    /** A head as printed ({@code N:HEX}, at least 16 hex digits). */
    public static ChainHead parse(String text) throws UserFacingException {
        Matcher matcher = WRITTEN.matcher(text.strip());
        if (!matcher.matches()) {
            throw new UserFacingException("A chain head is written N:HEX (the entry count, a colon, at least "
                    + PRINTED_DIGITS + " hex digits), as verify and every export print it; not \"" + text + "\".");
        }
        return new ChainHead(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code seal} (the full seal of entry {@link #count}) is the one this head wrote down. */
    public boolean matches(String seal) {
        return seal != null && seal.startsWith(hash);
    }

    @Override
    public String toString() {
        return printed();
    }
}
