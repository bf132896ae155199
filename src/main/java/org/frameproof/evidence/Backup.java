package org.frameproof.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.AtomicFiles;
import org.frameproof.store.KeyFile;

/**
 * A backup is a folder: {@code database.zip} (H2's consistent {@code BACKUP TO} of the database,
 * still encrypted), the key file, {@code vault/<name>} for every footage item (encrypted, as in
 * the vault), and
 * {@code manifest.json} with the SHA-256 of each. It is written under a temporary name, verified
 * against the manifest, and only then renamed to its name; a restore checks it all before use.
 */
final class Backup {
    static final String DATABASE = "database.zip";
    static final String MANIFEST = "manifest.json";
    private static final String DATABASE_FILE = "frameproof.mv.db";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A check of a restored folder before it takes the data folder's place. */
    @FunctionalInterface
    interface RestoredCheck {
        void check(Path restored) throws UserFacingException;
    }

    private Backup() {
    }

    static void write(EvidenceStore store, Path target, Progress progress) throws UserFacingException {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out)) {
            throw new UserFacingException("The backup target " + out + " exists already; choose a new name.");
        }
        Path partial = out.resolveSibling("." + out.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(partial.resolve(Vault.FOLDER));
            ArrayNode files = JSON.createArrayNode();
            store.database().backupTo(partial.resolve(DATABASE));
            checkZip(partial.resolve(DATABASE));
            files.add(entry(DATABASE, HashingCopier.hash(partial.resolve(DATABASE), DATABASE, progress)));
            files.add(copy(store.dataFolder().resolve(KeyFile.FILE_NAME), partial, KeyFile.FILE_NAME, progress));
            Set<String> copied = new HashSet<>();
            for (Footage item : store.footage().listAll()) {
                if (copied.add(item.sha256())) {
                    // Vault files go as they are, encrypted: the key file beside them is what opens them.
                    Path vaultFile = store.vault().encryptedFile(item.sha256());
                    String name = Vault.FOLDER + "/" + vaultFile.getFileName();
                    files.add(copy(vaultFile, partial, name, progress));
                    Hashes plaintext = store.vault().rehashFile(partial.resolve(name), item.originalName(), progress);
                    if (!item.sha256().equals(plaintext.sha256())) {
                        throw new UserFacingException("Not backed up: the vault copy of footage " + item.id()
                                + " no longer matches its SHA-256. Run 'frameproof verify' to see what is damaged.");
                    }
                }
            }
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", "frameproof-backup");
            manifest.put("version", 1);
            manifest.set("files", files);
            Files.write(partial.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            verify(partial, progress);
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.forceDirectory(out.getParent());
        } catch (IOException e) {
            throw new UserFacingException("Could not write the backup " + out + ": " + Vault.describe(e), e);
        } finally {
            deleteTree(partial);
        }
    }

    /**
     * Verifies the backup, restores it into a temporary folder beside {@code dataFolder}, lets
     * {@code check} open it, and only then gives it the data folder's name. A damaged backup is
     * refused with nothing written to {@code dataFolder}.
     */
    static void restore(Path backup, Path dataFolder, Progress progress, RestoredCheck check) throws UserFacingException {
        Path target = dataFolder.toAbsolutePath().normalize();
        if (Files.exists(target.resolve(KeyFile.FILE_NAME)) || Files.exists(target.resolve(DATABASE_FILE))) {
            throw new UserFacingException("The data folder " + target + " holds a store already; restore into a new folder.");
        }
        verify(backup, progress);
        Path partial = target.resolveSibling("." + target.getFileName() + ".restoring-" + UUID.randomUUID());
        try {
            Files.createDirectories(partial.resolve(Vault.FOLDER));
            unzipDatabase(backup.resolve(DATABASE), partial);
            Files.copy(backup.resolve(KeyFile.FILE_NAME), partial.resolve(KeyFile.FILE_NAME));
            try (Stream<Path> vaultFiles = Files.list(backup.resolve(Vault.FOLDER))) {
                for (Path file : vaultFiles.toList()) {
                    Path copy = partial.resolve(Vault.FOLDER).resolve(file.getFileName().toString());
                    Files.copy(file, copy);
                    Files.setPosixFilePermissions(copy, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ));
                }
            }
            check.check(partial);
            if (Files.isDirectory(target)) {
                Files.delete(target); // only an empty folder gets here: a non-empty one fails and is kept
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFacingException("Could not restore into " + target + ": " + Vault.describe(e), e);
        } finally {
            deleteTree(partial);
        }
    }

    /** Every file the manifest names is present with its hash, and nothing else is in the vault folder. */
    static void verify(Path backup, Progress progress) throws UserFacingException {
        Path manifestFile = backup.resolve(MANIFEST);
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readAllBytes(manifestFile));
        } catch (IOException e) {
            throw new UserFacingException("Not a Frameproof backup, or damaged: cannot read " + manifestFile + ".", e);
        }
        if (!"frameproof-backup".equals(manifest.path("format").asText()) || !manifest.path("files").isArray()) {
            throw new UserFacingException("Not a Frameproof backup, or damaged: " + manifestFile + " is not its manifest.");
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode file : manifest.get("files")) {
            String name = file.path("path").asText();
            Path path = backup.resolve(name).normalize();
            if (!path.startsWith(backup) || !listed.add(name)) {
                throw damaged(backup, "the manifest names " + name + " twice or outside the backup");
            }
            if (!Files.isRegularFile(path)) {
                throw damaged(backup, name + " is missing");
            }
            Hashes hashes = hashOf(path, name, progress);
            if (!hashes.sha256().equals(file.path("sha256").asText())) {
                throw damaged(backup, name + " does not match its SHA-256 in the manifest");
            }
        }
        if (!listed.contains(DATABASE) || !listed.contains(KeyFile.FILE_NAME)) {
            throw damaged(backup, "the database or the key file is missing");
        }
        checkZip(backup.resolve(DATABASE));
    }

    private static ObjectNode copy(Path source, Path backup, String name, Progress progress) throws UserFacingException, IOException {
        HashingCopier.Copied copied = HashingCopier.copy(source, backup.resolve(name), name, progress);
        if (!copied.intact()) {
            throw new IOException(name + " does not read back from the backup as written");
        }
        return entry(name, copied.source());
    }

    private static ObjectNode entry(String name, Hashes hashes) {
        return JSON.createObjectNode().put("path", name).put("sha256", hashes.sha256()).put("size", hashes.size());
    }

    private static Hashes hashOf(Path file, String name, Progress progress) throws UserFacingException {
        try {
            return HashingCopier.hash(file, name, progress);
        } catch (IOException e) {
            throw new UserFacingException("Could not read " + file + ": " + Vault.describe(e), e);
        }
    }

    /** Reads every entry of the zip, so a damaged one fails its CRC here and not during a restore. */
    private static void checkZip(Path zip) throws UserFacingException {
        boolean hasDatabase = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                hasDatabase |= entry.getName().equals(DATABASE_FILE);
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UserFacingException("The database copy " + zip + " is damaged: " + e.getMessage(), e);
        }
        if (!hasDatabase) {
            throw new UserFacingException("The database copy " + zip + " holds no database.");
        }
    }

    private static void unzipDatabase(Path zip, Path folder) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(DATABASE_FILE)) {
                    Files.copy(in, folder.resolve(DATABASE_FILE));
                }
            }
        }
    }

    private static UserFacingException damaged(Path backup, String what) {
        return new UserFacingException("The backup " + backup + " is damaged and was not restored: " + what + ".");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A leftover hidden ".partial-" folder is never read as a backup or a store.
        }
    }
}
