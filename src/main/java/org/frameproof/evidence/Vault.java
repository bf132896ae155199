package org.frameproof.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.AtomicFiles;
import org.frameproof.store.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content-addressed vault: {@code <data>/vault/<name>}, each file encrypted
 * ({@link EncryptedVaultFile}), read-only and named by a keyed hash of its content's SHA-256
 * ({@link VaultKeys#name}). Incoming copies are written under a random temporary name (never the
 * original's name, which is confidential) and renamed only once encrypted, synced and read back
 * (every chunk's tag checked).
 */
public final class Vault {
    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

    public static final String FOLDER = "vault";
    private static final String INCOMING_PREFIX = ".incoming-";

    private final Path root;
    private final VaultKeys keys;

    Vault(Path dataFolder, VaultKeys keys) {
        this.root = dataFolder.resolve(FOLDER);
        this.keys = keys;
    }

    /** The vault's folder. */
    Path folder() {
        return root;
    }

    /** A copy in the vault's incoming area, hashed and re-hashed, waiting to be kept or discarded. */
    public record StagedCopy(Path file, Hashes hashes) {
    }

    /** What {@link #keep} did with a staged copy. */
    public enum Kept {
        /** The vault had no copy of this content: the staged copy is now it. */
        NEW,
        /** The vault's copy re-hashed as its name says; the staged copy was dropped. */
        PRESENT,
        /** The vault's copy did not re-hash as its name says: the verified staged copy replaced it. */
        REPLACED_DAMAGED
    }

    /**
     * The encrypted file that holds the footage with this SHA-256: only ciphertext. Plaintext is
     * read through {@link #open}; the media callers that still take a path move to that once FFmpeg
     * and libVLC read through I/O callbacks.
     */
    public Path encryptedFile(String sha256) {
        return root.resolve(keys.name(sha256));
    }

    /**
     * Opens the footage with this SHA-256 for reading its plaintext.
     *
     * @param item the name the reviewer knows it by, for messages
     * @throws VaultFileDamagedException when the file is not as it was written
     */
    public VaultReader open(String sha256, String item) throws IOException {
        return VaultReader.open(encryptedFile(sha256), keys.content(), item);
    }

    /**
     * Copies {@code original} (only ever read once) into the incoming area, encrypting and hashing
     * while copying, and re-reads the copy from the file (each chunk once written), checking that
     * every chunk authenticates. On failure or cancel, the copy is removed.
     */
    public StagedCopy stage(Path original, String item, Progress progress) throws UserFacingException {
        try {
            return encryptIntoIncoming(original, item, progress);
        } catch (IOException e) {
            throw new UserFacingException("Could not copy " + item + " into the vault: " + describe(e) + " Nothing was imported.", e);
        }
    }

    /**
     * Copies {@code size} bytes of {@code content} (footage arriving in a bundle, read once) into the
     * incoming area, encrypting and hashing while copying and re-reading the copy as {@link #stage}
     * does. On failure or cancel, the copy is removed.
     */
    public StagedCopy stage(InputStream content, long size, String item, Progress progress) throws IOException, CancelledException {
        Path incoming = root.resolve(INCOMING_PREFIX + UUID.randomUUID());
        try {
            PrivateFiles.createFolder(root);
            return new StagedCopy(incoming, HashingCopier.copyEncrypted(content, size, incoming, keys.content(), item, progress));
        } catch (IOException | CancelledException | RuntimeException e) {
            discard(incoming);
            throw e;
        }
    }

    /**
     * A link to {@code original} in the incoming area, which the probe reads while vault copies are
     * ciphertext to it: FFmpeg then picks its reader by content alone, as for a vault copy (by a
     * name like "x.txt" or "x.m3u8" it would pick a text or playlist reader). Only a link: no
     * plaintext is written; remove it with {@link #discard}.
     */
    public Path linkForProbe(Path original) throws UserFacingException {
        Path link = root.resolve(INCOMING_PREFIX + UUID.randomUUID());
        try {
            PrivateFiles.createFolder(root);
            return Files.createSymbolicLink(link, original.toAbsolutePath());
        } catch (IOException e) {
            throw new UserFacingException("Could not probe " + original.getFileName() + ": " + describe(e), e);
        }
    }

    /** {@link #stage} with the failure as it happened, for callers that word it themselves. */
    StagedCopy encryptIntoIncoming(Path source, String item, Progress progress) throws IOException, CancelledException {
        Path incoming = root.resolve(INCOMING_PREFIX + UUID.randomUUID());
        try {
            PrivateFiles.createFolder(root);
            return new StagedCopy(incoming, HashingCopier.copyEncrypted(source, incoming, keys.content(), item, progress));
        } catch (VaultFileDamagedException e) {
            discard(incoming);
            throw new IOException("the copy does not read back as written (" + e.getMessage() + "): the disk may be failing", e);
        } catch (IOException | CancelledException | RuntimeException e) {
            discard(incoming);
            throw e;
        }
    }

    /**
     * Moves a staged copy to its place and makes it read-only. A copy the vault holds already is
     * re-hashed first and trusted only if it still matches its name; otherwise the staged copy,
     * verified as it was made, takes its place.
     */
    public Kept keep(StagedCopy staged, String item, Progress progress) throws UserFacingException {
        String sha256 = staged.hashes().sha256();
        Path target = encryptedFile(sha256);
        try {
            boolean present = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (present && rehash(sha256, item, progress).sha256().equals(sha256)) {
                discard(staged.file());
                return Kept.PRESENT;
            }
            place(staged.file(), sha256);
            return present ? Kept.REPLACED_DAMAGED : Kept.NEW;
        } catch (IOException e) {
            discard(staged.file());
            throw new UserFacingException("Could not keep the copy in the vault: " + describe(e), e);
        } catch (UserFacingException | RuntimeException e) {
            discard(staged.file());
            throw e;
        }
    }

    /** Moves an incoming copy to the name of the footage with {@code sha256}, read-only, replacing what is there. */
    void place(Path incoming, String sha256) throws IOException {
        PrivateFiles.makeReadOnly(incoming);
        Files.move(incoming, encryptedFile(sha256), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.forceDirectory(root);
    }

    /** Removes copies a crash left half-written; called while holding the data folder, so no import is running. */
    public void removeIncomingLeftovers() {
        try (java.util.stream.Stream<Path> files = Files.list(root)) {
            files.filter(file -> file.getFileName().toString().startsWith(INCOMING_PREFIX)).forEach(this::discard);
        } catch (IOException e) {
            // No vault yet, or unreadable: leftovers are harmless and are tried again on the next open.
            LOG.debug("The vault could not be listed for half-written copies", e);
        }
    }

    /** Removes a vault file this import put there, when the records for it could not be saved. */
    public void removeUnrecorded(String sha256) {
        discard(encryptedFile(sha256));
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind only under ".incoming-"; such files are never read as evidence.
            LOG.warn("A vault file that is not evidence could not be removed", e);
        }
    }

    /** Re-hashes the vault copy's plaintext, decrypting it; a missing or damaged file reads as a mismatch. */
    public Hashes rehash(String sha256, String item, Progress progress) throws UserFacingException {
        return rehashFile(encryptedFile(sha256), item, progress);
    }

    /** As {@link #rehash}, for a vault file elsewhere (a backup's copy). */
    Hashes rehashFile(Path file, String item, Progress progress) throws UserFacingException {
        try (VaultReader reader = VaultReader.open(file, keys.content(), item)) {
            return HashingCopier.hash(reader, item, progress);
        } catch (IOException e) {
            LOG.warn("A vault file could not be read to re-hash it; it is reported as unreadable", e);
            return new Hashes("unreadable: " + describe(e), "", -1);
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left")) {
            return "the disk is full (" + message + ").";
        }
        return message + ".";
    }
}
