package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.store.KeyFile;
import org.frameproof.store.StoreKey;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store from before the vault was encrypted ({@code vault/<sha256>}, plaintext, 0440) is
 * converted on its first open, and a crash at any step of that leaves the plaintext or a verified
 * encrypted copy, and the next open finishes the work.
 */
@NativeTier
class VaultConversionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;
    private Path data;
    private List<Footage> items;
    private List<byte[]> originals;

    @BeforeEach
    void storeInTheOldLayout() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        data = work.resolve("data");
        Path folder = Files.createDirectories(work.resolve("originals"));
        List<Path> clips = List.of(Tools.clip(folder, "a.mp4", 1, 1), Tools.clip(folder, "b.mp4", 1, 2));
        originals = new ArrayList<>();
        for (Path clip : clips) {
            originals.add(Files.readAllBytes(clip));
        }
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Case A", "");
            items = new ArrayList<>();
            for (ImportResult result : store.footage().importFiles(investigation, clips, Provenance.UNKNOWN, Progress.NONE)) {
                items.add(result.footage());
            }
            // As the vault was before: each file in the clear under its SHA-256, read-only.
            for (int i = 0; i < items.size(); i++) {
                Files.delete(store.vault().encryptedFile(items.get(i).sha256()));
                Path plaintext = Files.write(vault().resolve(items.get(i).sha256()), originals.get(i));
                Files.setPosixFilePermissions(plaintext, PosixFilePermissions.fromString("r--r-----"));
            }
        }
    }

    private Path vault() {
        return data.resolve(Vault.FOLDER);
    }

    private List<String> plaintextNames() throws Exception {
        try (Stream<Path> files = Files.list(vault())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> items.stream().anyMatch(item -> item.sha256().equals(name))).toList();
        }
    }

    private static byte[] plaintextOf(EvidenceStore store, Footage item) throws Exception {
        try (VaultReader reader = store.vault().open(item.sha256(), item.originalName())) {
            return VaultBytes.plaintext(reader);
        }
    }

    private static long conversions(EvidenceStore store) throws Exception {
        return TestStores.auditEntries(store).stream().filter(entry -> entry.action().equals("vault.encrypt")).count();
    }

    @Test
    void theFirstOpenEncryptsEveryPlaintextFileWithProgressAndRecordsIt() throws Exception {
        List<String> reported = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void update(String item, long done, long total) {
                if (reported.isEmpty() || !reported.get(reported.size() - 1).equals(item)) {
                    reported.add(item);
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        try (EvidenceStore store = TestStores.stores().unlock(data, TestStores.PASSPHRASE.toCharArray(), false, progress)) {
            assertEquals(List.of(), plaintextNames(), "no file left in the clear");
            assertEquals(List.of("Encrypting the vault: file 1 of 2", "Encrypting the vault: file 2 of 2"), reported);
            for (int i = 0; i < items.size(); i++) {
                assertArrayEquals(originals.get(i), plaintextOf(store, items.get(i)));
            }
            assertTrue(store.verify(null, Progress.NONE).ok());
            List<AuditEntry> encrypted = TestStores.auditEntries(store).stream()
                    .filter(entry -> entry.action().equals("vault.encrypt")).toList();
            assertEquals(2, encrypted.size());
            assertTrue(encrypted.stream().allMatch(entry -> entry.afterJson().contains("\"matchesName\":true")), encrypted.toString());
        }
        try (EvidenceStore again = TestStores.unlock(data)) {
            assertEquals(2, conversions(again), "a converted vault is not converted again");
        }
    }

    @ParameterizedTest
    @EnumSource(VaultConversion.Step.class)
    void aCrashAtAnyStepLeavesThePlaintextOrAVerifiedCopyAndTheNextOpenFinishes(VaultConversion.Step crashAt) throws Exception {
        VaultConversion.Steps crash = (step, sha256) -> {
            if (step == crashAt) {
                throw new IllegalStateException("simulated crash after " + step);
            }
        };
        assertThrows(IllegalStateException.class,
                () -> TestStores.stores().unlock(data, null, TestStores.PASSPHRASE.toCharArray(), false, Progress.NONE, crash));
        try (StoreKey key = new KeyFile(data, Clock.systemUTC()).unlock(TestStores.PASSPHRASE.toCharArray())) {
            Vault vault = new Vault(data, VaultKeys.derive(key));
            for (Footage item : items) {
                boolean plaintextLeft = Files.exists(vault().resolve(item.sha256()));
                boolean verifiedCopy = vault.rehash(item.sha256(), item.originalName(), Progress.NONE).sha256().equals(item.sha256());
                assertTrue(plaintextLeft || verifiedCopy, crashAt + ": " + item.originalName() + " would be lost");
            }
        }
        try (EvidenceStore store = TestStores.unlock(data)) {
            assertEquals(List.of(), plaintextNames());
            try (Stream<Path> files = Files.list(vault())) {
                assertEquals(2, files.count(), "no half-written copy left behind");
            }
            for (int i = 0; i < items.size(); i++) {
                assertArrayEquals(originals.get(i), plaintextOf(store, items.get(i)));
            }
            assertTrue(store.verify(null, Progress.NONE).ok());
            assertTrue(conversions(store) >= 2, "each file's conversion is recorded");
        }
    }

    @Test
    void aBackupMadeBeforeTheVaultWasEncryptedIsRestoredIntoAnEncryptedVault() throws Exception {
        Path backup = work.resolve("backup");
        try (EvidenceStore store = TestStores.unlock(data)) {
            store.backup(backup, Progress.NONE);
            // As that version wrote it: the vault files in the clear under their SHA-256, and so in the manifest.
            ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readAllBytes(backup.resolve(Backup.MANIFEST)));
            for (int i = 0; i < items.size(); i++) {
                String sha256 = items.get(i).sha256();
                String keyed = Vault.FOLDER + "/" + store.vault().encryptedFile(sha256).getFileName();
                Files.delete(backup.resolve(keyed));
                Files.write(backup.resolve(Vault.FOLDER).resolve(sha256), originals.get(i));
                for (JsonNode entry : manifest.get("files")) {
                    if (entry.get("path").asText().equals(keyed)) {
                        ((ObjectNode) entry).put("path", Vault.FOLDER + "/" + sha256).put("sha256", sha256)
                                .put("size", originals.get(i).length);
                    }
                }
            }
            Files.write(backup.resolve(Backup.MANIFEST), JSON.writeValueAsBytes(manifest));
        }
        Path restored = work.resolve("restored");

        TestStores.stores().restore(backup, restored, TestStores.PASSPHRASE.toCharArray(), Progress.NONE);

        try (EvidenceStore store = TestStores.unlock(restored); Stream<Path> files = Files.list(restored.resolve(Vault.FOLDER))) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            assertTrue(items.stream().noneMatch(item -> names.contains(item.sha256())), names.toString());
            for (int i = 0; i < items.size(); i++) {
                assertArrayEquals(originals.get(i), plaintextOf(store, items.get(i)));
            }
            assertTrue(store.verify(null, Progress.NONE).ok());
        }
    }

    @Test
    void aPlaintextCopyDamagedBeforeTheConversionStaysDamagedEncryptedAndVerifyNamesIt() throws Exception {
        Path damaged = vault().resolve(items.get(0).sha256());
        Files.setPosixFilePermissions(damaged, PosixFilePermissions.fromString("rw-------"));
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[1000] ^= 1;
        Files.write(damaged, bytes);
        try (EvidenceStore store = TestStores.unlock(data)) {
            assertEquals(List.of(), plaintextNames());
            VerificationReport report = store.verify(null, Progress.NONE);
            assertFalse(report.ok());
            assertTrue(report.problems().get(0).startsWith("footage " + items.get(0).id() + " (a.mp4)"), report.problems().toString());
            assertTrue(TestStores.auditEntries(store).stream().anyMatch(entry -> entry.action().equals("vault.encrypt")
                    && entry.afterJson().contains("\"matchesName\":false")));
        }
    }

}
