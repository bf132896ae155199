package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several reviewers' slots in one key file, tested at the level of the key file and its cryptography. */
class KeySlotsTest {
    private static final char[] ANA = "ana's long passphrase".toCharArray();
    private static final char[] BO = "bo's other passphrase".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dataFolder;

    /** Each test runs a minute after the last, so that earlier wrong passphrases never make it wait. */
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private KeyFile keyFile() {
        now = now.plusSeconds(600);
        return new KeyFile(dataFolder, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A key file with Ana's slot and Bo's, added with the store key Ana's passphrase unwrapped. */
    private byte[] twoReviewers() throws Exception {
        byte[] storeKey;
        try (KeyFile.Unlocked ana = keyFile().create("Ana Lima", ANA)) {
            storeKey = ana.key().bytes();
            keyFile().addSlot(ana.key(), "Bo Chen", BO);
        }
        return storeKey;
    }

    private ObjectNode file() throws Exception {
        return (ObjectNode) JSON.readTree(dataFolder.resolve(KeyFile.FILE_NAME).toFile());
    }

    private void write(ObjectNode file) throws Exception {
        Files.write(dataFolder.resolve(KeyFile.FILE_NAME), JSON.writeValueAsBytes(file));
    }

    @Test
    void eachReviewersPassphraseUnlocksTheSameStoreKeyAndSaysWhoseItIs() throws Exception {
        byte[] storeKey = twoReviewers();
        try (KeyFile.Unlocked ana = keyFile().unlock(null, ANA); KeyFile.Unlocked bo = keyFile().unlock("bo chen", BO)) {
            assertArrayEquals(storeKey, ana.key().bytes());
            assertArrayEquals(storeKey, bo.key().bytes());
            assertEquals("Ana Lima", ana.reviewer().orElseThrow().name());
            assertEquals("Bo Chen", bo.reviewer().orElseThrow().name());
            assertFalse(java.util.Arrays.equals(ana.reviewer().get().signingPublicKey(), bo.reviewer().get().signingPublicKey()));
        }
        String text = Files.readString(dataFolder.resolve(KeyFile.FILE_NAME));
        // Names with a space: base64 and hex cannot hold one, so only a stored name would match.
        assertFalse(text.contains("Ana Lima") || text.contains("Bo Chen"), "the key file names no reviewer");
        assertEquals(2, file().get("slots").size());
    }

    @Test
    void aPassphraseNamedAsAnotherReviewerIsAWrongPassphrase() throws Exception {
        twoReviewers();
        WrongPassphraseException refused = assertThrows(WrongPassphraseException.class, () -> keyFile().unlock("Bo Chen", ANA));
        assertTrue(refused.getMessage().startsWith("Wrong passphrase for Bo Chen in "), refused.getMessage());
        assertThrows(WrongPassphraseException.class, () -> keyFile().unlock("Nobody", ANA));
        assertEquals(2, keyFile().unreportedAttempts().count(), "both are counted like any wrong passphrase");
    }

    @Test
    void oneReviewersPassphraseCannotUnwrapAnotherReviewersKeys() throws Exception {
        twoReviewers();
        ObjectNode file = file();
        ArrayNode slots = (ArrayNode) file.get("slots");
        ObjectNode anaSlot = (ObjectNode) slots.get(0);
        ObjectNode boSlot = (ObjectNode) slots.get(1);

        // Bo's slot alone: Ana's passphrase derives another slot id and another wrapping key.
        ObjectNode onlyBo = file.deepCopy();
        ((ArrayNode) onlyBo.get("slots")).remove(0);
        assertThrows(AEADBadTagException.class, () -> KeySlots.open(onlyBo, ANA, null));

        // Bo's wrapped keys put under Ana's slot id: found, but Ana's wrapping key does not open them.
        ObjectNode swapped = file.deepCopy();
        ObjectNode forged = (ObjectNode) swapped.get("slots").get(0);
        forged.put("identity", boSlot.get("identity").asText());
        forged.put("identityNonce", boSlot.get("identityNonce").asText());
        StoreException refused = assertThrows(StoreException.class, () -> KeySlots.open(swapped, ANA, null));
        assertTrue(refused.getMessage().contains("does not authenticate"), refused.getMessage());
        assertEquals(anaSlot.get("id").asText(), KeySlots.open(file, ANA, null).slotId());
    }

    @Test
    void twoReviewersCannotShareAPassphrase() throws Exception {
        try (KeyFile.Unlocked ana = keyFile().create("Ana Lima", ANA)) {
            StoreException refused = assertThrows(StoreException.class, () -> keyFile().addSlot(ana.key(), "Bo Chen", ANA));
            assertTrue(refused.getMessage().contains("Another reviewer of this store has this passphrase"), refused.getMessage());
        }
        assertEquals(1, file().get("slots").size());
    }

    @Test
    void aSlotRemovedOrBroughtBackFromAnOlderFileIsNoticed() throws Exception {
        twoReviewers();
        ObjectNode withBoth = file();
        ObjectNode withoutBo = withBoth.deepCopy();
        ((ArrayNode) withoutBo.get("slots")).remove(1);
        write(withoutBo);
        StoreException removed = assertThrows(StoreException.class, () -> keyFile().unlock(null, ANA));
        assertTrue(removed.getMessage().contains("was tampered with"), removed.getMessage());

        // Bo changes his passphrase; putting his old slot back would make the old passphrase work again.
        write(withBoth);
        keyFile().changePassphrase("Bo Chen", BO, "bo's new passphrase".toCharArray());
        ObjectNode changed = file();
        ((ArrayNode) changed.get("slots")).set(1, withBoth.get("slots").get(1));
        write(changed);
        assertThrows(StoreException.class, () -> keyFile().unlock("Bo Chen", BO));
    }

    @Test
    void aChangedPassphraseKeepsTheReviewersKeysAndTheOtherSlots() throws Exception {
        byte[] storeKey = twoReviewers();
        byte[] boSigning;
        try (KeyFile.Unlocked bo = keyFile().unlock("Bo Chen", BO)) {
            boSigning = bo.reviewer().orElseThrow().signingPublicKey();
        }
        char[] replacement = "bo's new passphrase".toCharArray();
        keyFile().changePassphrase("Bo Chen", BO, replacement);
        assertThrows(WrongPassphraseException.class, () -> keyFile().unlock("Bo Chen", BO));
        try (KeyFile.Unlocked bo = keyFile().unlock("Bo Chen", replacement); KeyFile.Unlocked ana = keyFile().unlock("Ana Lima", ANA)) {
            assertArrayEquals(boSigning, bo.reviewer().orElseThrow().signingPublicKey());
            assertArrayEquals(storeKey, bo.key().bytes());
            assertArrayEquals(storeKey, ana.key().bytes());
        }
        assertThrows(StoreException.class, () -> keyFile().changePassphrase("Bo Chen", replacement, ANA), "Ana's passphrase is taken");
    }

    @Test
    void aReviewersKeysSignWithEd25519AndSurviveTheirSlot() throws Exception {
        byte[] message = "a finding".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature;
        byte[] publicKey;
        try (KeyFile.Unlocked ana = keyFile().create("Ana Lima", ANA)) {
            signature = ana.reviewer().orElseThrow().sign(message);
        }
        try (KeyFile.Unlocked ana = keyFile().unlock("Ana Lima", ANA)) {
            publicKey = ana.reviewer().orElseThrow().signingPublicKey();
            assertEquals(32, ana.reviewer().get().encryptionPublicKey().length);
        }
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                concat(HexFormat.of().parseHex("302a300506032b6570032100"), publicKey))));
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    private static byte[] concat(byte[] one, byte[] two) {
        byte[] both = java.util.Arrays.copyOf(one, one.length + two.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        return both;
    }
}
