package org.frameproof.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.AtomicFiles;

/**
 * The content-addressed vault: {@code <data>/vault/<sha256>}, each file read-only. Incoming copies
 * are written under a random temporary name (never the original's name, which is confidential)
 * and renamed to their hash only once hashed, synced and re-hashed.
 */
public final class Vault {
    public static final String FOLDER = "vault";
    private static final String INCOMING_PREFIX = ".incoming-";

    private final Path root;

    public Vault(Path dataFolder) {
        this.root = dataFolder.resolve(FOLDER);
    }

    /** A copy in the vault's incoming area, hashed and re-hashed, waiting to be kept or discarded. */
    public record StagedCopy(Path file, Hashes hashes) {
    }

    public Path path(String sha256) {
        return root.resolve(sha256);
    }

    /**
     * Copies {@code original} (only ever read) into the incoming area, hashing while copying, and
     * re-reads the copy from the file (each chunk once written) and compares. On failure or cancel,
     * the copy is removed.
     */
    public StagedCopy stage(Path original, String item, Progress progress) throws UserFacingException {
        Path incoming = root.resolve(INCOMING_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            HashingCopier.Copied copied = HashingCopier.copy(original, incoming, item, progress);
            if (!copied.intact()) {
                throw new UserFacingException("The copy of " + item + " does not read back as written (SHA-256 "
                        + copied.source().sha256() + " became " + copied.copySha256()
                        + "): the disk may be failing, or the file changed while it was copied. Nothing was imported.");
            }
            return new StagedCopy(incoming, copied.source());
        } catch (IOException e) {
            discard(incoming);
            throw new UserFacingException("Could not copy " + item + " into the vault: " + describe(e) + " Nothing was imported.", e);
        } catch (UserFacingException | RuntimeException e) {
            discard(incoming);
            throw e;
        }
    }

    /**
     * Moves a staged copy to its place named by its SHA-256 and makes it read-only. Returns false
     * when the vault holds that content already (the staged copy is then dropped).
     */
    public boolean keep(StagedCopy staged) throws UserFacingException {
        Path target = path(staged.hashes().sha256());
        try {
            if (Files.exists(target)) {
                discard(staged.file());
                return false;
            }
            Files.setPosixFilePermissions(staged.file(), Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ));
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.forceDirectory(root);
            return true;
        } catch (IOException e) {
            discard(staged.file());
            throw new UserFacingException("Could not keep the copy in the vault: " + describe(e), e);
        }
    }

    /** Removes copies a crash left half-written; called while holding the data folder, so no import is running. */
    public void removeIncomingLeftovers() {
        try (java.util.stream.Stream<Path> files = Files.list(root)) {
            files.filter(file -> file.getFileName().toString().startsWith(INCOMING_PREFIX)).forEach(this::discard);
        } catch (IOException ignored) {
            // No vault yet, or unreadable: leftovers are harmless and are tried again on the next open.
        }
    }

    /** Removes a vault file this import put there, when the records for it could not be saved. */
    public void removeUnrecorded(String sha256) {
        discard(path(sha256));
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left behind only under ".incoming-"; such files are never read as evidence.
        }
    }

    /** Re-hashes the vault copy; a missing file reads as a mismatch. */
    public Hashes rehash(String sha256, String item, Progress progress) throws UserFacingException {
        try {
            return HashingCopier.hash(path(sha256), item, progress);
        } catch (IOException e) {
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
