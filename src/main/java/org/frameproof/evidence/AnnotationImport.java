package org.frameproof.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import org.frameproof.domain.Annotation;

/**
 * What an import of an annotations file added, and how many of its annotations were already in
 * the store from an earlier import of the same file.
 *
 * @param added the annotations as stored, each marked {@link Annotation#imported()}
 */
public record AnnotationImport(List<Annotation> added, int alreadyImported) {
    public AnnotationImport {
        added = List.copyOf(added);
    }

    /**
     * The id an imported annotation gets: derived from the file's SHA-256, the footage item and
     * the annotation's position in the file, so that importing the same file again maps onto the
     * same ids (and adds nothing), while the same file on another footage item gets its own.
     */
    static String stableId(String fileSha256, long footageId, int position) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest(("frameproof annotation import\0" + fileSha256 + "\0" + footageId
                + "\0" + position).getBytes(StandardCharsets.UTF_8)));
        // RFC 9562 version 8 (application-defined) with the standard variant bits.
        long high = (hash.getLong() & ~0xF000L) | 0x8000L;
        long low = (hash.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
