package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    private static final char[] PASSPHRASE = "a long enough passphrase".toCharArray();
    private static final String NAME = "Ana Slot";
    @TempDir Path dataFolder;

    private KeyFile keyFileAt(Instant now) {
        return new KeyFile(dataFolder, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theKeyFileHoldsTheParametersAndAWrappedRandomKey() throws Exception {
        byte[] key;
        try (StoreKey created = keyFileAt(Instant.now()).create(NAME, PASSPHRASE).key()) {
            key = created.bytes();
        }
        JsonNode file = new ObjectMapper().readTree(dataFolder.resolve(KeyFile.FILE_NAME).toFile());
        assertEquals(3, file.get("version").asInt());
        assertEquals(0, file.get("head").get("entries").asLong());
        assertEquals("PBKDF2WithHmacSHA256", file.get("kdf").asText());
        assertTrue(file.get("iterations").asInt() >= 600_000);
        assertEquals(16, java.util.Base64.getDecoder().decode(file.get("salt").asText()).length);
        assertEquals(1, file.get("slots").size());
        assertEquals(32 + 16, java.util.Base64.getDecoder().decode(file.get("slots").get(0).get("storeKey").asText()).length);
        assertFalse(file.has("wrappedKey"));
        assertFalse(Files.readString(dataFolder.resolve(KeyFile.FILE_NAME)).contains(NAME), "the key file names no reviewer");
        try (StoreKey unlocked = keyFileAt(Instant.now()).unlock(PASSPHRASE)) {
            assertArrayEquals(key, unlocked.bytes());
        }
    }

    @Test
    void aWrongPassphraseIsRefusedAndTouchesNothingButTheCounter() throws Exception {
        keyFileAt(Instant.now()).create(NAME, PASSPHRASE).key().close();
        byte[] before = Files.readAllBytes(dataFolder.resolve(KeyFile.FILE_NAME));
        WrongPassphraseException refused = assertThrows(WrongPassphraseException.class,
                () -> keyFileAt(Instant.now()).unlock("not the passphrase".toCharArray()));
        assertTrue(refused.getMessage().startsWith("Wrong passphrase for "), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dataFolder.resolve(KeyFile.FILE_NAME)));
        assertFalse(Files.exists(dataFolder.resolve("frameproof.mv.db")));
    }

    @Test
    void repeatedWrongPassphrasesWaitLongerEachTimeEvenAcrossRestarts() throws Exception {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        keyFileAt(start).create(NAME, PASSPHRASE).key().close();
        char[] wrong = "wrong wrong wrong".toCharArray();
        for (int attempt = 1; attempt <= UnlockAttempts.FREE_ATTEMPTS; attempt++) {
            assertEquals(attempt, assertThrows(WrongPassphraseException.class, () -> keyFileAt(start).unlock(wrong)).failures());
        }
        // A new KeyFile is a restarted program: the count comes from the data folder.
        WrongPassphraseException waiting = assertThrows(WrongPassphraseException.class,
                () -> keyFileAt(start.plusMillis(500)).unlock(PASSPHRASE));
        assertTrue(waiting.getMessage().contains("wait 1 s"), waiting.getMessage());
        assertThrows(WrongPassphraseException.class, () -> keyFileAt(start.plusSeconds(1)).unlock(wrong));
        WrongPassphraseException longer = assertThrows(WrongPassphraseException.class,
                () -> keyFileAt(start.plusSeconds(2)).unlock(PASSPHRASE));
        assertTrue(longer.getMessage().contains("wait 2 s"), longer.getMessage());
        // The right passphrase after the wait opens it and ends the wait; the wrong ones wait to be reported.
        keyFileAt(start.plusSeconds(3)).unlock(PASSPHRASE).close();
        assertFalse(keyFileAt(start.plusSeconds(3)).nextAttemptAllowedAt().isAfter(start.plusSeconds(3)));
        FailedAttempts unreported = keyFileAt(start.plusSeconds(3)).unreportedAttempts();
        assertEquals(UnlockAttempts.FREE_ATTEMPTS + 1, unreported.count());
        assertEquals(UnlockAttempts.FREE_ATTEMPTS + 1, unreported.times().size());
    }

    @Test
    void changingThePassphraseRewrapsTheSameKey() throws Exception {
        byte[] key;
        try (StoreKey created = keyFileAt(Instant.now()).create(NAME, PASSPHRASE).key()) {
            key = created.bytes();
            try (Database database = Database.open(dataFolder, created)) {
                new CaseRepository(database).insert("kept", "", "someone", Instant.now());
            }
        }
        char[] replacement = "another long passphrase".toCharArray();
        keyFileAt(Instant.now()).changePassphrase(null, PASSPHRASE, replacement);
        assertThrows(WrongPassphraseException.class, () -> keyFileAt(Instant.now()).unlock(PASSPHRASE));
        try (StoreKey unlocked = keyFileAt(Instant.now().plusSeconds(60)).unlock(replacement);
             Database database = Database.open(dataFolder, unlocked)) {
            assertArrayEquals(key, unlocked.bytes());
            assertEquals("kept", new CaseRepository(database).listByTitle().get(0).title());
        }
        assertFalse(Files.exists(dataFolder.resolve(KeyFile.FILE_NAME + ".new")));
    }

    @Test
    void aTamperedIterationCountIsRefused() throws Exception {
        keyFileAt(Instant.now()).create(NAME, PASSPHRASE).key().close();
        Path file = dataFolder.resolve(KeyFile.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("600000", "1000"));
        StoreException refused = assertThrows(StoreException.class, () -> keyFileAt(Instant.now()).unlock(PASSPHRASE));
        assertTrue(refused.getMessage().contains("only 1000"), refused.getMessage());
    }

    @Test
    void shortPassphrasesAndSecondKeysAreRefused() throws Exception {
        assertThrows(StoreException.class, () -> keyFileAt(Instant.now()).create(NAME, "short".toCharArray()));
        keyFileAt(Instant.now()).create(NAME, PASSPHRASE).key().close();
        assertThrows(StoreException.class, () -> keyFileAt(Instant.now()).create(NAME, PASSPHRASE).key());
    }
}
