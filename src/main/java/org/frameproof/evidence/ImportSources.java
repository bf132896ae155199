package org.frameproof.evidence;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.frameproof.domain.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files an import reads, from the files and folders a reviewer named: every file inside a
 * folder, in name order, hidden ones left out. A symbolic link inside a folder is followed only
 * when asked, since it can reach anywhere. Nothing inside the data folder is ever a source: the
 * vault and the database are checked before any of their bytes is read.
 */
final class ImportSources {
    private static final Logger LOG = LoggerFactory.getLogger(ImportSources.class);

    /** A file to import, or one refused with the reason. */
    record Source(Path file, String refusal) {
    }

    private final Path dataFolder;
    private final boolean followLinks;

    /** @param followLinks whether symbolic links inside folders are followed (files named directly always are) */
    ImportSources(Path dataFolder, boolean followLinks) {
        this.dataFolder = realPath(dataFolder);
        this.followLinks = followLinks;
    }

    List<Source> expand(List<Path> given) throws UserFacingException {
        for (Path path : given) {
            Path real = realPath(path);
            if (real.startsWith(dataFolder) || dataFolder.startsWith(real)) {
                throw new UserFacingException(path + (real.startsWith(dataFolder) ? " is Frameproof's data folder, or inside it ("
                        : " holds Frameproof's data folder (") + dataFolder + "): footage is imported from elsewhere. Nothing was imported.");
            }
        }
        List<Source> sources = new ArrayList<>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                sources.addAll(inside(path));
            } else {
                sources.add(new Source(path, null));
            }
        }
        return sources;
    }

    private List<Source> inside(Path folder) throws UserFacingException {
        List<Source> found = new ArrayList<>();
        Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        try {
            Files.walkFileTree(folder, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    if (realPath(directory).startsWith(dataFolder)) {
                        found.add(new Source(directory, "a link into Frameproof's data folder; not followed"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attributes.isSymbolicLink()) {
                        found.add(new Source(file, "a symbolic link; links inside folders are followed only with --follow-links"));
                    } else if (realPath(file).startsWith(dataFolder)) {
                        found.add(new Source(file, "a link into Frameproof's data folder; not followed"));
                    } else if (attributes.isRegularFile()) {
                        found.add(new Source(file, null));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    found.add(new Source(file, failure instanceof FileSystemLoopException
                            ? "a link back into a folder it is in; not followed" : "cannot be read: " + Vault.describe(failure)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UserFacingException("Could not list the folder " + folder + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Source::file));
        return found;
    }

    /** The path with every link and {@code ..} resolved as the file system resolves them; as given when it does not exist. */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            LOG.debug("A path to import could not be resolved on disk; it is taken as written", e);
            return path.toAbsolutePath().normalize();
        }
    }
}
