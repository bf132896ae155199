package org.frameproof.exchange;

import org.frameproof.domain.UserFacingException;

/**
 * How much an annotations import reads before it refuses a file: its size, checked before any of
 * it is read, and the number of annotations, checked as they are read. A file from elsewhere may
 * be built to exhaust memory; the reviewer can raise either limit for a file they trust.
 */
public record ImportLimits(long maxBytes, int maxAnnotations) {
    public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;
    public static final int DEFAULT_MAX_ANNOTATIONS = 100_000;
    public static final ImportLimits DEFAULT = new ImportLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ANNOTATIONS);
    /** The most a file can hold in memory at once. */
    private static final long LARGEST = Integer.MAX_VALUE - 16;

    public ImportLimits {
        if (maxBytes < 1 || maxBytes > LARGEST || maxAnnotations < 1) {
            throw new IllegalArgumentException("Import limits out of range: " + maxBytes + " bytes, " + maxAnnotations);
        }
    }

    /** The limits a reviewer gave, checked. */
    public static ImportLimits of(long maxBytes, int maxAnnotations) throws UserFacingException {
        if (maxBytes < 1 || maxBytes > LARGEST) {
            throw new UserFacingException("--max-bytes must be between 1 and " + LARGEST + ", not " + maxBytes + ".");
        }
        if (maxAnnotations < 1) {
            throw new UserFacingException("--max-annotations must be 1 or more, not " + maxAnnotations + ".");
        }
        return new ImportLimits(maxBytes, maxAnnotations);
    }

    UserFacingException tooLarge(String name, String size) {
        return new UserFacingException(name + " is " + size + ", more than the import limit of " + maxBytes
                + " bytes (--max-bytes); nothing was imported.");
    }

    UserFacingException tooMany(String name) {
        return new UserFacingException(name + " holds more than " + maxAnnotations
                + " annotations, the import limit (--max-annotations); nothing was imported.");
    }
}
