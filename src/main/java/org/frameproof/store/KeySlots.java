package org.frameproof.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.frameproof.domain.Reviewer;

/**
 * The key file's slots, one per reviewer: each holds the store key and that reviewer's own keys,
 * wrapped with AES-256-GCM under a key derived from that reviewer's passphrase
 * (docs/decisions/0010-reviewer-identities-and-key-slots.md). A slot is found by an id derived
 * from the passphrase, so one key derivation finds it and the file names no reviewer; two
 * reviewers of a store cannot share a passphrase. The list of slots is authenticated under a key
 * derived from the store key, so a slot removed, swapped or brought back from an older file shows.
 */
final class KeySlots {
    static final String FIELD = "slots";
    /** The version the slots' associated data names. */
    private static final int SLOT_VERSION = 3;
    private static final String MAC_PURPOSE = "key-file-slots";
    private static final String HMAC = "HmacSHA256";
    private static final int ID_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySlots() {
    }

    /** What one slot gave: the store key's bytes, the reviewer's keys, and which slot it was. */
    record Opened(byte[] storeKey, ReviewerKeys reviewer, String slotId) {
    }

    /** The slot's id and wrapping key, both from one derivation of the passphrase with the file's salt. */
    private record SlotKeys(String id, SecretKeySpec wrappingKey) {
    }

    static boolean inUse(JsonNode file) {
        return file.has(FIELD);
    }

    /**
     * Opens the slot {@code passphrase} leads to.
     *
     * @throws AEADBadTagException when no slot belongs to the passphrase, or it belongs to another
     *     reviewer than {@code reviewerName} (when given): the caller counts it as a wrong passphrase
     */
    static Opened open(JsonNode file, char[] passphrase, String reviewerName) throws StoreException, AEADBadTagException {
        SlotKeys keys = derive(file, passphrase);
        for (JsonNode slot : file.path(FIELD)) {
            if (slot.path("id").asText().equals(keys.id())) {
                byte[] storeKey = decrypt(file, keys, slot, "storeKey");
                byte[] identity = decrypt(file, keys, slot, "identity");
                try {
                    ReviewerKeys reviewer = ReviewerKeys.decode(identity);
                    if (reviewerName != null && !Reviewer.sameName(reviewer.name(), reviewerName)) {
                        Arrays.fill(storeKey, (byte) 0);
                        throw new AEADBadTagException("the passphrase is another reviewer's");
                    }
                    return new Opened(storeKey, reviewer, keys.id());
                } finally {
                    Arrays.fill(identity, (byte) 0);
                }
            }
        }
        throw new AEADBadTagException("no slot belongs to this passphrase");
    }

    /** Adds a slot for {@code reviewer} under {@code passphrase}, and seals the new list. */
    static void add(ObjectNode file, StoreKey storeKey, ReviewerKeys reviewer, char[] passphrase) throws StoreException {
        SlotKeys keys = derive(file, passphrase);
        for (JsonNode slot : file.path(FIELD)) {
            if (slot.path("id").asText().equals(keys.id())) {
                throw new StoreException("Another reviewer of this store has this passphrase: choose another.");
            }
        }
        ArrayNode slots = file.has(FIELD) ? (ArrayNode) file.get(FIELD) : file.putArray(FIELD);
        ObjectNode slot = slots.addObject();
        slot.put("id", keys.id());
        byte[] key = storeKey.bytes();
        byte[] identity = reviewer.encode();
        try {
            encrypt(file, keys, slot, "storeKey", key);
            encrypt(file, keys, slot, "identity", identity);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(identity, (byte) 0);
        }
        seal(file, storeKey);
    }

    /** Removes the slot {@code slotId} (before it is put back under a new passphrase), and seals the list. */
    static void remove(ObjectNode file, StoreKey storeKey, String slotId) {
        ArrayNode slots = (ArrayNode) file.get(FIELD);
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).path("id").asText().equals(slotId)) {
                slots.remove(i);
                break;
            }
        }
        seal(file, storeKey);
    }

    /** Whether the list of slots is the one the store key sealed last. */
    static boolean sealed(JsonNode file, StoreKey storeKey) {
        return MessageDigest.isEqual(HexFormat.of().formatHex(mac(file, storeKey)).getBytes(StandardCharsets.US_ASCII),
                file.path("slotsMac").asText().getBytes(StandardCharsets.US_ASCII));
    }

    private static void seal(ObjectNode file, StoreKey storeKey) {
        file.put("slotsMac", HexFormat.of().formatHex(mac(file, storeKey)));
    }

    private static byte[] mac(JsonNode file, StoreKey storeKey) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(storeKey.derive(MAC_PURPOSE, HMAC));
            for (JsonNode slot : file.path(FIELD)) {
                for (String field : new String[] {"id", "storeKeyNonce", "storeKey", "identityNonce", "identity"}) {
                    mac.update(slot.path(field).asText().getBytes(StandardCharsets.US_ASCII));
                    mac.update((byte) '|');
                }
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has " + HMAC, e);
        }
    }

    private static SlotKeys derive(JsonNode file, char[] passphrase) throws StoreException {
        byte[] stretched = PassphraseKeys.derive(file, passphrase).getEncoded();
        try {
            byte[] id = expand(stretched, "frameproof-key-slot-id");
            byte[] wrapping = expand(stretched, "frameproof-key-slot-wrap");
            try {
                return new SlotKeys(Base64.getEncoder().encodeToString(Arrays.copyOf(id, ID_BYTES)), new SecretKeySpec(wrapping, "AES"));
            } finally {
                Arrays.fill(wrapping, (byte) 0);
            }
        } finally {
            Arrays.fill(stretched, (byte) 0);
        }
    }

    /** HKDF-Expand (RFC 5869) of one block: the stretched passphrase is already a uniform key. */
    private static byte[] expand(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has " + HMAC, e);
        }
    }

    private static void encrypt(JsonNode file, SlotKeys keys, ObjectNode slot, String what, byte[] plaintext) throws StoreException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.wrappingKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(file, keys.id(), what));
            slot.put(what + "Nonce", Base64.getEncoder().encodeToString(nonce));
            slot.put(what, Base64.getEncoder().encodeToString(cipher.doFinal(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new StoreException("Could not protect the keys: " + e.getMessage(), e);
        }
    }

    /** A slot whose id matched but whose content does not authenticate was altered: that is not a wrong passphrase. */
    private static byte[] decrypt(JsonNode file, SlotKeys keys, JsonNode slot, String what) throws StoreException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.wrappingKey(),
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(slot.path(what + "Nonce").asText())));
            cipher.updateAAD(associatedData(file, keys.id(), what));
            return cipher.doFinal(Base64.getDecoder().decode(slot.path(what).asText()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException("The key file was tampered with or is damaged: the slot of this passphrase does not"
                    + " authenticate.", e);
        }
    }

    /** The derivation's parameters, the slot and what is wrapped: none can be changed or swapped unnoticed. */
    private static byte[] associatedData(JsonNode file, String slotId, String what) {
        return ("frameproof-key-slot|" + SLOT_VERSION + "|" + file.path("kdf").asText() + "|" + file.path("iterations").asInt()
                + "|" + file.path("salt").asText() + "|" + slotId + "|" + what).getBytes(StandardCharsets.US_ASCII);
    }
}
