package org.frameproof.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.stream.Stream;
import org.frameproof.domain.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an export so that it appears whole or not at all: into a hidden temporary file (or
 * folder) beside the destination, flushed to disk, then renamed over it in one step. A failure or
 * a cancellation deletes the temporary and leaves any earlier file at the destination untouched.
 */
final class AtomicOutput {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);

    private AtomicOutput() {
    }

    /** Writes the content of one file. */
    interface FileBody {
        void writeTo(OutputStream out) throws IOException, UserFacingException;
    }

    /** Fills a fresh empty folder. */
    interface FolderBody {
        void writeInto(Path folder) throws IOException, UserFacingException;
    }

    /** A file in place: its SHA-256 (of exactly the bytes written) and size. */
    record Written(Path path, String sha256, long bytes) {
    }

    static Written writeFile(Path target, FileBody body) throws UserFacingException {
        Path destination = target.toAbsolutePath().normalize();
        Path folder = existingFolderOf(destination);
        if (Files.isDirectory(destination)) {
            throw new UserFacingException("Cannot write " + destination + ": it is a folder. Give a file name.");
        }
        Path temporary = createTemporary(destination, folder, false);
        boolean placed = false;
        try {
            MessageDigest digest = Sha256.digest();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16), digest)) {
                body.writeTo(out);
            }
            forceToDisk(temporary);
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            placed = true;
            forceFolderToDisk(folder);
            return new Written(destination, Sha256.hex(digest), Files.size(destination));
        } catch (IOException e) {
            throw cannotWrite(destination, e);
        } finally {
            if (!placed) {
                deleteTree(temporary);
            }
        }
    }

    /** Fills a new folder; the destination must not exist yet or be an empty folder. */
    static void writeFolder(Path target, FolderBody body) throws UserFacingException {
        Path destination = target.toAbsolutePath().normalize();
        Path parent = existingFolderOf(destination);
        if (Files.exists(destination) && !isEmptyFolder(destination)) {
            throw new UserFacingException("Cannot write stills into " + destination
                    + ": it already holds files. Choose a new or empty folder.");
        }
        Path temporary = createTemporary(destination, parent, true);
        boolean placed = false;
        try {
            body.writeInto(temporary);
            try (Stream<Path> files = Files.list(temporary)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    forceToDisk(file);
                }
            }
            // rename(2) replaces an empty folder in one step; a folder that filled up meanwhile is refused.
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            placed = true;
            forceFolderToDisk(parent);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new UserFacingException("Cannot write stills into " + destination + ": it already holds files. Choose a new or empty folder.", e);
        } catch (IOException e) {
            throw cannotWrite(destination, e);
        } finally {
            if (!placed) {
                deleteTree(temporary);
            }
        }
    }

    private static Path existingFolderOf(Path destination) throws UserFacingException {
        Path folder = destination.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserFacingException("Cannot write " + destination + ": the folder " + folder + " does not exist.");
        }
        return folder;
    }

    private static Path createTemporary(Path destination, Path folder, boolean asFolder) throws UserFacingException {
        String prefix = "." + destination.getFileName() + ".";
        try {
            return asFolder ? Files.createTempDirectory(folder, prefix) : Files.createTempFile(folder, prefix, ".part");
        } catch (IOException e) {
            throw cannotWrite(destination, e);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws UserFacingException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw cannotWrite(folder, e);
        }
    }

    static UserFacingException cannotWrite(Path destination, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "the folder does not exist";
        } else if (e instanceof NotDirectoryException) {
            reason = "a part of the path is not a folder";
        } else if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            reason = fileSystem.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new UserFacingException("Cannot write " + destination + ": " + reason + ". Nothing was written.", e);
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes the rename itself durable; a platform that cannot open folders skips it. */
    private static void forceFolderToDisk(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The rename is done; only its durability across a power cut is not guaranteed here.
            LOG.warn("The export's folder could not be forced to disk after the rename", e);
        }
    }

    /** Removes a file an export had placed, when a later part of the same export failed. */
    static void deleteQuietly(Path file) {
        deleteTree(file);
    }

    private static void deleteTree(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            // Best effort: a leftover hidden .part file names itself; the destination is untouched.
            LOG.warn("A partial export could not be removed completely", e);
        }
    }
}
