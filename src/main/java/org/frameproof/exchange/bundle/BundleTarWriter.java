package org.frameproof.exchange.bundle;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.frameproof.exchange.ExportMonitor;

/**
 * Writes a bundle's plaintext: a POSIX tar stream (so {@code tar t} lists it), each entry hashed
 * while it is written, footage streamed through a fixed buffer, and the signed manifest last, since
 * only then are all the hashes known (docs/decisions/0013-bundles.md).
 */
public final class BundleTarWriter implements Closeable {
    private static final int BUFFER_BYTES = 1 << 20;
    private final BufferedOutputStream buffered;
    private final TarArchiveOutputStream tar;
    private final Instant time;
    private final List<BundleManifest.Entry> entries = new ArrayList<>();

    /** @param time the time each entry is stamped with (the bundle's) */
    public BundleTarWriter(OutputStream plaintext, Instant time) {
        this.buffered = new BufferedOutputStream(plaintext, BUFFER_BYTES);
        this.tar = new TarArchiveOutputStream(buffered);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.time = time;
    }

    /** Adds a small entry held in memory. */
    public void add(String name, byte[] content) throws IOException {
        begin(name, content.length);
        tar.write(content);
        tar.closeArchiveEntry();
        entries.add(new BundleManifest.Entry(name, content.length, sha256(content)));
    }

    /**
     * Streams {@code size} bytes of {@code content} into an entry, reporting each megabyte to
     * {@code monitor} (counting on from {@code doneBefore} of {@code total}) and stopping when it is cancelled.
     */
    public void add(String name, long size, InputStream content, ExportMonitor monitor, long doneBefore, long total)
            throws IOException {
        begin(name, size);
        MessageDigest digest = digest();
        byte[] buffer = new byte[BUFFER_BYTES];
        long copied = 0;
        while (copied < size) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
            if (read < 0) {
                throw new IOException(name + " ended after " + copied + " of " + size + " bytes");
            }
            digest.update(buffer, 0, read);
            tar.write(buffer, 0, read);
            copied += read;
            monitor.progress(doneBefore + copied, total);
            monitor.checkCancelled();
        }
        tar.closeArchiveEntry();
        entries.add(new BundleManifest.Entry(name, size, HexFormat.of().formatHex(digest.digest())));
    }

    /** The entries written so far, for the manifest. */
    public List<BundleManifest.Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the signed manifest as the last entry and ends the tar stream. */
    public void finish(byte[] signedManifest) throws IOException {
        begin(BundleManifest.FILE_NAME, signedManifest.length);
        tar.write(signedManifest);
        tar.closeArchiveEntry();
        tar.finish();
        buffered.flush();
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private void begin(String name, long size) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0600);
        entry.setModTime(time.toEpochMilli());
        tar.putArchiveEntry(entry);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }
}
