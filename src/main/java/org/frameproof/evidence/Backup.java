package org.frameproof.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.frameproof.domain.DataFolder;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.store.AtomicFiles;
import org.frameproof.store.KeyFile;
import org.frameproof.store.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup is a folder: {@code database.zip} (H2's consistent {@code BACKUP TO} of the database,
 * still encrypted), the key file, {@code vault/<name>} for every footage item (encrypted, as in
 * the vault), and
 * {@code manifest.json} with the SHA-256 of each. It is written under a temporary name, verified
 * against the manifest, and only then renamed to its name; a restore checks it all before use.
 */
final class Backup {
    private static final Logger LOG = LoggerFactory.getLogger(Backup.class);

    static final String DATABASE = "database.zip";
    static final String MANIFEST = "manifest.json";
    private static final String DATABASE_FILE = "frameproof.mv.db";
    /** The database, the key file, and the files of the vault folder: all a backup holds beside its manifest. */
    private static final Pattern BACKED_UP_NAME = Pattern.compile(Pattern.quote(DATABASE) + "|" + Pattern.quote(KeyFile.FILE_NAME)
            + "|" + Vault.FOLDER + "/[^/\\\\.][^/\\\\]*");
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
            // The key file first: the chain head it keeps may then trail the database copy, never lead it.
            // The head of the last commit is written before the copy, or the backup would anchor less of the chain.
            store.chainAnchor().flush();
            files.add(copy(store.dataFolder().resolve(KeyFile.FILE_NAME), partial, KeyFile.FILE_NAME, progress));
            store.database().backupTo(partial.resolve(DATABASE));
            checkZip(partial.resolve(DATABASE));
            files.add(entry(DATABASE, HashingCopier.hash(partial.resolve(DATABASE), DATABASE, progress)));
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
     * Restores the backup into a temporary folder beside {@code dataFolder}, lets {@code check}
     * open it, and only then gives it the data folder's name. Only the files the manifest lists
     * are copied, each hashed as it is copied and compared with the manifest; a backup holding
     * anything else, or a symbolic link, is refused with nothing written to {@code dataFolder}.
     */
    static void restore(Path backup, Path dataFolder, Progress progress, RestoredCheck check) throws UserFacingException {
        Path target = dataFolder.toAbsolutePath().normalize();
        if (Files.exists(target.resolve(KeyFile.FILE_NAME)) || Files.exists(target.resolve(DATABASE_FILE))) {
            throw new UserFacingException("The data folder " + target + " holds a store already; restore into a new folder.");
        }
        Path source = realFolder(backup);
        Map<String, String> listed = listed(source);
        refuseUnlisted(source, listed.keySet());
        Path partial = target.resolveSibling("." + target.getFileName() + ".restoring-" + UUID.randomUUID());
        try {
            Files.createDirectories(partial.resolve(Vault.FOLDER));
            for (Map.Entry<String, String> file : listed.entrySet()) {
                copyChecked(source, file.getKey(), file.getValue(), partial, progress);
            }
            checkZip(partial.resolve(DATABASE));
            unzipDatabase(partial.resolve(DATABASE), partial);
            Files.delete(partial.resolve(DATABASE));
            check.check(partial);
            if (Files.isDirectory(target)) {
                // The log of this very restore may be in the folder already: it goes along with the store.
                Path logs = target.resolve(DataFolder.LOGS);
                if (Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(logs, partial.resolve(DataFolder.LOGS));
                }
                Files.delete(target); // only an empty folder gets here: a non-empty one fails and is kept
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFacingException("Could not restore into " + target + ": " + Vault.describe(e), e);
        } finally {
            deleteTree(partial);
        }
    }

    /** Every file the manifest names is present with its hash, and nothing else is in the backup. */
    private static void verify(Path backup, Progress progress) throws UserFacingException {
        Path source = realFolder(backup);
        Map<String, String> listed = listed(source);
        refuseUnlisted(source, listed.keySet());
        for (Map.Entry<String, String> file : listed.entrySet()) {
            Hashes hashes = hashOf(source.resolve(file.getKey()), file.getKey(), progress);
            if (!hashes.sha256().equals(file.getValue())) {
                throw damaged(source, file.getKey() + " does not match its SHA-256 in the manifest");
            }
        }
        checkZip(source.resolve(DATABASE));
    }

    /**
     * The backup folder as the file system names it: written as {@code ./bk}, {@code bk/} or an
     * absolute path it is the same folder, and {@code ..} is taken after symbolic links, as the
     * file system takes it, not by cutting the text.
     */
    private static Path realFolder(Path backup) throws UserFacingException {
        try {
            Path real = backup.toRealPath();
            if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserFacingException("Not a Frameproof backup: " + backup + " is not a folder.");
            }
            return real;
        } catch (IOException e) {
            throw new UserFacingException("Not a Frameproof backup: cannot read the folder " + backup + ".", e);
        }
    }

