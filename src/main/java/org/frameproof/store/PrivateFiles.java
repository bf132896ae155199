package org.frameproof.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.frameproof.domain.platform.OperatingSystem;
import org.frameproof.domain.platform.OperatingSystem.FileProtection;

/**
 * Owner-only permissions for everything in the data folder: folders 0700, files 0600, vault files
 * 0400 (read-only as well). Set when each is created, and put right on every open, so that other
 * accounts on the machine read nothing, not even which files there are. On Windows an access
 * control list that allows the owner alone does the same ({@link OwnerOnlyAcl}).
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--------");
    private static final Optional<FileProtection> PROTECTION =
            protection(OperatingSystem.current(), FileSystems.getDefault().supportedFileAttributeViews());
    private static final boolean POSIX = PROTECTION.equals(Optional.of(FileProtection.POSIX_MODES));
    private static final boolean ACL = PROTECTION.equals(Optional.of(FileProtection.OWNER_ACL));

    private PrivateFiles() {
    }

    /** The protection {@code system} asks for, when its file system offers it (a FAT stick offers neither). */
    static Optional<FileProtection> protection(OperatingSystem system, Set<String> fileAttributeViews) {
        FileProtection wanted = system.fileProtection();
        String view = wanted == FileProtection.POSIX_MODES ? "posix" : "acl";
        return fileAttributeViews.contains(view) ? Optional.of(wanted) : Optional.empty();
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
                if (ACL) {
                    setAcl(folder, OwnerOnlyAcl::folder);
                }
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
    }

    /**
     * What a new file of the store is created with: readable and writable by its owner only. Under
     * an access control list the new file inherits its folder's owner-only entry instead.
     */
    public static FileAttribute<?>[] ownerOnly() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes a file this store wrote readable and writable by its owner only. */
    public static void restrict(Path file) throws IOException {
        set(file, FILE, OwnerOnlyAcl::file);
    }

    /** Makes a file readable by its owner only, and by no one writable. */
    public static void makeReadOnly(Path file) throws IOException {
        set(file, READ_ONLY, OwnerOnlyAcl::readOnly);
    }

    /**
     * Puts right the permissions of everything in {@code dataFolder}, the folder included: files a
     * version before this one left world-readable, or that were copied in. Links are never followed.
     */
    public static void restrictAll(Path dataFolder) throws IOException {
        if (!(POSIX || ACL) || !Files.isDirectory(dataFolder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataFolder)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    set(path, FOLDER, OwnerOnlyAcl::folder);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    if (ownerMayWrite(path)) {
                        restrict(path);
                    } else {
                        makeReadOnly(path);
                    }
                }
            }
        }
    }

    private static boolean ownerMayWrite(Path file) throws IOException {
        if (POSIX) {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_WRITE);
        }
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return OwnerOnlyAcl.ownerMayWrite(view.getAcl(), view.getOwner());
    }

    private static void set(Path path, Set<PosixFilePermission> permissions, Function<UserPrincipal, List<AclEntry>> acl)
            throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        } else if (ACL) {
            setAcl(path, acl);
        }
    }

    private static void setAcl(Path path, Function<UserPrincipal, List<AclEntry>> acl) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        List<AclEntry> wanted = acl.apply(view.getOwner());
        if (!view.getAcl().equals(wanted)) {
            view.setAcl(wanted);
        }
    }
}
