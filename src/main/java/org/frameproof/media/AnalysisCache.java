package org.frameproof.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index cache of {@link IsolatedProber}: one file per analysed video, so reopening is instant.
 * An analysis holds what a seized laptop must not tell (GPS tags, titles, comments, where a file
 * was), so each entry is encrypted with AES-GCM, and named by an HMAC of its source's identity,
 * not by a hash anyone holding the same video could compute.
 *
 * <p>A damaged, stale or foreign entry is only a lost shortcut: it reads as missing and the video
 * is probed again.
 */
final class AnalysisCache {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisCache.class);

    private static final String SUFFIX = ".entry";
    /** Entries of earlier versions: the analysis as plain JSON, named by a plain hash of the path. */
    private static final String CLEAR_SUFFIX = ".json";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final SecretKeySpec nameKey;
    private final SecretKeySpec entryKey;
    private final AtomicBoolean clearEntriesRemoved = new AtomicBoolean();

    /** @param key the cache's own key; separate keys for names and contents are derived from it */
    AnalysisCache(Path folder, SecretKey key) {
        this.folder = folder;
        this.nameKey = new SecretKeySpec(hmac(key.getEncoded(), "frameproof index-cache names"), "HmacSHA256");
        this.entryKey = new SecretKeySpec(hmac(key.getEncoded(), "frameproof index-cache entries"), "AES");
    }

    /** The analysis kept for {@code identity}, or null when there is none that reads back intact. */
    MediaAnalysis load(String identity) {
        if (!clearEntriesRemoved.getAndSet(true)) {
            removeClearEntries();
        }
        Path entry = entryFor(identity);
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try {
            byte[] sealed = Files.readAllBytes(entry);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, entryKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(entry.getFileName().toString().getBytes(StandardCharsets.US_ASCII));
            byte[] json = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            StoredAnalysis stored = StoredAnalysis.read(new ByteArrayInputStream(json));
            return stored.source().equals(identity) ? stored.analysis() : null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("An index cache entry did not read back intact; the video is analysed again", e);
            return null;
        }
    }

    /** Best effort: a cache that cannot be written only makes the next open slower. */
    void store(StoredAnalysis stored) {
        Path entry = entryFor(stored.source());
        Path partial = null;
        try {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            stored.write(json);
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, entryKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(entry.getFileName().toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(json.toByteArray());
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, ".entry", ".partial");
            Files.write(partial, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
            Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            // Nothing of the reviewer's is lost; the analysis in hand is used all the same.
            LOG.warn("An index cache entry could not be written", e);
            deleteQuietly(partial);
        }
    }

    /** Removes what earlier versions kept in the clear; they are probed again when opened. */
    private void removeClearEntries() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path clear : entries.filter(entry -> entry.getFileName().toString().endsWith(CLEAR_SUFFIX)).toList()) {
                deleteQuietly(clear);
            }
        } catch (IOException e) {
            // Tried again at the next start; the encrypted entries work all the same.
            LOG.warn("Index cache entries kept in the clear by an earlier version could not be listed for removal", e);
        }
    }

    private Path entryFor(String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nameKey);
            return folder.resolve(HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8))) + SUFFIX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HMAC-SHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HMAC-SHA256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file that stays never passes for an entry (wrong name).
            LOG.warn("A file of the index cache could not be removed", e);
        }
    }
}
