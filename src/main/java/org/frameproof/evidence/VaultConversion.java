package org.frameproof.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.store.AtomicFiles;
import org.frameproof.store.Database;

/**
 * Encrypts the footage of a vault made before vault files were encrypted: each
 * {@code vault/<sha256>} kept in the clear becomes an encrypted file under its keyed name, and is
 * removed only after that copy has been read back, decrypted, as the plaintext read. Every step
 * leaves the plaintext or a verified encrypted copy (or both), so the next open resumes where a
 * crash stopped. Each file's conversion is recorded in the audit log.
 */
final class VaultConversion {
    private static final Pattern SHA256_NAME = Pattern.compile("[0-9a-f]{64}");

    /** The steps of one file's conversion, in order. */
    enum Step { ENCRYPTED, PLACED, RECORDED, REMOVED }

    /** Hears each step as it is done; tests stop the conversion there, as a crash would. */
    @FunctionalInterface
    interface Steps {
        void reached(Step step, String sha256) throws IOException;
    }

    private final Vault vault;
    private final AuditLog audit;
    private final Database database;
    private final Steps steps;

    VaultConversion(Vault vault, AuditLog audit, Database database, Steps steps) {
        this.vault = vault;
        this.audit = audit;
        this.database = database;
        this.steps = steps;
    }

    /**
     * Converts every file still in the clear, telling {@code progress} each one's bytes under the
     * item "Encrypting the vault: file N of M".
     *
     * @return how many files were converted
     */
    int run(Progress progress) throws UserFacingException {
        List<Path> plaintext = plaintextFiles();
        for (int i = 0; i < plaintext.size(); i++) {
            convert(plaintext.get(i), "Encrypting the vault: file " + (i + 1) + " of " + plaintext.size(), progress);
        }
        return plaintext.size();
    }

    private void convert(Path file, String item, Progress progress) throws UserFacingException {
        String sha256 = file.getFileName().toString();
        try {
            Hashes read;
            Hashes converted = vault.rehash(sha256, item, progress);
            if (converted.sha256().equals(sha256)) {
                read = converted; // a crash stopped the last open after the encrypted copy was in place
            } else {
                Vault.StagedCopy staged = vault.encryptIntoIncoming(file, item, progress);
                steps.reached(Step.ENCRYPTED, sha256);
                vault.place(staged.file(), sha256);
                steps.reached(Step.PLACED, sha256);
                read = staged.hashes();
            }
            // A plaintext copy damaged before this version keeps its damage, encrypted: verify names it as before.
            database.transaction(() -> audit.record("vault.encrypt", "vault", sha256, null, AuditRecord.builder()
                    .text("sha256", sha256).text("contentSha256", read.sha256()).number("size", read.size())
                    .flag("matchesName", read.sha256().equals(sha256)).build()));
            steps.reached(Step.RECORDED, sha256);
            Files.delete(file);
            AtomicFiles.forceDirectory(vault.folder());
            steps.reached(Step.REMOVED, sha256);
        } catch (IOException e) {
            throw new UserFacingException("Could not encrypt the vault file " + sha256 + ": " + Vault.describe(e)
                    + " It is still there in the clear; opening the store again tries again.", e);
        }
    }

    /** Regular files named by a SHA-256 that are not vault files: what the vault held before it was encrypted. */
    private List<Path> plaintextFiles() throws UserFacingException {
        Path folder = vault.folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> plaintext = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                if (SHA256_NAME.matcher(file.getFileName().toString()).matches()
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !EncryptedVaultFile.isVaultFile(file)) {
                    plaintext.add(file);
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("Could not look through the vault " + folder + ": " + Vault.describe(e), e);
        }
        return plaintext;
    }
}
