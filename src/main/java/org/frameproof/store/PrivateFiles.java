package org.frameproof.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only permissions for everything in the data folder: folders 0700, files 0600, vault files
 * 0400 (read-only as well). Set when each is created, and put right on every open, so that other
 * accounts on the machine read nothing, not even which files there are.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates {@code folder} as 0700 (its missing parents as the system makes them), unless it exists. */
    public static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
    }

    /** What a new file of the store is created with: readable and writable by its owner only. */
    public static FileAttribute<?>[] ownerOnly() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes a file this store wrote readable and writable by its owner only. */
    public static void restrict(Path file) throws IOException {
        set(file, FILE);
    }

    /** Makes a file readable by its owner only, and by no one writable. */
    public static void makeReadOnly(Path file) throws IOException {
        set(file, READ_ONLY);
    }

    /**
     * Puts right the permissions of everything in {@code dataFolder}, the folder included: files a
     * version before this one left world-readable, or that were copied in. Links are never followed.
     */
    public static void restrictAll(Path dataFolder) throws IOException {
        if (!POSIX || !Files.isDirectory(dataFolder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataFolder)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    set(path, FOLDER);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    boolean writable = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
                            .contains(PosixFilePermission.OWNER_WRITE);
                    set(path, writable ? FILE : READ_ONLY);
                }
            }
        }
    }

    private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
