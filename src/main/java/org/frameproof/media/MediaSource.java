package org.frameproof.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A video to open: a plain file, which FFmpeg and libVLC read themselves, or bytes that only this
 * process can read ({@link SeekableBytes}, e.g. a vault copy decrypted on the fly), which they read
 * through their I/O callbacks so that no plaintext copy is ever written.
 */
public final class MediaSource {
    /** Opens the bytes afresh; each reader (FFmpeg, libVLC, a hash) gets its own. */
    @FunctionalInterface
    public interface Opener {
        SeekableBytes open() throws IOException;
    }

    private final String name;
    private final Path file;
    private final String identity;
    private final Opener opener;

    private MediaSource(String name, Path file, String identity, Opener opener) {
        this.name = name;
        this.file = file;
        this.identity = identity;
        this.opener = opener;
    }

    /** A plain file, read by FFmpeg and libVLC directly. */
    public static MediaSource of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new MediaSource(String.valueOf(file.getFileName()), absolute, null, () -> FileBytes.open(absolute));
    }

    /**
     * Bytes read only through {@code opener}.
     *
     * @param name what messages call the video, e.g. its original name
     * @param identity names the content for the index cache: the same identity always means the same
     *     bytes (e.g. the footage's SHA-256)
     */
    public static MediaSource ofBytes(String name, String identity, Opener opener) {
        return new MediaSource(name, null, "bytes " + identity, opener);
    }

    /** What messages call the video. */
    public String name() {
        return name;
    }

    /** The plain file, when this is one; empty for bytes read through callbacks. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public SeekableBytes open() throws IOException {
        return opener.open();
    }

    /**
     * Names the content for the index cache: a file by its path, size and modification time
     * (vault files are never rewritten, so these name their content), bytes by their identity.
     */
    String identity() throws IOException {
        if (file == null) {
            return identity;
        }
        return "file " + file + "\n" + Files.size(file) + "\n" + Files.getLastModifiedTime(file).toMillis();
    }

    /** Two sources are the same video when they are the same file, or bytes of the same identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MediaSource that && Objects.equals(file, that.file) && Objects.equals(identity, that.identity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, identity);
    }

    @Override
    public String toString() {
        return name;
    }
}
