package org.frameproof.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;

/**
 * An annotations file as an import reads it: refused unread when it is larger than the limit,
 * then read once into memory, so that the SHA-256 recorded with each imported annotation is that
 * of exactly the bytes parsed (a file changed meanwhile cannot slip other bytes in).
 */
public final class AnnotationFile {
    private final String name;
    private final byte[] bytes;
    private final String sha256;

    private AnnotationFile(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
        this.sha256 = Sha256.of(bytes);
    }

    /** @throws UserFacingException when the file is missing, unreadable or over {@code limits.maxBytes()} */
    public static AnnotationFile read(Path file, ImportLimits limits) throws UserFacingException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw limits.tooLarge(name, size + " bytes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // One byte more than allowed tells a file that grew (or a device that never ends) from one that fits.
                bytes = in.readNBytes((int) limits.maxBytes() + 1);
            }
            if (bytes.length > limits.maxBytes()) {
                throw limits.tooLarge(name, "more than " + limits.maxBytes() + " bytes");
            }
            return new AnnotationFile(name, bytes);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("Cannot import " + file + ": there is no such file.");
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's name, without its folder. */
    public String name() {
        return name;
    }

    /** The SHA-256 of the bytes read, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    /** The bytes as Latin-1 text: enough to look for ASCII markup whatever the file's encoding. */
    String asLatin1() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
