package org.frameproof.domain;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What two people compare to know they hold the same public identity: SHA-256 of its canonical
 * encoding, shown as 12 groups of 5 decimal digits to be read out by phone or in person
 * (docs/decisions/0010-reviewer-identities-and-key-slots.md).
 */
public record Fingerprint(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int GROUPS = 12;
    private static final int DIGITS_PER_GROUP = 5;
    private static final BigInteger MODULUS = BigInteger.TEN.pow(GROUPS * DIGITS_PER_GROUP);

    public Fingerprint {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("A fingerprint is 64 lower-case hex digits");
        }
    }

    /** The fingerprint of {@code canonicalIdentity}, the bytes a public identity is signed over. */
    public static Fingerprint of(byte[] canonicalIdentity) {
        try {
            return new Fingerprint(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalIdentity)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /**
     * The digest as 60 decimal digits in groups of 5 ("01234 56789 ..."): the 256-bit digest taken
     * modulo 10^60, which keeps 199 bits and makes no group likelier than another by more than 10^-17.
     */
    public String digits() {
        String all = new BigInteger(1, HexFormat.of().parseHex(hex)).mod(MODULUS).toString();
        String padded = "0".repeat(GROUPS * DIGITS_PER_GROUP - all.length()) + all;
        StringBuilder groups = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                groups.append(' ');
            }
            groups.append(padded, group * DIGITS_PER_GROUP, (group + 1) * DIGITS_PER_GROUP);
        }
        return groups.toString();
    }
}