    /** The manifest's files and their SHA-256, after checking each name is one a backup can hold. */
    private static Map<String, String> listed(Path backup) throws UserFacingException {
        Path manifestFile = backup.resolve(MANIFEST);
        JsonNode manifest;
        try {
            if (Files.isSymbolicLink(manifestFile)) {
                throw damaged(backup, MANIFEST + " is a symbolic link");
            }
            manifest = JSON.readTree(Files.readAllBytes(manifestFile));
        } catch (IOException e) {
            throw new UserFacingException("Not a Frameproof backup, or damaged: cannot read " + manifestFile + ".", e);
        }
        if (!"frameproof-backup".equals(manifest.path("format").asText()) || !manifest.path("files").isArray()) {
            throw new UserFacingException("Not a Frameproof backup, or damaged: " + manifestFile + " is not its manifest.");
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode file : manifest.get("files")) {
            String name = file.path("path").asText();
            if (!BACKED_UP_NAME.matcher(name).matches() || listed.put(name, file.path("sha256").asText()) != null) {
                throw damaged(backup, "the manifest names " + name + " twice or outside the backup");
            }
        }
        if (!listed.containsKey(DATABASE) || !listed.containsKey(KeyFile.FILE_NAME)) {
            throw damaged(backup, "the database or the key file is missing");
        }
        return listed;
    }

    /**
     * Refuses a backup that holds anything but its manifest, its vault folder and the files the
     * manifest lists, and any symbolic link (none is followed), naming each.
     */
    private static void refuseUnlisted(Path backup, Set<String> listed) throws UserFacingException {
        List<String> links = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(backup)) {
            for (Path path : paths.skip(1).sorted().toList()) {
                String name = backup.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                if (Files.isSymbolicLink(path)) {
                    links.add(name);
                } else if (!listed.contains(name) && !name.equals(MANIFEST)
                        && !(name.equals(Vault.FOLDER) && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
                    unlisted.add(name);
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("Could not read the backup " + backup + ": " + Vault.describe(e), e);
        }
        if (!links.isEmpty()) {
            throw damaged(backup, "it holds symbolic links, which are never followed: " + String.join(", ", links));
        }
        if (!unlisted.isEmpty()) {
            throw damaged(backup, "it holds files its manifest does not list: " + String.join(", ", unlisted));
        }
        for (String name : listed) {
            if (!Files.isRegularFile(backup.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw damaged(backup, name + " is missing");
            }
        }
    }

    /** Copies a listed file of the backup into the restore, hashing what it reads; a mismatch refuses the backup. */
    private static void copyChecked(Path backup, String name, String sha256, Path restored, Progress progress)
            throws UserFacingException, IOException {
        Path copy = restored.resolve(name);
        HashingCopier.Copied copied = HashingCopier.copy(backup.resolve(name), copy, name, progress, LinkOption.NOFOLLOW_LINKS);
        if (!copied.intact()) {
            throw new IOException(name + " does not read back from the restored copy as read from the backup");
        }
        if (!copied.source().sha256().equals(sha256)) {
            throw damaged(backup, name + " does not match its SHA-256 in the manifest");
        }
        if (name.startsWith(Vault.FOLDER + "/")) {
            PrivateFiles.makeReadOnly(copy);
        }
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
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            // A leftover hidden ".partial-" folder is never read as a backup or a store.
            LOG.warn("A partial backup or restore could not be removed completely", e);
        }
    }
}
